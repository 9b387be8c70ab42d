/** Declining a job needs a reason the resident and the workers can see (core orderDeclineSchema limits). */

export const DECLINE_REASON_MAX = 200;

export function checkDeclineReason(
  reason: string,
): { ok: true; reason: string } | { ok: false; message: string } {
  const trimmed = reason.trim();
  if (trimmed === '') return { ok: false, message: '请填写拒单原因' };
  if (trimmed.length > DECLINE_REASON_MAX) {
    return { ok: false, message: `拒单原因不能超过 ${DECLINE_REASON_MAX} 个字` };
  }
  return { ok: true, reason: trimmed };
}
