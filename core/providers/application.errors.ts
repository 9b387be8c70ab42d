/**
 * Stable error codes of the provider application (入驻申请), its assessments, public notice (公示), objections
 * and the agreement (docs/governance.md). Never change an existing one: the mini-program, the console and the
 * tests read them. Codes from other modules also reach callers: INVALID_INPUT (core/schemas; the credit-code
 * checksum is a schema error, field `creditCode`), UNAUTHENTICATED / PERMISSION_DENIED / OUT_OF_SCOPE
 * (core/auth), APPLICATION_ILLEGAL_TRANSITION / APPLICATION_ACTOR_NOT_ALLOWED / APPLICATION_REASON_REQUIRED /
 * APPLICATION_NOTICE_NOT_OVER (core/lifecycle), IDEMPOTENCY_KEY_REUSED (core/idempotency).
 *
 * An application the caller may not see is APPLICATION_NOT_FOUND, the same answer as one that does not exist.
 */
import { DomainError, domainErrorsOf } from '../kernel/errors';

const RISKY = '含有不适宜发布的信息，请修改后再提交';

export const APPLICATION_ERRORS = {
  APPLICATION_NOT_FOUND: '入驻申请不存在或您无权查看',
  /** The unit applied to is not a community or grid (or, for a paper form, not within the worker's units). */
  APPLICATION_UNIT_NOT_FOUND: '所选社区或网格不存在或不在您的管辖范围内',
  /** A worker or leader files applications only as paper forms entered for an applicant (`paper`). */
  APPLICATION_PAPER_REQUIRED: '工作人员只能代为录入纸质申请，请填写收件日期和申请人电话',
  /** A service area named is not a unit of the platform. */
  APPLICATION_AREA_NOT_FOUND: '所选服务范围中有不存在的单位',
  /** An item applied for is not in the service catalogue (or switched off). */
  APPLICATION_ITEM_NOT_FOUND: '所选服务项目不存在或已停用',
  /** Message used only without a stored reason; `blacklistedError` names it. */
  APPLICATION_BLACKLISTED: '该统一社会信用代码已被列入黑名单，不能申请入驻',
  /** One open application per credit code, and none for a provider already on the platform. */
  APPLICATION_DUPLICATE: '该统一社会信用代码已有正在办理的入驻申请或已入驻平台',
  /** provider.apply with `applicationId`: only the applicant's own returned application. */
  APPLICATION_NOT_RESUBMITTABLE: '只有退回补充材料的申请可以修改后重新提交',
  /** The notice needs the 孵化中心's assessment and one per industry; the message names what is missing. */
  APPLICATION_ASSESSMENT_MISSING: '尚缺少评估意见，暂不能发布公示',
  /** provider.application.assess: only applications under review are assessed. */
  APPLICATION_NOT_ASSESSABLE: '该申请当前不能评估（仅审核中的申请可以评估）',
  /** provider.application.decide names a status the command does not move to (sign, withdraw have their own). */
  APPLICATION_DECISION_NOT_AVAILABLE: '该操作请通过签署服务协定或撤回申请办理',
  /** Objections are taken only while the application is noticed (公示中). */
  APPLICATION_NOT_NOTICED: '该申请不在公示期内，不能提出异议',
  APPLICATION_OWN: '不能对本人提交的入驻申请提出异议',
  APPLICATION_OBJECTIONS_OPEN: '公示期内的异议尚未全部答复，暂不能签署服务协定',
  APPLICATION_TEXT_RISKY: `申请内容${RISKY}`,
  OBJECTION_TEXT_RISKY: `异议内容${RISKY}`,
  /** provider.objection.answer: the reply is checked as the objection was (content security, scene 'comment'). */
  OBJECTION_REPLY_RISKY: `答复内容${RISKY}`,
  OBJECTION_NOT_FOUND: '异议不存在或您无权查看',
  OBJECTION_ALREADY_ANSWERED: '该异议已经答复',
  /** The applicant signs the version in force (config.governance.agreementVersion). */
  AGREEMENT_VERSION_OUTDATED: '服务协定已更新，请阅读最新版本后再签署',
  /** A worker recording a paper agreement names the signer and the date. */
  AGREEMENT_PAPER_REQUIRED: '代为录入纸质服务协定时，请填写签署人和签署日期',
  AGREEMENT_PAPER_NOT_ALLOWED: '申请人本人在线签署时不需要填写纸质协定信息',
} as const;

export type ApplicationErrorCode = keyof typeof APPLICATION_ERRORS;

export const applicationError = domainErrorsOf(APPLICATION_ERRORS);

/** APPLICATION_BLACKLISTED with the removal reason in the message. */
export function blacklistedError(reason: string, details?: Record<string, unknown>): DomainError {
  const why = reason.trim().length === 0 ? '' : `（清退原因：${reason.trim()}）`;
  return new DomainError(
    'APPLICATION_BLACKLISTED',
    `该统一社会信用代码已被列入黑名单，不能申请入驻${why}`,
    details,
  );
}

/** APPLICATION_ASSESSMENT_MISSING naming what is missing. */
export function assessmentMissingError(missing: readonly string[]): DomainError {
  return new DomainError(
    'APPLICATION_ASSESSMENT_MISSING',
    `尚缺少${missing.join('、')}的评估意见，暂不能发布公示`,
    { missing },
  );
}
