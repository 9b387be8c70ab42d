/**
 * Stable error codes of volunteer activities, hours and records (docs/volunteers.md). Never change an
 * existing one: the mini-program, the console and the tests read them. Codes from other modules also reach
 * callers: INVALID_INPUT (core/schemas), UNAUTHENTICATED / PERMISSION_DENIED / OUT_OF_SCOPE (core/auth),
 * IDEMPOTENCY_KEY_REUSED (core/idempotency), RATE_LIMITED.
 *
 * An activity the caller may not see is ACTIVITY_NOT_FOUND, the same answer as for one that does not exist.
 */
import { domainErrorsOf } from '../kernel/errors';

const RISKY = '含有不适宜发布的信息，请修改后再提交';

export const VOLUNTEER_ERRORS = {
  ACTIVITY_NOT_FOUND: '活动不存在或您无权查看',
  /** The caller has no community yet (a resident who has not bound one, a volunteer without a team's community). */
  ACTIVITY_COMMUNITY_REQUIRED: '请先在“我的”中绑定所在小区（网格），再查看本社区的志愿活动',
  /** The unit named is not a grid or community, or not one the organiser may schedule for. */
  ACTIVITY_UNIT_NOT_FOUND: '所选社区或网格不存在或不在您的管辖范围内',
  ACTIVITY_TEAM_NOT_FOUND: '志愿服务队不存在或不在该社区',
  /** Editing keeps the organising unit and team. */
  ACTIVITY_ORGANISER_FIXED: '活动的组织单位和队伍不能修改，如需更换请取消后重新发布',
  ACTIVITY_TIME_PAST: '活动开始时间应晚于当前时间',
  ACTIVITY_NOT_EDITABLE: '活动已开始、已结束或已取消，不能再修改',
  ACTIVITY_CAPACITY_BELOW_SIGNUPS: '已有人报名，名额只能增加不能减少',
  ACTIVITY_TEXT_RISKY: `活动内容${RISKY}`,
  ACTIVITY_FULL: '名额已满',
  ACTIVITY_ALREADY_SIGNED: '您已报名该活动',
  ACTIVITY_SIGNUP_CLOSED: '报名已截止',
  /** Signing up as a volunteer needs a volunteer or party-member grant (志愿者或党员). */
  ACTIVITY_VOLUNTEER_REQUIRED: '只有志愿者或党员可以以志愿者身份报名',
  ACTIVITY_NOT_SIGNED: '您没有报名该活动',
  ACTIVITY_STARTED: '活动已开始，不能取消报名',
  ACTIVITY_CHECKIN_NOT_OPEN: '签到尚未开始或已结束（活动开始前1小时至结束后1小时可签到）',
  CHECKIN_CODE_INVALID: '签到码无效，请扫描活动现场的签到码',
  CHECKIN_CODE_EXPIRED: '签到码已过期，请扫描组织者手机上的最新签到码',
  CHECKIN_CODE_USED: '该签到码已被使用，请扫描组织者手机上的最新签到码',
  ACTIVITY_ALREADY_CHECKED_IN: '您已签到',
  ACTIVITY_NOT_CHECKED_IN: '请先签到再签退',
  ACTIVITY_ALREADY_CHECKED_OUT: '您已签退',
  /** Hours are credited to volunteers only (and after check-in). */
  HOURS_NOT_VOLUNTEER: '只能为报名的志愿者确认服务时长',
  HOURS_NOT_ATTENDED: '该志愿者没有签到，不能确认服务时长',
  HOURS_NOT_YET: '活动结束后才能确认服务时长',
  HOURS_OUTSIDE_WINDOW: '服务时长超出了活动时间范围',
  ACTIVITY_RATE_NOT_ALLOWED: '只有签到参加活动的居民可以在活动结束后评价',
  ACTIVITY_ALREADY_RATED: '您已评价过该活动',
  ACTIVITY_RATING_RISKY: `评价内容${RISKY}`,
  ACTIVITY_CANCEL_REASON_RISKY: `取消原因${RISKY}`,
  VOLUNTEER_NOT_FOUND: '您还没有志愿者记录（以志愿者身份报名活动或加入志愿服务队后生成）',
  VOLUNTEER_NO_HOURS: '还没有已确认的志愿服务时长，暂不能出具证明',
  // Teams (微团队). A team the caller may not see or manage is TEAM_NOT_FOUND, as for one that does not exist.
  TEAM_NOT_FOUND: '志愿服务队不存在或您无权查看',
  /** team.list without a community, for a caller who has bound none. */
  TEAM_COMMUNITY_REQUIRED: '请先在“我的”中绑定所在小区（网格），再查看本社区的志愿服务队',
  TEAM_INACTIVE: '该志愿服务队已解散',
  /** The team's community is not a community, or not one the caller may form teams in. */
  TEAM_COMMUNITY_NOT_FOUND: '所选社区不存在或不在您的管辖范围内',
  /** The other communities served must be communities of the same street. */
  TEAM_SERVED_COMMUNITY_INVALID: '服务的其他社区应为同一街道的社区',
  /** An edit keeps the team's community. */
  TEAM_COMMUNITY_FIXED: '队伍所在社区不能修改',
  TEAM_TEXT_RISKY: `队伍名称或简介${RISKY}`,
  /** The leader chosen has no profile bound to the team's community. */
  TEAM_LEADER_NOT_IN_COMMUNITY: '队长应为已在本社区绑定的居民',
  /** A team's leader is set by the community's workers (team.leader.set), not by an edit. */
  TEAM_LEADER_FIXED: '队长请由社区工作人员在“指定队长”中更换',
  TEAM_INVITE_NOT_FOUND: '邀请码不存在，请核对后重新输入',
  TEAM_INVITE_EXPIRED: '邀请码已过期，请联系队长重新生成',
  TEAM_INVITE_USED: '邀请码已被使用，请联系队长重新生成',
  TEAM_ALREADY_MEMBER: '您已是该志愿服务队的成员',
  TEAM_APPLICATION_PENDING: '您的入队申请正在等待队长审核',
  /** Applying (without a code) is for people of the communities the team serves. */
  TEAM_JOIN_NOT_IN_COMMUNITY: '只有本队服务社区的居民可以申请加入，或请向队长索取邀请码',
  TEAM_APPLICATION_NOT_FOUND: '入队申请不存在或已处理',
  TEAM_NOT_MEMBER: '不是本队的成员',
  /** The leader stays until the workers set another (team.leader.set). */
  TEAM_LEADER_CANNOT_LEAVE: '队长不能退出或被移出，请先由社区工作人员更换队长',
  /** The volunteer number named is unknown, or not a volunteer of the caller's unit or team. */
  VOLUNTEER_NUMBER_NOT_FOUND: '志愿者不存在或不在您的管理范围内',
  /** The record a correction names is not this volunteer's, or not of the kind being recorded. */
  VOLUNTEER_RECORD_NOT_FOUND: '要更正的记录不存在，或不是该志愿者的同类记录',
  VOLUNTEER_RECORD_TEXT_RISKY: `记录内容${RISKY}`,
} as const;

export type VolunteerErrorCode = keyof typeof VOLUNTEER_ERRORS;

export const volunteerError = domainErrorsOf(VOLUNTEER_ERRORS);
