/**
 * Replies as the functions send them, typed with the core's reply types (weimin-core), built per test
 * (fixture builders, fixmystreet style): what the page tests' scripted functions answer with.
 * services-vs-functions.test.ts checks that the real functions send every field these have.
 */
import {
  ORDER_STATUS_LABELS,
  ROLE_LABELS,
  type Action,
  type CreateOrderResult,
  type MatchCandidate,
  type MatchedProvider,
  type MatchProvidersResult,
  type OrderDetail,
  type OrderDetailResult,
  type OrderListItem,
  type OrderListResult,
  type OrderStatus,
  type OrderStepResult,
  type PriceView,
  type Role,
  type TimelineEntry,
} from 'weimin-core';

/** 2026-11-29 14:30 in Asia/Shanghai. */
export const T0 = Date.UTC(2026, 10, 29, 6, 30);
const MINUTE = 60_000;

const ORG_PATH = '/450900/450902/450902001/450902001001/';
const LOW_FEE: PriceView = {
  free: false,
  feeFen: 1200,
  marketPriceFen: 3000,
  unit: '次',
  text: '¥12.00/次（市场价 ¥30.00/次）',
};
const FREE: PriceView = { free: true, text: '免费' };

export function provider(overrides: Partial<MatchedProvider> = {}): MatchedProvider {
  return {
    rank: 1,
    providerId: 'prov-1',
    offeringId: 'off-1',
    name: '玉州区邻里家电维修服务部',
    contactPhone: '0775-2821234',
    price: LOW_FEE,
    reputation: 86.5,
    starLevel: 4,
    ratingCount: 42,
    newcomer: false,
    distance: 1,
    foundAt: 'community',
    widened: false,
    scoreParts: [
      {
        key: 'rating',
        label: '居民评价',
        value: 0.9,
        weight: 60,
        points: 54,
        explanation: '近 42 条评价平均 4.6 星',
      },
      {
        key: 'punctuality',
        label: '按时回访',
        value: 0.95,
        weight: 20,
        points: 19,
        explanation: '20 次回访中 19 次按时',
      },
    ],
    ...overrides,
  };
}

export function matchReply(): MatchProvidersResult {
  return {
    matchId: 'match-1',
    orgPath: ORG_PATH,
    expiresAt: T0 + 24 * 60 * MINUTE,
    items: [
      {
        itemId: 'item-appliance-repair',
        itemName: '家电维修',
        searchedLevel: 'street',
        widened: true,
        gap: false,
        providers: [
          provider(),
          provider({
            rank: 2,
            providerId: 'prov-2',
            offeringId: 'off-2',
            name: '东门社区志愿维修队',
            price: FREE,
            starLevel: 5,
          }),
          provider({
            rank: 3,
            providerId: 'prov-3',
            offeringId: 'off-3',
            name: '城西家电服务中心',
            distance: 2,
            foundAt: 'street',
            widened: true,
            newcomer: true,
            ratingCount: 1,
            starLevel: 3,
            reputation: 70,
          }),
        ],
      },
    ],
  };
}

export function timelineEntry(
  to: OrderStatus,
  minutes: number,
  actorRole: Role,
  reason?: string,
): TimelineEntry {
  return {
    at: T0 + minutes * MINUTE,
    from: null,
    to,
    statusLabel: ORDER_STATUS_LABELS[to],
    stepLabel: ORDER_STATUS_LABELS[to],
    actorRole,
    actorLabel: ROLE_LABELS[actorRole],
    reason: reason ?? null,
  };
}

/**
 * An order.detail reply as its resident sees it; a `rating` among the overrides is sent beside the order,
 * as the core does.
 */
export function orderDetail(
  overrides: Partial<OrderDetail> & { rating?: { stars: number; text: string } } = {},
  actions: Action[] = [],
  timeline: TimelineEntry[] = [timelineEntry('created', 0, 'resident')],
): OrderDetailResult {
  const { rating, ...order } = overrides;
  const status = order.status ?? 'created';
  return {
    order: {
      orderId: 'order-1',
      status,
      statusLabel: ORDER_STATUS_LABELS[status],
      matchId: 'match-1',
      itemId: 'item-appliance-repair',
      itemName: '家电维修',
      providerId: 'prov-1',
      providerName: '玉州区邻里家电维修服务部',
      residentName: '李阿姨',
      residentPhone: '138****1234',
      residentPhoneMasked: true,
      serviceAddress: null,
      serviceAddressHidden: false,
      price: LOW_FEE,
      note: '下午在家',
      orgPath: ORG_PATH,
      createdAt: T0,
      acceptBy: T0 + 120 * MINUTE,
      acceptedAt: null,
      doneAt: null,
      followUpDueAt: null,
      followedUpAt: null,
      ratedAt: null,
      closedAt: null,
      ...order,
    },
    timeline,
    followUp: null,
    rating: rating === undefined ? null : { ...rating, createdAt: T0 },
    feedback: null,
    nextOffer: null,
    viewerRole: 'resident',
    actions,
  };
}

/** The same order as the provider's staff see it (no next offer is ever theirs). */
export function asStaff(reply: OrderDetailResult): OrderDetailResult {
  return { ...reply, viewerRole: 'provider_staff', nextOffer: null };
}

/** The provider of the match offered next after a decline or an expiry. */
export function candidate(overrides: Partial<MatchCandidate> = {}): MatchCandidate {
  return {
    providerId: 'prov-2',
    offeringId: 'off-2',
    providerName: '东门社区志愿维修队',
    rank: 2,
    reputation: 91.24,
    starLevel: 5,
    pricing: { kind: 'low_fee', priceFen: 800, marketPriceFen: 2500, unit: '次' },
    foundAt: 'community',
    ...overrides,
  };
}

/** What a step of the order (cancel, accept...) answers. */
export function stepReply(status: OrderStatus, orderId = 'order-1'): OrderStepResult {
  return { orderId, status, statusChangedAt: T0 + 30 * MINUTE };
}

export function created(orderId: string): CreateOrderResult {
  return { orderId, status: 'created', acceptBy: T0 + 24 * 60 * MINUTE };
}

export function orderSummary(i: number, status: OrderStatus = 'created'): OrderListItem {
  return {
    orderId: `order-${i}`,
    status,
    statusLabel: ORDER_STATUS_LABELS[status],
    itemName: i % 2 === 0 ? '家电维修' : '家庭保洁',
    providerName: '玉州区邻里家电维修服务部',
    residentName: '李阿姨',
    price: FREE,
    createdAt: T0 - i * MINUTE,
    acceptBy: null,
    stars: null,
  };
}

/** `count` orders from the `from`-th (pages of 20, as the services ask for). */
export function orderPage(
  from: number,
  count: number,
  total: number,
  status: OrderStatus = 'created',
): OrderListResult {
  return {
    items: Array.from({ length: count }, (_, k) => orderSummary(from + k, status)),
    total,
    page: Math.floor(from / 20) + 1,
    pageSize: 20,
    hasMore: from + count < total,
  };
}
