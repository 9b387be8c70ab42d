/**
 * Reply builders for the resident's complaints and second rating (投诉, 我的投诉, 再次评价, 订单详情's 售后与投诉),
 * typed with the core's reply types (weimin-core): shared by the page tests (complaint-support.ts) and the
 * 适老化 audit's scenarios (complaint-scenarios.ts). No fake cloud here: the audit loads each page with its own.
 */
import type { ComplaintListResult, ComplaintView, OrderDetailResult } from 'weimin-core';
import { T0, orderDetail, timelineEntry } from './support/replies';

const HOUR = 3_600_000;

export function complaintView(overrides: Partial<ComplaintView> = {}): ComplaintView {
  return {
    complaintId: 'cmp-1',
    orderId: 'order-1',
    providerId: 'prov-1',
    providerName: '玉州区邻里家电维修服务部',
    itemName: '家电维修',
    content: '师傅上门迟到两个小时，空调修完第二天又不制冷',
    images: [],
    status: 'submitted',
    statusLabel: '待核实',
    reply: null,
    createdAt: T0,
    handledAt: null,
    actions: { canDecide: false },
    ...overrides,
  };
}

export function complaintPage(items: ComplaintView[], hasMore = false): ComplaintListResult {
  return { items, total: items.length + (hasMore ? 20 : 0), page: 1, pageSize: 20, hasMore };
}

/** A complaint the community upheld, with its answer. */
export function upheldComplaint(): ComplaintView {
  return complaintView({
    complaintId: 'cmp-2',
    orderId: 'order-2',
    itemName: '家庭保洁',
    providerName: '玉州区洁美家政服务部',
    content: '保洁没有按约定清洁厨房油烟机',
    images: ['cloud://env.bucket/concerns/a.jpg', 'cloud://env.bucket/concerns/b.jpg'],
    status: 'upheld',
    statusLabel: '投诉属实',
    reply: '经核实情况属实，已责成服务机构上门返工，并计入其信誉分',
    handledAt: T0 + 26 * HOUR,
  });
}

/** A rated order as its resident sees it, with the 差评 ticket in `feedback` (null: none). */
export function ratedOrder(feedback: OrderDetailResult['feedback']): OrderDetailResult {
  return {
    ...orderDetail(
      {
        status: 'closed',
        doneAt: T0 + 2 * HOUR,
        ratedAt: T0 + 3 * HOUR,
        closedAt: T0 + 3 * HOUR,
        rating: { stars: 1, text: '师傅迟到两个小时，修完还是不制冷' },
      },
      [],
      [
        timelineEntry('created', 0, 'resident'),
        timelineEntry('accepted', 15, 'provider_staff'),
        timelineEntry('done', 120, 'provider_staff'),
        timelineEntry('closed', 180, 'resident'),
      ],
    ),
    feedback,
  };
}

/**
 * The `feedback` of a 差评 ticket in `status`, as the order's resident gets it: `canRerate` as the core's rule
 * gives it (resolved and not rated again) unless a test says otherwise.
 */
export function ticket(
  status: 'open' | 'contacted' | 'resolved',
  rerated = false,
  canRerate = status === 'resolved' && !rerated,
): NonNullable<OrderDetailResult['feedback']> {
  const labels = { open: '待联系', contacted: '已联系，整改中', resolved: '已办结' } as const;
  return {
    ticketStatus: status,
    ticketStatusLabel: labels[status],
    outcome: status === 'resolved' ? 'fixed' : null,
    outcomeLabel: status === 'resolved' ? '已整改' : null,
    resolvedAt: status === 'resolved' ? T0 + 30 * HOUR : null,
    rerated,
    canRerate,
  };
}
