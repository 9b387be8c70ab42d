/**
 * The governance pages in the states a user meets, for the 适老化 audit (docs/elder-mode.md, "Adding a page
 * to the audit"): the same shape as audit/scenarios.ts's SCENARIOS, so they join that list with one spread
 * (audit/scenarios.ts spreads them into SCENARIOS: one Chromium run audits them). Kept small: one content
 * state per page, with its form or panel open, plus the empty and failed states of the public board.
 */
import { toResultDetail } from '../../../miniprogram/packages/providers/view-models/evaluation-result.view-model';
import type { Scenario, ScenarioKit } from './audit/scenario.types';
import {
  CATALOG,
  NO_ACTIONS,
  applicationDetail,
  applicationSummary,
  boardPage,
  boardRow,
  evaluationDetail,
  evaluationItem,
  evaluationPage,
  noticeItem,
  offeringView,
  standing,
  ticketView,
} from './governance-replies';

type Untyped = {
  ok(name: string, command: string, data: unknown): void;
  fail(name: string, command: string, code: string, message: string): void;
};
const ok = (kit: ScenarioKit, command: string, data: unknown) =>
  (kit.fakeCloud as unknown as Untyped).ok('providers', command, data);

export const GOVERNANCE_SCENARIOS: Scenario[] = [
  {
    title: '申请入驻 · 低收费报价',
    page: 'packages/staff/pages/apply/apply',
    replies: (kit) => kit.fakeCloud.ok('catalog', 'catalog.list', CATALOG),
    prepare: (page) =>
      page.setData({
        unitName: '城南社区第一网格',
        orgUnitId: 'grid-1',
        areas: [{ id: 'grid-1', name: '城南社区第一网格' }],
        'checked.item-cleaning': true,
        'kinds.item-cleaning': 'low_fee',
      }),
  },
  {
    title: '我的入驻申请',
    page: 'packages/staff/pages/application/application',
    replies: (kit) =>
      ok(kit, 'provider.application.mine', {
        items: [
          applicationSummary({ status: 'returned', statusLabel: '退回补充材料' }),
          applicationSummary({
            applicationId: 'app-2',
            status: 'noticed',
            statusLabel: '公示中',
            noticeEndsAt: 1,
          }),
        ],
      }),
  },
  {
    title: '入驻申请详情',
    page: 'packages/staff/pages/application/application',
    query: { applicationId: 'app-1' },
    replies: (kit) =>
      ok(
        kit,
        'provider.application.detail',
        applicationDetail({ actions: { ...NO_ACTIONS, canSign: true, canWithdraw: true } }),
      ),
  },
  {
    title: '签署服务协定',
    page: 'packages/staff/pages/agreement/agreement',
    query: { applicationId: 'app-1' },
    replies: (kit) => ok(kit, 'provider.application.detail', applicationDetail()),
  },
  {
    title: '签署服务协定 · 已签署',
    page: 'packages/staff/pages/agreement/agreement',
    query: { applicationId: 'app-1' },
    replies: (kit) => ok(kit, 'provider.application.detail', applicationDetail()),
    prepare: (page) => page.setData({ providerId: 'prov-9' }),
  },
  {
    title: '服务报价 · 改价',
    page: 'packages/staff/pages/offerings/offerings',
    query: { providerId: 'prov-1' },
    replies: (kit) =>
      ok(kit, 'provider.offering.list', {
        providerId: 'prov-1',
        providerName: '玉州区邻里家电维修服务部',
        items: [
          offeringView(),
          offeringView({
            offeringId: 'off-2',
            itemId: 'item-repair',
            itemName: '家电维修',
            review: 'pending',
            reviewLabel: '待审核',
            matchable: false,
          }),
        ],
        total: 2,
        actions: { canSave: true, canReview: false },
      }),
    prepare: (page) =>
      page.setData({ form: 'item-cleaning', formTitle: '修改价格：家庭保洁', kind: 'low_fee' }),
  },
  {
    title: '差评回访工单 · 记录联系',
    page: 'packages/staff/pages/tickets/tickets',
    replies: (kit) =>
      ok(kit, 'feedback.ticket.list', {
        items: [
          ticketView(),
          ticketView({
            ticketId: 'ticket-2',
            contactOverdue: true,
            actions: { canContact: false, canResolve: true },
          }),
        ],
        total: 2,
        page: 1,
        pageSize: 20,
        hasMore: false,
      }),
    prepare: (page) =>
      page.setData({ formFor: 'ticket-1', form: 'contact', formTitle: '记录联系居民的情况' }),
  },
  {
    title: '本机构星级',
    page: 'packages/staff/pages/standing/standing',
    replies: (kit) => ok(kit, 'provider.standing', standing()),
  },
  {
    title: '红星榜',
    page: 'packages/providers/pages/board/board',
    replies: (kit) => {
      kit.fakeCloud.ok('catalog', 'catalog.list', CATALOG);
      ok(
        kit,
        'provider.board',
        boardPage([
          boardRow(),
          boardRow({ rank: 2, providerId: 'prov-2', starLevel: 3, lowRatingRate: null }),
        ]),
      );
    },
  },
  {
    title: '红星榜 · 读取失败',
    page: 'packages/providers/pages/board/board',
    replies: (kit) => {
      kit.fakeCloud.ok('catalog', 'catalog.list', CATALOG);
      (kit.fakeCloud as unknown as Untyped).fail(
        'providers',
        'provider.board',
        'INTERNAL',
        '系统繁忙，请稍后重试',
      );
    },
  },
  {
    title: '考核结果 · 展开一次',
    page: 'packages/providers/pages/results/results',
    query: { providerId: 'prov-1', name: encodeURIComponent('玉州区邻里家电维修服务部') },
    replies: (kit) => {
      ok(
        kit,
        'evaluation.list',
        evaluationPage([
          evaluationItem(),
          evaluationItem({
            evaluationId: 'ev-0',
            campaignId: null,
            campaignTitle: null,
            year: 2025,
            grade: 'excellent',
            gradeLabel: '优秀',
            outcome: 'commend',
            outcomeLabel: '通报表扬',
            rectifyDeadline: null,
          }),
        ]),
      );
    },
    // One opened in place, as evaluation.detail answers the public, mapped by the page's view model.
    prepare: (page) => page.setData({ openId: 'ev-1', 'details.ev-1': toResultDetail(evaluationDetail()) }),
  },
  {
    title: '考核结果 · 暂无',
    page: 'packages/providers/pages/results/results',
    query: { providerId: 'prov-1' },
    replies: (kit) => ok(kit, 'evaluation.list', evaluationPage([])),
  },
  {
    title: '服务报价 · 机构人员只读',
    page: 'packages/staff/pages/offerings/offerings',
    query: { providerId: 'prov-1' },
    replies: (kit) =>
      ok(kit, 'provider.offering.list', {
        providerId: 'prov-1',
        providerName: '玉州区邻里家电维修服务部',
        items: [offeringView()],
        total: 1,
        actions: { canSave: false, canReview: false },
      }),
  },
  {
    title: '入驻公示 · 提出异议',
    page: 'packages/providers/pages/notices/notices',
    replies: (kit) =>
      ok(kit, 'provider.notice.list', {
        items: [noticeItem()],
        total: 1,
        page: 1,
        pageSize: 20,
        hasMore: false,
      }),
    prepare: (page) => page.setData({ openId: 'app-1', objecting: true }),
  },
];
