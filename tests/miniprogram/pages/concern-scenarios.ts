/**
 * The concerns pages in the states a user meets, for the 适老化 audit (docs/elder-mode.md, "Adding a page to
 * the audit"): the same shape as audit/scenarios.ts's SCENARIOS, so they join that list with one spread
 * (the lead's merge); until then concern-audit.test.ts audits them on their own.
 */
import type { Scenario, ScenarioKit } from './audit/scenarios';
import { detail, listItem, listPage, step } from './concern-replies';

type Untyped = { ok(name: string, command: string, data: unknown): void };
type Fail = { fail(name: string, command: string, code: string, message: string): void };

const ok = (kit: ScenarioKit, command: string, data: unknown) =>
  (kit.fakeCloud as unknown as Untyped).ok('concerns', command, data);

const WALL = listPage([
  listItem(),
  listItem({
    concernId: 'concern-2',
    kind: 'wish',
    kindLabel: '微心愿',
    title: '腿脚不便，想请人上门理发',
    status: 'in_progress',
    statusLabel: '办理中',
    claimerName: '银发理发微团队',
    supportCount: 0,
  }),
  listItem({
    concernId: 'concern-3',
    title: '小区门口路灯不亮',
    status: 'escalated',
    statusLabel: '已逐级推送',
    level: 'street',
    levelLabel: '街道',
    overdue: true,
  }),
]);

const WORKED = detail(
  {
    status: 'in_progress',
    statusLabel: '办理中',
    claimerName: '李志明',
    images: [],
    timeline: [
      step('submitted', 0, '提交事项'),
      step('published', 5, '发布', { byRole: '社区工作人员' }),
      step('claimed', 20, '认领', { byRole: '党员' }),
      step('in_progress', 30, '开始办理', {
        byRole: '党员',
        reason: '已联系物业，周六上午换灯',
        images: ['cloud://env.bucket/concerns/progress.jpg'],
      }),
    ],
  },
  { canUpdate: true, canResolve: true, canRelease: true },
);

export const CONCERN_SCENARIOS: Scenario[] = [
  {
    title: '心愿墙',
    page: 'packages/concerns/pages/wall/wall',
    replies: (kit) => ok(kit, 'concern.list', WALL),
  },
  {
    title: '心愿墙 · 可认领',
    page: 'packages/concerns/pages/wall/wall',
    query: { view: 'open' },
    replies: (kit) => ok(kit, 'concern.list', WALL),
  },
  {
    title: '心愿墙 · 空',
    page: 'packages/concerns/pages/wall/wall',
    replies: (kit) => ok(kit, 'concern.list', listPage([])),
  },
  {
    title: '心愿墙 · 读取失败',
    page: 'packages/concerns/pages/wall/wall',
    replies: (kit) =>
      (kit.fakeCloud as unknown as Fail).fail(
        'concerns',
        'concern.list',
        'NETWORK_ERROR',
        '网络连接失败，请检查网络后重试',
      ),
  },
  {
    title: '我的诉求 · 已提交',
    page: 'packages/concerns/pages/mine/mine',
    replies: (kit) => {
      ok(kit, 'concern.list', WALL);
      kit.leaveNotice(
        '/packages/concerns/pages/mine/mine',
        '已提交。社区审核后会公开到心愿墙，办理有进展时会通知您',
      );
    },
  },
  {
    title: '我的诉求 · 空',
    page: 'packages/concerns/pages/mine/mine',
    replies: (kit) => ok(kit, 'concern.list', listPage([])),
  },
  {
    title: '认领/办理',
    page: 'packages/concerns/pages/handling/handling',
    replies: (kit) => ok(kit, 'concern.list', WALL),
  },
  {
    title: '提交诉求 · 敏感信息和照片',
    page: 'packages/concerns/pages/submit/submit',
    prepare: (page) =>
      page.setData({
        kind: 'worry',
        sensitive: true,
        photoError: '第 2 张照片太大（60 MB），每张不能超过 50 MB',
      }),
  },
  {
    title: '提交诉求 · 相似诉求',
    page: 'packages/concerns/pages/submit/submit',
    prepare: (page) =>
      page.setData({
        kind: 'worry',
        similar: [
          {
            id: 'concern-1',
            title: '楼道灯坏了很久，晚上上下楼不安全',
            statusLabel: '已发布待认领',
            supportText: '已有 3 人关心',
            supportLabel: '我也关心：楼道灯坏了很久，晚上上下楼不安全',
          },
        ],
        'supported.concern-9': true,
      }),
  },
  {
    title: '诉求详情 · 居民',
    page: 'packages/concerns/pages/detail/detail',
    query: { concernId: 'concern-1' },
    replies: (kit) =>
      ok(kit, 'concern.detail', detail({ images: [] }, { canWithdraw: true, canSupport: true })),
  },
  {
    title: '诉求详情 · 办理中',
    page: 'packages/concerns/pages/detail/detail',
    query: { concernId: 'concern-1' },
    replies: (kit) => ok(kit, 'concern.detail', WORKED),
  },
  {
    title: '诉求详情 · 更新进展',
    page: 'packages/concerns/pages/detail/detail',
    query: { concernId: 'concern-1' },
    replies: (kit) => ok(kit, 'concern.detail', WORKED),
    prepare: (page) => page.setData({ form: 'update', formTitle: '更新办理进展' }),
  },
  {
    title: '诉求详情 · 认领',
    page: 'packages/concerns/pages/detail/detail',
    query: { concernId: 'concern-1' },
    replies: (kit) =>
      ok(
        kit,
        'concern.detail',
        detail({ images: [] }, { canClaim: true, claimAs: ['self', 'team', 'party_org'] }),
      ),
    prepare: (page) => page.setData({ form: 'claim', formTitle: '认领这件诉求', claimAs: 'team' }),
  },
  {
    title: '诉求详情 · 确认结果',
    page: 'packages/concerns/pages/detail/detail',
    query: { concernId: 'concern-1' },
    replies: (kit) =>
      ok(
        kit,
        'concern.detail',
        detail(
          { images: [], status: 'resolved', statusLabel: '已办结', resolutionSummary: '已更换 4 盏楼道灯' },
          { canConfirm: true },
        ),
      ),
    prepare: (page) => page.setData({ form: 'confirm', formTitle: '确认办理结果', outcome: 'partly' }),
  },
  {
    title: '诉求详情 · 读取失败',
    page: 'packages/concerns/pages/detail/detail',
    query: { concernId: 'concern-x' },
    replies: (kit) =>
      (kit.fakeCloud as unknown as Fail).fail(
        'concerns',
        'concern.detail',
        'CONCERN_NOT_FOUND',
        '诉求不存在或您无权查看',
      ),
  },
];
