/**
 * The team pages (微团队, 团队详情) in the states a user meets, for the 适老化 audit (docs/elder-mode.md, "Adding a
 * page to the audit"): audit/scenarios.ts spreads them into SCENARIOS. The list and none; a team for a resident
 * who may apply, with the code field open; a member; the leader with a code shown and an application waiting.
 */
import type { Scenario, ScenarioKit } from './audit/scenario.types';
import { leaderView, teamDetail, teamItem, teamPage } from './team-replies';

type Untyped = { ok(name: string, command: string, data: unknown): void };
const ok = (kit: ScenarioKit, command: string, data: unknown) =>
  (kit.fakeCloud as unknown as Untyped).ok('volunteers', command, data);

const TEAMS = 'packages/community/pages/teams/teams';
const TEAM = 'packages/community/pages/team/team';

export const TEAM_SCENARIOS: Scenario[] = [
  {
    title: '微团队',
    page: TEAMS,
    replies: (kit) =>
      ok(
        kit,
        'team.list',
        teamPage([
          teamItem(),
          teamItem({
            teamId: 'team-2',
            name: '玉州区东门社区金港花园小区夜间治安巡逻和邻里纠纷调解志愿服务队',
            bond: 'geographic',
            bondLabel: '地缘',
            services: ['治安巡防', '邻里调解', '独居老人探访'],
          }),
        ]),
      ),
  },
  {
    title: '微团队（本社区还没有）',
    page: TEAMS,
    replies: (kit) => ok(kit, 'team.list', teamPage([])),
  },
  {
    title: '团队详情（居民：申请或凭邀请码加入）',
    page: TEAM,
    query: { teamId: 'team-1' },
    replies: (kit) => ok(kit, 'team.detail', teamDetail()),
    prepare: (page) => page.setData({ codeShown: true }),
  },
  {
    title: '团队详情（队员）',
    page: TEAM,
    query: { teamId: 'team-1' },
    replies: (kit) => ok(kit, 'team.detail', teamDetail({ myState: 'member', actions: ['leave'] })),
  },
  {
    title: '团队详情（队长：邀请码和入队申请）',
    page: TEAM,
    query: { teamId: 'team-1' },
    replies: (kit) => ok(kit, 'team.detail', leaderView()),
    prepare: (page) => page.setData({ invite: '邀请码 ABCD2345，2025-03-17 10:00 前有效，只能使用一次' }),
  },
];
