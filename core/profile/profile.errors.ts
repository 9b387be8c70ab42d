/**
 * Stable error codes of the profile use cases (`profile.bind`, `profile.phone.set`, `profile.delete`, the
 * privacy requests). Never change an existing
 * one: the mini-program and the functions' tests read them. Codes from other modules also reach callers:
 * INVALID_INPUT (core/schemas: a missing consent, a malformed number), UNAUTHENTICATED / PERMISSION_DENIED
 * (core/auth), ORG_UNIT_NOT_FOUND (core/catalog), IDEMPOTENCY_KEY_REUSED (core/idempotency).
 */
import { domainErrorsOf } from '../kernel/errors';

export const PROFILE_ERRORS = {
  /** The unit exists but is a city, county or street: residents bind a grid (小区/网格) or a community. */
  ORG_UNIT_NOT_BINDABLE: '请选择您所在的小区（网格）或社区',
  /** WeChat gave no usable number for the phone-number button's code (invalid, expired, used, or failed). */
  PHONE_CODE_INVALID: '获取手机号失败，请手动填写手机号码',
  /** Content security refused the nickname. */
  NICKNAME_RISKY: '称呼含有不适宜的内容，请修改后再提交',
  /** profile.delete while an order is waiting or being served: cancel it, wait, or ask a worker. */
  ACCOUNT_HAS_OPEN_ORDERS:
    '您还有进行中的订单，请先取消或等服务完成后再注销；也可以提交注销申请，由社区工作人员协助办理',
  /** profile.delete while a concern is still being handled. */
  ACCOUNT_HAS_OPEN_CONCERNS:
    '您还有正在办理的忧心事或微心愿，请办结或撤回后再注销；也可以提交注销申请，由社区工作人员协助办理',
  /** profile.delete by someone who also works on the platform (provider staff, worker...): a person decides. */
  ACCOUNT_HAS_ROLES: '您在平台上还担任服务机构人员等身份，不能直接注销；请提交注销申请，由社区工作人员办理',
  /** privacy.request.submit about an order that is not the caller's (or does not exist). */
  PRIVACY_ORDER_NOT_FOUND: '没有找到您的这个订单',
  /** privacy.request.submit by someone with no unit and no order: no worker could take it. */
  PRIVACY_REQUEST_NO_UNIT: '请先选择所在小区，以便社区工作人员办理您的申请',
  /** privacy.request.submit with too many requests waiting. */
  PRIVACY_REQUEST_LIMIT: '您已有多件申请正在办理，请等办结后再提交',
  /** privacy.request.decide of a request that does not exist. */
  PRIVACY_REQUEST_NOT_FOUND: '没有找到这件申请',
  /** privacy.request.decide of a request already completed or refused. */
  PRIVACY_REQUEST_DECIDED: '这件申请已经办结，不能再次办理',
} as const;

export type ProfileErrorCode = keyof typeof PROFILE_ERRORS;

export const profileError = domainErrorsOf(PROFILE_ERRORS);
