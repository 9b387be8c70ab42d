/**
 * What the team pages show (微团队 and 团队详情): a team as a row of the list, a team's page with where the
 * caller stands and the buttons its `actions` allow (decided by the core), its members and, for the leader,
 * the applications waiting; the invitation code's text and the check of a code typed.
 */
import type { TeamDetail, TeamInviteResult, TeamJoinResult, TeamSummary } from 'weimin-core';
import { formatShanghaiMinute } from '../../../utils/time.format';

export interface TeamRow {
  readonly id: string;
  readonly name: string;
  readonly bondLabel: string;
  readonly services: string;
  readonly leader: string;
  readonly meta: string;
  readonly ariaLabel: string;
}

function metaOf(t: TeamSummary): string {
  return `队员 ${t.memberCount} 人 · 服务 ${t.serviceCount} 次、${t.serviceHours} 小时`;
}

export function toTeamRow(t: TeamSummary): TeamRow {
  const leader = `队长 ${t.leaderName}`;
  return {
    id: t.teamId,
    name: t.name,
    bondLabel: t.bondLabel,
    services: t.services.join('、'),
    leader,
    meta: metaOf(t),
    ariaLabel: `${t.name}，${t.bondLabel}，${t.services.join('、')}，${leader}，${metaOf(t)}`,
  };
}

export interface MemberRowView {
  readonly id: string;
  readonly name: string;
  readonly leader: boolean;
  /** '' without a phone. */
  readonly phone: string;
  readonly volunteerNo: string;
}

export interface ApplicationRowView {
  readonly id: string;
  readonly name: string;
  readonly phone: string;
  readonly appliedText: string;
}

export interface TeamPageView {
  readonly name: string;
  readonly bondLabel: string;
  readonly services: string;
  readonly communities: string;
  readonly description: string;
  readonly leader: string;
  readonly meta: string;
  readonly active: boolean;
  /** Where the caller stands ('' for someone outside the team). */
  readonly stateText: string;
  readonly canApply: boolean;
  readonly canJoinWithCode: boolean;
  readonly canLeave: boolean;
  readonly canInvite: boolean;
  readonly canDecide: boolean;
  readonly members: readonly MemberRowView[];
  readonly moreMembers: boolean;
  readonly applications: readonly ApplicationRowView[];
  readonly pendingText: string;
}

const STATE_TEXTS = {
  leader: '您是本队队长',
  member: '您是本队队员',
  pending: '您的入队申请正在等待队长审核',
  none: '',
} as const;

export function teamPageView(d: TeamDetail): TeamPageView {
  return {
    name: d.name,
    bondLabel: d.bondLabel,
    services: d.services.join('、'),
    communities: d.servedCommunities.map((c) => c.name || c.communityId).join('、'),
    description: d.description,
    leader: `队长 ${d.leaderName}`,
    meta: metaOf(d),
    active: d.active,
    stateText: d.active ? STATE_TEXTS[d.myState] : '该志愿服务队已解散',
    canApply: d.actions.includes('apply'),
    canJoinWithCode: d.actions.includes('join_with_code'),
    canLeave: d.actions.includes('leave'),
    canInvite: d.actions.includes('invite'),
    canDecide: d.actions.includes('decide'),
    members: d.members.map((m) => ({
      id: m.openid,
      name: m.name,
      leader: m.position === 'leader',
      phone: m.phone,
      volunteerNo: m.volunteerNo ?? '',
    })),
    moreMembers: d.hasMoreMembers,
    applications: d.applications.map((a) => ({
      id: a.applicationId,
      name: a.name,
      phone: a.phone,
      appliedText: `${formatShanghaiMinute(a.appliedAt)} 申请`,
    })),
    pendingText: d.pendingCount > 0 ? `${d.pendingCount} 人申请入队` : '暂无入队申请',
  };
}

/** The code as the leader reads it out, and until when it works. */
export function inviteText(invite: TeamInviteResult): string {
  return `邀请码 ${invite.inviteCode}，${formatShanghaiMinute(invite.expiresAt)} 前有效，只能使用一次`;
}

const INVITE_CODE = /^[A-Za-z0-9]{6,12}$/;

/** The code typed, upper-cased; or the reason it is not one. */
export function checkInviteCode(typed: string): { code: string } | { problem: string } {
  const code = typed.trim().toUpperCase();
  return INVITE_CODE.test(code) ? { code } : { problem: '邀请码为 6 到 12 位字母或数字' };
}

/** What joining said: a member with their volunteer number, or an application sent. */
export function joinDoneText(joined: TeamJoinResult): string {
  return joined.state === 'member'
    ? `已加入${joined.teamName}${joined.volunteerNo ? `，志愿者编号 ${joined.volunteerNo}` : ''}`
    : `已向${joined.teamName}提交入队申请，请等待队长审核`;
}
