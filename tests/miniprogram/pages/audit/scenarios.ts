/**
 * What the audit renders: every page of the mini-program (and the components, inside the pages that use
 * them) in the states a user meets, each with the replies its functions answer (fake-cloud.ts) and, where a
 * state needs it, a step after opening (a panel opened, a form shown). Add a page here when it is added to
 * app.json (docs/elder-mode.md, "Adding a page to the audit").
 */
import type { CatalogListReply, PrivacyRequestView, ProfileExportReply, ProfileGetReply } from 'weimin-core';
import type { RenderedPage } from '../support/page-harness';
import type { Scenario } from './scenario.types';
import { COMMUNITY_SCENARIOS } from '../community-scenarios';
import { COMPLAINT_SCENARIOS } from '../complaint-scenarios';
import { GOVERNANCE_SCENARIOS } from '../governance-scenarios';
import { NOTICE_SCENARIOS } from '../notices-scenarios';
import { PARTY_SCENARIOS } from '../party-scenarios';
import { TEAM_SCENARIOS } from '../team-scenarios';
import {
  T0,
  asStaff,
  candidate,
  matchReply,
  orderDetail,
  orderPage,
  orderSummary,
  timelineEntry,
} from '../support/replies';

export type { Scenario, ScenarioKit } from './scenario.types';

const CATALOG: CatalogListReply = {
  categories: [
    {
      _id: 'cat-housekeeping',
      name: '家政服务',
      items: [
        {
          _id: 'item-appliance-repair',
          name: '家电维修',
          description: '空调、冰箱、洗衣机上门检修',
          available: true,
        },
        { _id: 'item-home-cleaning', name: '家庭保洁', description: '日常保洁、深度保洁', available: false },
      ],
    },
    {
      _id: 'cat-convenience',
      name: '便民服务',
      items: [{ _id: 'item-meal', name: '助餐送餐', description: '社区食堂每日送餐上门', available: true }],
    },
  ],
  page: 1,
  pageSize: 50,
  hasMore: false,
};

const PROFILE: ProfileGetReply = {
  nickname: '黄阿姨',
  phone: '139****0001',
  homeUnitId: 'jinhu',
  homeUnitName: '玉州区东门社区金湖小区',
};

const DAY = 86_400_000;

const MY_DATA: ProfileExportReply = {
  title: '为民红绳 · 我的个人信息',
  exportedAt: T0,
  sections: [
    {
      key: 'account',
      title: '账号信息',
      records: [
        {
          heading: '账号',
          fields: [
            { label: '称呼', value: '黄阿姨' },
            { label: '联系电话', value: '13907750001' },
            { label: '所在小区', value: '玉州区东门社区金湖小区' },
          ],
        },
      ],
      note: null,
    },
    {
      key: 'orders',
      title: '服务订单',
      records: Array.from({ length: 22 }, (_, i) => ({
        heading: `家电维修（2025-03-${String(10 + (i % 9)).padStart(2, '0')} 10:00）`,
        fields: [
          { label: '订单状态', value: '已关闭' },
          { label: '服务地址', value: `金港花园 ${i + 1} 栋 2 单元 501` },
        ],
      })),
      note: '评价文字由社区审核后显示',
    },
  ],
};

const REQUEST: PrivacyRequestView = {
  requestId: 'preq-1',
  kind: 'other',
  kindLabel: '其他个人信息事项',
  status: 'refused',
  statusLabel: '不予办理',
  content: '请删除我三年前的订单',
  orderId: null,
  createdAt: T0 - 30 * DAY,
  dueAt: T0 - 9 * DAY,
  overdue: false,
  decidedAt: T0 - 20 * DAY,
  reply: '订单记录需按规定保存三年',
};

const LONG_NAME = '玉林市玉州区东门社区邻里家电维修与家政综合服务中心';

