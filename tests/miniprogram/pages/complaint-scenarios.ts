/**
 * The resident's complaint pages and the second rating in the states a user meets, for the 适老化 audit
 * (docs/elder-mode.md, "Adding a page to the audit"): audit/scenarios.ts spreads them into SCENARIOS. The
 * complaint form with a refused photo said, 我的投诉 with a waiting and an answered complaint, 订单详情 with
 * its 售后与投诉 (a resolved 差评 ticket: 再次评价 offered), and the rating page in its rerate mode.
 */
import type { Scenario, ScenarioKit } from './audit/scenario.types';
import { complaintPage, complaintView, ratedOrder, ticket, upheldComplaint } from './complaint-replies';

type Untyped = { ok(name: string, command: string, data: unknown): void };
const ok = (kit: ScenarioKit, name: string, command: string, data: unknown) =>
  (kit.fakeCloud as unknown as Untyped).ok(name, command, data);

export const COMPLAINT_SCENARIOS: Scenario[] = [
  {
    title: '投诉 · 照片未通过',
    page: 'packages/concerns/pages/complaint/complaint',
    query: { orderId: 'order-1', item: '家电维修', provider: '玉州区邻里家电维修服务部' },
    prepare: (page) =>
      page.setData({
        photoError: '第 2 张不是可以上传的照片，只能上传 JPG、PNG、GIF、WebP 格式的图片',
      }),
  },
  {
    title: '我的投诉',
    page: 'packages/concerns/pages/complaints/complaints',
    query: { orderId: 'order-1' },
    replies: (kit) =>
      ok(kit, 'providers', 'complaint.list', complaintPage([complaintView(), upheldComplaint()])),
  },
  {
    title: '订单详情 · 售后与投诉',
    page: 'pages/order-detail/order-detail',
    query: { orderId: 'order-1' },
    replies: (kit) => ok(kit, 'orders', 'order.detail', ratedOrder(ticket('resolved'))),
  },
  {
    title: '再次评价',
    page: 'pages/rate/rate',
    query: { orderId: 'order-1', mode: 'rerate' },
    prepare: (page, kit) => kit.find(page, '#star-4').dispatchEvent('tap'),
  },
];
