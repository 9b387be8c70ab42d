/**
 * Stable error codes of 双报到 (docs/party.md). Never change an existing one: the mini-program, the console
 * and the tests read them. Codes from other modules also reach callers: INVALID_INPUT (core/schemas),
 * UNAUTHENTICATED / PERMISSION_DENIED / OUT_OF_SCOPE (core/auth), IDEMPOTENCY_KEY_REUSED (core/idempotency),
 * RATE_LIMITED.
 */
import { domainErrorsOf } from '../kernel/errors';

const RISKY = '含有不适宜发布的信息，请修改后再提交';

export const PARTY_ERRORS = {
  /** The unit named is not a community (双报到 is to a community). */
  PARTY_COMMUNITY_NOT_FOUND: '所选社区不存在，请选择要报到的社区',
  /** Volunteer teams register as teams (志愿服务队), not through 双报到 of party organisations and members. */
  PARTY_KIND_UNSUPPORTED: '志愿服务队请在“志愿服务队”中申请，此处仅受理党组织和党员报到',
  /** One pending request per applicant and community. */
  PARTY_REGISTRATION_PENDING: '您在该社区已有待确认的报到申请，请等待社区确认后再提交',
  /** Already registered (an active member, or the secretary of an organisation registered there). */
  PARTY_ALREADY_REGISTERED: '您已在该社区报到，无需重复报到',
  /** The party organisation a member names is not one registered with that community. */
  PARTY_ORG_NOT_FOUND: '所选党组织未在该社区报到',
  /** A member names no organisation and the community has no party organisation of its own on the platform. */
  PARTY_COMMUNITY_ORG_MISSING: '该社区的党组织尚未登记，请先选择您所在的已报到党组织',
  PARTY_TEXT_RISKY: `报到信息${RISKY}`,
  PARTY_REASON_RISKY: `审核意见${RISKY}`,
  PARTY_REGISTRATION_NOT_FOUND: '报到申请不存在或您无权查看',
  PARTY_REGISTRATION_DECIDED: '该报到申请已经处理过了',
  PARTY_MEMBER_NOT_FOUND: '党员记录不存在或您无权查看',
  PARTY_MEMBER_LEFT: '该党员已退出本社区的报到',
  /** The roster without a community, asked by someone who serves none. */
  PARTY_COMMUNITY_REQUIRED: '请选择要查看的社区',
} as const;

export type PartyErrorCode = keyof typeof PARTY_ERRORS;

export const partyError = domainErrorsOf(PARTY_ERRORS);
