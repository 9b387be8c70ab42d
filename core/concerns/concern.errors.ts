/**
 * Stable error codes of the concerns loop (docs/concerns.md). Never change an existing one: the mini-program,
 * the console and the tests read them. Codes from other modules also reach callers: INVALID_INPUT
 * (core/schemas), UNAUTHENTICATED / PERMISSION_DENIED / OUT_OF_SCOPE (core/auth), CONCERN_ILLEGAL_TRANSITION /
 * CONCERN_ACTOR_NOT_ALLOWED / CONCERN_REASON_REQUIRED / CONCERN_AT_TOP_LEVEL (core/lifecycle),
 * IDEMPOTENCY_KEY_REUSED (core/idempotency), RATE_LIMITED.
 *
 * A concern the caller may not see is CONCERN_NOT_FOUND, the same answer as for one that does not exist.
 */
import { domainErrorsOf } from '../kernel/errors';

const RISKY = '含有不适宜发布的信息，请修改后再提交';

export const CONCERN_ERRORS = {
  CONCERN_NOT_FOUND: '诉求不存在或您无权查看',
  /** The resident has not bound the grid or community they live in (profile.bind), and named none. */
  CONCERN_UNIT_REQUIRED: '请先在“我的”中绑定所在小区（网格），再提交诉求',
  /** The unit named is not a grid or community, or not one the worker may file for. */
  CONCERN_UNIT_NOT_FOUND: '所选社区或网格不存在或不在您的管辖范围内',
  /** A worker filing for a resident (代办) must say who, and how they agreed. */
  CONCERN_ON_BEHALF_REQUIRED: '代居民提交时，请填写居民姓名和同意方式',
  CONCERN_ON_BEHALF_NOT_ALLOWED: '居民本人提交时不需要填写代办信息',
  /** Approving a sensitive worry needs the neutral summary the wall shows instead of its details. */
  CONCERN_PUBLIC_SUMMARY_REQUIRED: '该诉求涉及敏感个人信息，审核通过时请填写不含个人细节的公开摘要',
  CONCERN_ALREADY_CLAIMED: '该诉求已被认领',
  /** claimAs names a team, a party organisation or a unit the caller does not act for. */
  CONCERN_CLAIM_AS_NOT_ALLOWED: '您不能以该身份认领（请确认您是志愿队队长、党组织书记或本单位工作人员）',
  CONCERN_ALREADY_SUPPORTED: '您已经表示过关心这件事了',
  CONCERN_OWN: '这是您本人提交的诉求',
  /** 我也关心 is for the open concerns of the caller's own community. */
  CONCERN_NOT_SUPPORTABLE: '只能关心本社区正在办理的诉求',
  /** joint_meeting.*: the concern is not with the caller's joint meeting (or not taken yet). */
  JOINT_MEETING_NOT_HANDLING: '该诉求不在本级联席会议办理中',
  JOINT_MEETING_TASK_NOT_FOUND: '该部门任务不存在',
  JOINT_MEETING_TASK_DONE: '该部门任务已完成',
  JOINT_MEETING_TASK_DUE_PAST: '任务完成时限应晚于当前时间',
  CONCERN_TEXT_RISKY: `诉求内容${RISKY}`,
  CONCERN_REASON_RISKY: `填写的原因或说明${RISKY}`,
  CONCERN_PROGRESS_RISKY: `进展或办结说明${RISKY}`,
} as const;

export type ConcernErrorCode = keyof typeof CONCERN_ERRORS;

export const concernError = domainErrorsOf(CONCERN_ERRORS);