/** A done and rated order, with its whole timeline. */
const RATED = orderDetail(
  {
    status: 'rated',
    serviceAddress: '金港花园 5 栋 2 单元 501',
    providerName: LONG_NAME,
    rating: { stars: 4, text: '师傅很准时，修得也好' },
  },
  [],
  [
    timelineEntry('created', 0, 'resident'),
    timelineEntry('accepted', 30, 'provider_staff'),
    timelineEntry('done', 180, 'provider_staff'),
    timelineEntry('rated', 240, 'resident'),
  ],
);

/** Open the why-panel of the first provider and choose the second. */
async function chooseOnProviders(page: RenderedPage): Promise<void> {
  page.setData({
    'items[0].providers[0].open': true,
    'items[0].chosenId': 'prov-2',
    chosenCount: 1,
  });
}

export const SCENARIOS: readonly Scenario[] = [
  {
    title: '首页',
    page: 'pages/home/home',
    replies: (kit) => kit.fakeCloud.ok('catalog', 'catalog.list', CATALOG),
    prepare: (page) => page.setData({ 'checked.item-appliance-repair': true, tickedCount: 1 }),
  },
  {
    title: '首页·首次提示长辈模式',
    page: 'pages/home/home',
    replies: (kit) => kit.fakeCloud.ok('catalog', 'catalog.list', CATALOG),
    prepare: (page) => page.setData({ elderOffer: true }),
  },
  {
    title: '首页·加载失败',
    page: 'pages/home/home',
    replies: (kit) => kit.fakeCloud.fail('catalog', 'catalog.list', 'INTERNAL', '系统繁忙，请稍后重试'),
  },
  {
    title: '选择服务机构',
    page: 'pages/providers/providers',
    query: { itemIds: 'item-appliance-repair' },
    replies: (kit) => kit.fakeCloud.ok('orders', 'match.request', matchReply()),
    prepare: chooseOnProviders,
  },
  {
    title: '选择服务机构·先选小区',
    page: 'pages/providers/providers',
    query: { itemIds: 'item-appliance-repair' },
    replies: (kit) =>
      kit.fakeCloud.fail('orders', 'match.request', 'PROFILE_UNIT_REQUIRED', '请先选择您所在的小区或社区'),
  },
  {
    title: '选择服务机构·查找中',
    page: 'pages/providers/providers',
    query: { itemIds: 'item-appliance-repair' },
    replies: (kit) => kit.fakeCloud.ok('orders', 'match.request', matchReply()),
    prepare: (page) => page.setData({ loading: true }),
  },
  {
    title: '我的订单',
    page: 'pages/orders/orders',
    replies: (kit) => {
      kit.leaveNotice('/pages/orders/orders', '下单成功，请等待服务机构接单（共 2 项）');
      kit.fakeCloud.ok('orders', 'order.list', {
        ...orderPage(0, 3, 30),
        items: [
          { ...orderSummary(0), providerName: LONG_NAME },
          orderSummary(1, 'accepted'),
          orderSummary(2, 'declined'),
        ],
      });
    },
  },
  {
    title: '我的订单·空',
    page: 'pages/orders/orders',
    replies: (kit) => kit.fakeCloud.ok('orders', 'order.list', orderPage(0, 0, 0)),
  },
  {
    title: '订单详情·待接单',
    page: 'pages/order-detail/order-detail',
    query: { orderId: 'order-1' },
    replies: (kit) => {
      kit.leaveNotice('/pages/order-detail/order-detail', '下单成功，请等待服务机构接单');
      kit.fakeCloud.ok(
        'orders',
        'order.detail',
        orderDetail({ serviceAddress: '金港花园 5 栋 2 单元 501' }, ['order.cancel']),
      );
    },
  },
  {
    title: '订单详情·被拒推荐下一家',
    page: 'pages/order-detail/order-detail',
    query: { orderId: 'order-1' },
    replies: (kit) =>
      kit.fakeCloud.ok('orders', 'order.detail', {
        ...orderDetail(
          { status: 'declined' },
          [],
          [
            timelineEntry('created', 0, 'resident'),
            timelineEntry('declined', 20, 'provider_staff', '师傅今天都排满了'),
          ],
        ),
        nextOffer: candidate(),
      }),
  },
  {
    title: '订单详情·已评价',
    page: 'pages/order-detail/order-detail',
    query: { orderId: 'order-1' },
    replies: (kit) => {
      kit.leaveNotice('/pages/order-detail/order-detail', '感谢您的评价，评价已提交');
      kit.fakeCloud.ok('orders', 'order.detail', RATED);
    },
  },
  {
    title: '订单详情·加载失败',
    page: 'pages/order-detail/order-detail',
    query: { orderId: 'order-1' },
    replies: (kit) => kit.fakeCloud.fail('orders', 'order.detail', 'INTERNAL', '系统繁忙，请稍后重试'),
  },
  {
    title: '评价服务',
    page: 'pages/rate/rate',
    query: { orderId: 'order-1' },
    prepare: async (page, kit) => {
      const star = kit.find(page, '#star-4');
      star.dispatchEvent('tap');
    },
  },
  {
    title: '我的',
    page: 'pages/profile/profile',
    replies: (kit) => kit.fakeCloud.ok('profile', 'profile.get', PROFILE),
  },
  {
    title: '我的·填写称呼与电话',
    page: 'pages/profile/profile',
    replies: (kit) => kit.fakeCloud.ok('profile', 'profile.get', PROFILE),
    prepare: (page, kit) => {
      page.setData({
        nicknameForm: { open: true, saving: false },
        phoneForm: { open: true, consent: false, saving: false },
      });
      kit.leaveNotice('/pages/profile/profile', '请先阅读并同意《个人信息保护指引》', 'warning');
      (page.instance as unknown as { takeLeftNotice(): void }).takeLeftNotice();
    },
  },
  {
    title: '我的·选择小区',
    page: 'pages/profile/profile',
    replies: (kit) => {
      kit.fakeCloud.ok('profile', 'profile.get', PROFILE);
      kit.fakeCloud.ok('catalog', 'org.children', {
        units: [
          { _id: 'yuzhou', name: '玉州区', level: 'county' },
          { _id: 'fumian', name: '福绵区', level: 'county' },
          { _id: 'beiliu', name: '北流市', level: 'county' },
        ],
      });
    },
    prepare: (page) => page.setData({ pickingHome: true }),
  },
  {
    title: '我的·切换演示身份',
    page: 'pages/profile/profile',
    replies: (kit) => kit.fakeCloud.ok('profile', 'profile.get', PROFILE),
    prepare: (page, kit) =>
      kit.find(page, '#identity-switch').instance.setData({
        open: true,
        rows: [
          {
            openid: 'demo-resident-1',
            title: '黄阿姨（居民）',
            description: '金湖小区的居民',
            current: true,
          },
          {
            openid: 'demo-provider-manager-1',
            title: '梁师傅（服务机构人员）',
            description: '服务机构负责人（第一家演示机构）',
            current: false,
          },
        ],
      }),
  },
  {
    title: '我的·个人信息保护指引',
    page: 'pages/profile/profile',
    replies: (kit) => kit.fakeCloud.ok('profile', 'profile.get', PROFILE),
    prepare: (page, kit) => kit.find(page, '#privacy').instance.setData({ visible: true }),
    wait: 400,
  },
  {
    title: '我的·加载失败',
    page: 'pages/profile/profile',
    replies: (kit) => kit.fakeCloud.fail('profile', 'profile.get', 'INTERNAL', '系统繁忙，请稍后重试'),
  },
  {
    title: '工作台',
    page: 'packages/staff/pages/jobs/jobs',
    replies: (kit) => {
      kit.leaveNotice('/packages/staff/pages/jobs/jobs', '已绑定玉州区邻里家电维修服务部，可以接单了');
      kit.fakeCloud.ok('jobs', 'order.list', {
        ...orderPage(0, 2, 2),
        staff: { providerId: 'prov-1', position: 'manager' },
      });
    },
  },
  {
    title: '工作台·加载失败',
    page: 'packages/staff/pages/jobs/jobs',
    replies: (kit) => kit.fakeCloud.fail('jobs', 'order.list', 'PERMISSION_DENIED', '您还不是服务机构人员'),
  },
  {
    title: '订单详情(机构)·已接单',
    page: 'packages/staff/pages/job-detail/job-detail',
    query: { orderId: 'order-1' },
    replies: (kit) =>
      kit.fakeCloud.ok(
        'jobs',
        'order.detail',
        asStaff(
          orderDetail(
            {
              status: 'accepted',
              residentPhone: '13812341234',
              residentPhoneMasked: false,
              serviceAddress: '金港花园 5 栋 2 单元 501',
            },
            ['order.done'],
            [timelineEntry('created', 0, 'resident'), timelineEntry('accepted', 30, 'provider_staff')],
          ),
        ),
      ),
  },
  {
    title: '订单详情(机构)·拒单',
    page: 'packages/staff/pages/job-detail/job-detail',
    query: { orderId: 'order-1' },
    replies: (kit) =>
      kit.fakeCloud.ok('jobs', 'order.detail', asStaff(orderDetail({}, ['order.accept', 'order.decline']))),
    prepare: (page) => page.setData({ declining: true }),
  },
  {
    title: '服务回访',
    page: 'packages/staff/pages/follow-up/follow-up',
    query: { orderId: 'order-1' },
    prepare: (page) => page.setData({ channel: 'phone', 'problems[0]': { key: 1 } }),
  },
  {
    title: '绑定服务机构',
    page: 'packages/staff/pages/bind/bind',
  },
  {
    title: '邀请同事',
    page: 'packages/staff/pages/invite/invite',
    query: { providerId: 'prov-1' },
    prepare: (page) =>
      page.setData({
        invite: {
          code: 'HX4N8TQW',
          positionLabel: '成员',
          expiresAt: '2026-12-06 14:30',
          providerName: '玉州区邻里家电维修服务部',
        },
      }),
  },
  {
    title: '我的个人信息',
    page: 'packages/privacy/pages/my-data/my-data',
    replies: (kit) => kit.fakeCloud.ok('profile', 'profile.export', MY_DATA),
  },
  {
    title: '更正与申请',
    page: 'packages/privacy/pages/requests/requests',
    replies: (kit) => kit.fakeCloud.ok('profile', 'privacy.request.list', { items: [REQUEST] }),
  },
  {
    title: '注销账号',
    page: 'packages/privacy/pages/account/account',
    prepare: (page) =>
      page.setData({
        understood: true,
        refusal: '您还有进行中的订单，请在订单结束后再注销，或提交注销申请由社区工作人员办理',
      }),
  },
  // The provider governance pages (申请入驻 … 红星榜, tests/miniprogram/pages/governance-scenarios.ts).
  ...GOVERNANCE_SCENARIOS,
  // 投诉, 我的投诉, 订单详情's 售后与投诉, 再次评价 (tests/miniprogram/pages/complaint-scenarios.ts).
  ...COMPLAINT_SCENARIOS,
  // 志愿活动, 活动详情, 签到码, 我的志愿服务 (tests/miniprogram/pages/community-scenarios.ts).
  ...COMMUNITY_SCENARIOS,
  // 首页's 通知公告, 通知公告, 通知详情 (tests/miniprogram/pages/notices-scenarios.ts).
  ...NOTICE_SCENARIOS,
  // 双报到 (tests/miniprogram/pages/party-scenarios.ts).
  ...PARTY_SCENARIOS,
  // 微团队, 团队详情 (tests/miniprogram/pages/team-scenarios.ts).
  ...TEAM_SCENARIOS,
];
