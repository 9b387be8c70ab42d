/**
 * The team pages' view model: a `team.list` item as a row, a `team.detail` as the page (where the caller stands,
 * the buttons exactly as `actions` allow, members and applications), the leader's code text, the code check
 * and what joining said.
 */
import {
  checkInviteCode,
  inviteText,
  joinDoneText,
  teamPageView,
  toTeamRow,
} from '../../../miniprogram/packages/community/view-models/team.view-model';
import { application, leaderView, teamDetail, teamItem } from '../pages/team-replies';

test('a row: bond, services, the masked leader, members and hours', () => {
  expect(toTeamRow(teamItem())).toMatchObject({
    id: 'team-1',
    bondLabel: '趣缘',
    services: '理发、修脚',
    leader: '队长 王**',
    meta: '队员 12 人 · 服务 8 次、36.5 小时',
  });
  expect(toTeamRow(teamItem()).ariaLabel).toContain('东门银发理发队，趣缘');
});

test('the page for a resident, a member, the leader and a deactivated team', () => {
  const resident = teamPageView(teamDetail());
  expect(resident).toMatchObject({
    stateText: '',
    canApply: true,
    canJoinWithCode: true,
    canLeave: false,
    canInvite: false,
    canDecide: false,
    communities: '东门社区、西门社区',
  });
  expect(resident.members.map((m) => [m.name, m.leader])).toEqual([
    ['王建国', true],
    ['张**', false],
  ]);
  expect(teamPageView(teamDetail({ myState: 'member', actions: ['leave'] }))).toMatchObject({
    stateText: '您是本队队员',
    canApply: false,
    canLeave: true,
  });
  const leader = teamPageView(leaderView());
  expect(leader).toMatchObject({ stateText: '您是本队队长', canInvite: true, canDecide: true });
  expect(leader.pendingText).toBe('1 人申请入队');
  expect(leader.applications).toEqual([
    {
      id: application().applicationId,
      name: '李桂芳',
      phone: '13907750123',
      appliedText: '2025-03-09 09:30 申请',
    },
  ]);
  expect(teamPageView(teamDetail({ active: false, actions: [] }))).toMatchObject({
    stateText: '该志愿服务队已解散',
    canApply: false,
    canJoinWithCode: false,
  });
});

test('the code: read out with its expiry, typed upper-cased, a malformed one refused', () => {
  expect(
    inviteText({ teamId: 't', teamName: '队', inviteCode: 'ABCD2345', expiresAt: Date.UTC(2025, 2, 17, 2) }),
  ).toBe('邀请码 ABCD2345，2025-03-17 10:00 前有效，只能使用一次');
  expect(checkInviteCode(' abcd2345 ')).toEqual({ code: 'ABCD2345' });
  expect(checkInviteCode('ab')).toEqual({ problem: '邀请码为 6 到 12 位字母或数字' });
  expect(checkInviteCode('abc-1234')).toHaveProperty('problem');
});

test('what joining said', () => {
  expect(
    joinDoneText({ teamId: 't', teamName: '理发队', state: 'member', volunteerNo: 'YL2025000001' }),
  ).toBe('已加入理发队，志愿者编号 YL2025000001');
  expect(joinDoneText({ teamId: 't', teamName: '理发队', state: 'pending', volunteerNo: null })).toBe(
    '已向理发队提交入队申请，请等待队长审核',
  );
});
