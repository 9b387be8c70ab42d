/**
 * 微团队's scripted replies (the `volunteers` function's team commands, typed with the core's reply types through
 * weimin-core): a team in a list, a page of them, one team as a resident, a member and its leader see it.
 */
import type {
  TeamApplicationView,
  TeamDecideResult,
  TeamDetail,
  TeamInviteResult,
  TeamJoinResult,
  TeamListResult,
  TeamMemberChangeResult,
  TeamMemberView,
  TeamSummary,
} from 'weimin-core';
import { fakeCloud } from './support/fake-cloud';

/** The team commands' replies (the shared fake cloud's `Replies` table does not list `volunteers`). */
interface TeamReplies {
  'team.list': TeamListResult;
  'team.detail': TeamDetail;
  'team.join': TeamJoinResult;
  'team.leave': TeamMemberChangeResult;
  'team.invite': TeamInviteResult;
  'team.application.decide': TeamDecideResult;
}
type TeamCommand = keyof TeamReplies;
type Untyped = {
  ok(name: string, command: string, data: unknown): void;
  fail(name: string, command: string, code: string, message: string): void;
};

/** Answer a team command with `code: 'OK'` and this reply (or a function of the input). */
export function teamOk<C extends TeamCommand>(
  command: C,
  data: TeamReplies[C] | ((input: Record<string, unknown>) => TeamReplies[C]),
): void {
  (fakeCloud as unknown as Untyped).ok('volunteers', command, data);
}

export function teamFail(command: TeamCommand, code: string, message: string): void {
  (fakeCloud as unknown as Untyped).fail('volunteers', command, code, message);
}

export const T_APPLIED = Date.UTC(2025, 2, 9, 1, 30);

export function teamItem(over: Partial<TeamSummary> = {}): TeamSummary {
  return {
    teamId: 'team-1',
    name: '东门银发理发队',
    bond: 'interest',
    bondLabel: '趣缘',
    services: ['理发', '修脚'],
    communityId: '450902001001',
    leaderName: '王**',
    memberCount: 12,
    serviceCount: 8,
    serviceHours: 36.5,
    active: true,
    ...over,
  };
}

export function teamPage(items: TeamSummary[], over: Partial<TeamListResult> = {}): TeamListResult {
  return { communityId: '450902001001', items, page: 1, pageSize: 20, hasMore: false, ...over };
}

export function member(over: Partial<TeamMemberView> = {}): TeamMemberView {
  return {
    openid: 'o-leader',
    name: '王建国',
    position: 'leader',
    positionLabel: '队长',
    phone: '139****0002',
    phoneMasked: true,
    volunteerNo: 'YL2025000001',
    joinedAt: Date.UTC(2024, 5, 1),
    ...over,
  };
}

export function application(over: Partial<TeamApplicationView> = {}): TeamApplicationView {
  return {
    applicationId: 'team-1_o-applicant',
    openid: 'o-applicant',
    name: '李桂芳',
    phone: '13907750123',
    phoneMasked: false,
    appliedAt: T_APPLIED,
    ...over,
  };
}

/** The team as a resident of its community sees it: may apply or join with a code. */
export function teamDetail(over: Partial<TeamDetail> = {}): TeamDetail {
  return {
    ...teamItem(),
    description: '退休理发师和热心居民，每月为行动不便的老人上门理发。',
    servedCommunities: [
      { communityId: '450902001001', name: '东门社区' },
      { communityId: '450902001002', name: '西门社区' },
    ],
    partyOrgId: null,
    myState: 'none',
    actions: ['apply', 'join_with_code'],
    members: [
      member(),
      member({ openid: 'o-m1', name: '张**', position: 'member', positionLabel: '队员', volunteerNo: null }),
    ],
    page: 1,
    pageSize: 50,
    hasMoreMembers: false,
    applications: [],
    pendingCount: 0,
    ...over,
  };
}

/** The team as its leader sees it: phones in full, an application waiting. */
export function leaderView(over: Partial<TeamDetail> = {}): TeamDetail {
  return teamDetail({
    myState: 'leader',
    actions: ['invite', 'decide', 'remove_member', 'edit'],
    members: [member({ phone: '13907750002', phoneMasked: false })],
    applications: [application()],
    pendingCount: 1,
    ...over,
  });
}
