/**
 * 团队详情 on its real WXML: a team where a resident applies or joins with a code (a code that is not one refused
 * on the page, a refused one said in the function's words), a member leaves, and the leader makes a code and
 * decides an application; phones as the core shows them; a missing team; 长辈模式.
 */
import { fakeCloud } from './support/fake-cloud';
import {
  change,
  fakeStorage,
  find,
  loadPage,
  noticeText,
  openPage,
  rootClasses,
  tapButton,
  textOf,
} from './support/page-harness';
import { application, leaderView, teamDetail, teamFail, teamOk } from './team-replies';

jest.mock(
  '../../../miniprogram/services/cloud-api',
  () => jest.requireActual('./support/fake-cloud').cloudApiModule,
);

beforeEach(() => fakeCloud.reset());
afterEach(() => {
  expect(fakeCloud.unexpected).toEqual([]);
  jest.restoreAllMocks();
});

const inputs = (command: string) => fakeCloud.sent(command).map((c) => c.input);
const REQUEST_ID = expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/);

describe('团队详情', () => {
  let pageId: string;
  beforeAll(() => {
    pageId = loadPage('packages/community/pages/team/team');
  });

  it('a resident applies: the application is sent and the page says it waits for the leader', async () => {
    let applied = false;
    teamOk('team.detail', () =>
      applied ? teamDetail({ myState: 'pending', actions: ['join_with_code'] }) : teamDetail(),
    );
    teamOk('team.join', () => {
      applied = true;
      return { teamId: 'team-1', teamName: '东门银发理发队', state: 'pending', volunteerNo: null };
    });
    const page = await openPage(pageId, { teamId: 'team-1' });
    expect(inputs('team.detail')).toEqual([{ teamId: 'team-1', pageSize: 50 }]);
    expect(textOf(find(page, '#services'))).toContain('理发、修脚');
    expect(textOf(find(page, '#communities'))).toContain('东门社区、西门社区');
    expect(textOf(find(page, '#member-o-leader'))).toContain('王建国（队长）');
    expect(textOf(find(page, '#member-o-leader'))).toContain('139****0002');
    expect(() => find(page, '#leave')).toThrow();
    expect(() => find(page, '#leader-tools')).toThrow();

    await tapButton(page, '#apply');
    expect(inputs('team.join')).toEqual([{ teamId: 'team-1', clientRequestId: REQUEST_ID }]);
    expect(noticeText(page)).toBe('已向东门银发理发队提交入队申请，请等待队长审核');
    expect(textOf(find(page, '#my-state'))).toContain('您的入队申请正在等待队长审核');
    expect(() => find(page, '#apply')).toThrow();
  });

  it('joins with a code (upper-cased), and says the volunteer number; a code that is not one is refused here', async () => {
    let joined = false;
    teamOk('team.detail', () =>
      joined ? teamDetail({ myState: 'member', actions: ['leave'] }) : teamDetail(),
    );
    teamOk('team.join', () => {
      joined = true;
      return { teamId: 'team-1', teamName: '东门银发理发队', state: 'member', volunteerNo: 'YL2025000042' };
    });
    const page = await openPage(pageId, { teamId: 'team-1' });
    await tapButton(page, '#show-code');
    await change(page, '#invite-code', { value: '12' });
    await tapButton(page, '#join-with-code');
    expect(noticeText(page)).toBe('邀请码为 6 到 12 位字母或数字');
    expect(inputs('team.join')).toEqual([]);

    await change(page, '#invite-code', { value: ' abcd2345 ' });
    await tapButton(page, '#join-with-code');
    expect(inputs('team.join')).toEqual([
      { teamId: 'team-1', inviteCode: 'ABCD2345', clientRequestId: REQUEST_ID },
    ]);
    expect(noticeText(page)).toBe('已加入东门银发理发队，志愿者编号 YL2025000042');
    expect(textOf(find(page, '#my-state'))).toContain('您是本队队员');
    expect(() => find(page, '#code-form')).toThrow();
  });

  it('a refused code says why in the function’s words', async () => {
    teamOk('team.detail', teamDetail());
    teamFail('team.join', 'TEAM_INVITE_USED', '邀请码已被使用，请联系队长重新生成');
    const page = await openPage(pageId, { teamId: 'team-1' });
    await tapButton(page, '#show-code');
    await change(page, '#invite-code', { value: 'ABCD2345' });
    await tapButton(page, '#join-with-code');
    expect(noticeText(page)).toBe('邀请码已被使用，请联系队长重新生成');
  });

  it('a member leaves after confirming', async () => {
    let left = false;
    teamOk('team.detail', () =>
      left ? teamDetail() : teamDetail({ myState: 'member', actions: ['leave'] }),
    );
    teamOk('team.leave', () => {
      left = true;
      return { teamId: 'team-1', openid: 'o-me', status: 'left', memberCount: 11 };
    });
    jest.spyOn(wx, 'showModal').mockImplementation((o) => {
      o.success?.({ confirm: true, cancel: false, content: '', errMsg: 'showModal:ok' });
      return undefined as never;
    });
    const page = await openPage(pageId, { teamId: 'team-1' });
    await tapButton(page, '#leave');
    expect(inputs('team.leave')).toEqual([{ teamId: 'team-1', clientRequestId: REQUEST_ID }]);
    expect(noticeText(page)).toBe('已退出队伍');
  });

  it('the leader makes an invitation code and approves an application', async () => {
    let decided = false;
    teamOk('team.detail', () => (decided ? leaderView({ applications: [], pendingCount: 0 }) : leaderView()));
    teamOk('team.invite', {
      teamId: 'team-1',
      teamName: '东门银发理发队',
      inviteCode: 'ABCD2345',
      expiresAt: Date.UTC(2025, 2, 17, 2, 0),
    });
    teamOk('team.application.decide', () => {
      decided = true;
      return {
        applicationId: application().applicationId,
        teamId: 'team-1',
        status: 'approved',
        volunteerNo: 'YL2025000043',
        memberCount: 13,
      };
    });
    const page = await openPage(pageId, { teamId: 'team-1' });
    expect(textOf(find(page, '#member-o-leader'))).toContain('13907750002');
    expect(textOf(find(page, '#pending'))).toBe('1 人申请入队');
    const row = textOf(find(page, `#application-${application().applicationId}`));
    expect(row).toContain('李桂芳');
    expect(row).toContain('13907750123 · 2025-03-09 09:30 申请');

    await tapButton(page, '#invite');
    expect(textOf(find(page, '#invite-code-text'))).toBe(
      '邀请码 ABCD2345，2025-03-17 10:00 前有效，只能使用一次',
    );
    await tapButton(page, `#approve-${application().applicationId}`);
    expect(inputs('team.application.decide')).toEqual([
      { applicationId: application().applicationId, approve: true, clientRequestId: REQUEST_ID },
    ]);
    expect(noticeText(page)).toBe('已同意入队，志愿者编号 YL2025000043');
    expect(textOf(find(page, '#pending'))).toBe('暂无入队申请');
  });

  it('without a team id, or a team not found, says so', async () => {
    expect(textOf(find(await openPage(pageId), '#state'))).toContain('没有找到这支队伍');
    teamFail('team.detail', 'TEAM_NOT_FOUND', '志愿服务队不存在或您无权查看');
    expect(textOf(find(await openPage(pageId, { teamId: 'team-x' }), '#state'))).toContain(
      '志愿服务队不存在或您无权查看',
    );
  });

  // Last: 长辈模式 stays with the pages opened after it.
  it('follows 长辈模式', async () => {
    fakeStorage().set('elderMode', 'on');
    teamOk('team.detail', teamDetail());
    expect(rootClasses(await openPage(pageId, { teamId: 'team-1' }))).toContain('elder');
  });
});
