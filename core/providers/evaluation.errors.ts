/**
 * Stable error codes of evaluations, rectification, removal, the regulator reports and the red-star board
 * (docs/governance.md). Never change an existing one: the mini-program, the console and the tests read them.
 * Codes from other modules also reach callers: INVALID_INPUT (core/schemas), UNAUTHENTICATED /
 * PERMISSION_DENIED / OUT_OF_SCOPE (core/auth), PROVIDER_ILLEGAL_TRANSITION / PROVIDER_ACTOR_NOT_ALLOWED /
 * PROVIDER_REASON_REQUIRED / PROVIDER_RECTIFY_DEADLINE_INVALID (core/lifecycle), IDEMPOTENCY_KEY_REUSED.
 *
 * A record the caller may not see answers like one that does not exist (…_NOT_FOUND).
 */
import { domainErrorsOf } from '../kernel/errors';

export const EVALUATION_ERRORS = {
  EVALUATION_NOT_FOUND: '考核评价不存在或您无权查看',
  /** The unit named for a campaign is not one the caller acts for (or does not exist). */
  EVALUATION_UNIT_NOT_FOUND: '所选单位不存在或不在您的管辖范围内',
  /** No active or rectifying provider is managed by the unit. */
  EVALUATION_NO_PROVIDERS: '该单位暂无可参加考核的服务机构',
  /** A campaign of this kind and year for this unit exists already (yearly only). */
  EVALUATION_CAMPAIGN_EXISTS: '该单位本年度的考核已经发起',
  /** Input and decision only while the evaluation is a draft. */
  EVALUATION_ALREADY_PUBLISHED: '该考核评价已公布，不能再修改',
  /** rectify needs problems to fix. */
  EVALUATION_PROBLEMS_REQUIRED: '责令限期整改时请填写问题清单',
  /** The provider is no longer active or rectifying (removed, exited, suspended). */
  EVALUATION_PROVIDER_NOT_EVALUABLE: '该服务机构当前状态不能进行考核评价',
  PROVIDER_NOT_FOUND: '服务机构不存在或您无权查看',
  /** provider.recheck is for a provider under rectification. */
  PROVIDER_NOT_RECTIFYING: '该服务机构不在限期整改中，无需验收',
  REPORT_NOT_FOUND: '报备记录不存在或您无权查看',
  /** provider.standing: the caller is not staff of any provider. */
  STANDING_NO_PROVIDER: '您还不是服务机构的工作人员',
} as const;

export type EvaluationErrorCode = keyof typeof EVALUATION_ERRORS;

export const evaluationError = domainErrorsOf(EVALUATION_ERRORS);
