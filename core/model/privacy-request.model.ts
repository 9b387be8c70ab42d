import type { PrivacyRequestKind } from '../schemas/privacy-request.fields';
import type { BaseDocument, Located, Millis, Timestamps } from './common.model';

export type { PrivacyRequestKind };

/**
 * What a resident may ask of the platform about their personal data that a person has to decide
 * (PIPL arts. 46, 47, 50): a correction the resident cannot make themselves (e.g. on a past order), the
 * deletion of an account that cannot be deleted at once (an order still open, a role beyond resident), or
 * anything else about their data. The kinds are the schema's (core/schemas/privacy-request.fields.ts).
 */
export const PRIVACY_REQUEST_KIND_LABELS: Readonly<Record<PrivacyRequestKind, string>> = {
  correction: '更正个人信息',
  deletion: '注销账号',
  other: '其他个人信息事项',
};

/** The request's own small state: waiting for a worker, done, or refused with a reason. */
export const PRIVACY_REQUEST_STATUSES = ['pending', 'completed', 'refused'] as const;
export type PrivacyRequestStatus = (typeof PRIVACY_REQUEST_STATUSES)[number];

export const PRIVACY_REQUEST_STATUS_LABELS: Readonly<Record<PrivacyRequestStatus, string>> = {
  pending: '处理中',
  completed: '已办结',
  refused: '不予办理',
};

/**
 * `privacy_requests`: one such request and its answer, due within 15 working days (`dueAt`, weekends and
 * the State Council's public holidays skipped: core/privacy/working-days.ts). `orgPath` is the unit whose
 * workers handle it: the order's for a request about an order, else the resident's home. A deletion the
 * resident made at once is recorded here too, completed, under the pseudonym their kept records were given.
 */
export interface PrivacyRequest extends BaseDocument, Timestamps, Located {
  /** The resident (after a deletion: the pseudonym of their kept records). */
  readonly requesterOpenid: string;
  readonly kind: PrivacyRequestKind;
  /** What the resident asks, in their words (stored sealed). */
  readonly content: string;
  /** The order it is about, if any. */
  readonly orderId: string | null;
  readonly status: PrivacyRequestStatus;
  readonly dueAt: Millis;
  /** The worker who decided (or the resident, for a deletion made at once). */
  readonly decidedBy: string | null;
  readonly decidedAt: Millis | null;
  /** The answer shown to the resident; the reason, when refused. */
  readonly reply: string | null;
  /** Done by the resident at once (a deletion that needed nobody). */
  readonly selfService: boolean;
}
