/**
 * Reply data as docs/functions.md describes it (the core's results for order.list and order.detail), built
 * per test (fixture builders, fixmystreet style): what the page tests' scripted functions answer with.
 */
import type {
  MatchReply,
  MatchedProviderReply,
} from '../../../../miniprogram/services/orders/orders.service';
import type {
  OrderDetailWire,
  OrderListItemWire,
  OrderListWire,
  OrderWire,
  TimelineEntryWire,
} from '../../../../miniprogram/services/orders/orders.wire';

/** 2026-11-29 14:30 in Asia/Shanghai. */
export const T0 = Date.UTC(2026, 10, 29, 6, 30);
const MINUTE = 60_000;

export function provider(overrides: Partial<MatchedProviderReply> = {}): MatchedProviderReply {
  return {
    providerId: 'prov-1',
    name: '玉州区邻里家电维修服务部',
    contactPhone: '0775-2821234',
    price: { free: false, feeFen: 1200, marketPriceFen: 3000, unit: '次' },
    starLevel: 4,
    reputation: 86.5,
    distance: 1,
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

export function matchReply(): MatchReply {
  return {
    matchId: 'match-1',
    items: [
      {
        itemId: 'item-appliance-repair',
        itemName: '家电维修',
        gap: false,
        providers: [
          provider(),
          provider({ providerId: 'prov-2', name: '东门社区志愿维修队', price: { free: true }, starLevel: 5 }),
          provider({
            providerId: 'prov-3',
            name: '城西家电服务中心',
            distance: 2,
            widened: true,
            newcomer: true,
            starLevel: 3,
            reputation: 70,
          }),
        ],
      },
    ],
  };
}

export function timelineEntry(
  to: string,
  minutes: number,
  actorRole: string,
  reason?: string,
): TimelineEntryWire {
  return { at: T0 + minutes * MINUTE, from: null, to, actorRole, reason: reason ?? null };
}

/** An order.detail reply; a `rating` among the overrides is sent beside the order, as the core does. */
export function orderDetail(
  overrides: Partial<OrderWire> & { rating?: { stars: number; text: string } } = {},
  actions: string[] = [],
  timeline: TimelineEntryWire[] = [timelineEntry('created', 0, 'resident')],
): OrderDetailWire {
  const { rating, ...order } = overrides;
  return {
    order: {
      orderId: 'order-1',
      status: 'created',
      itemName: '家电维修',
      providerName: '玉州区邻里家电维修服务部',
      price: { free: false, feeFen: 1200, marketPriceFen: 3000, unit: '次' },
      residentName: '李阿姨',
      residentPhone: '138****1234',
      serviceAddress: null,
      serviceAddressHidden: false,
      note: '下午在家',
      createdAt: T0,
      acceptBy: T0 + 120 * MINUTE,
      followUpDueAt: null,
      ...order,
    },
    timeline,
    rating: rating === undefined ? null : { ...rating, createdAt: T0 },
    actions,
  };
}

export function orderSummary(i: number, status = 'created'): OrderListItemWire {
  return {
    orderId: `order-${i}`,
    status,
    itemName: i % 2 === 0 ? '家电维修' : '家庭保洁',
    providerName: '玉州区邻里家电维修服务部',
    residentName: '李阿姨',
    price: { free: true },
    createdAt: T0 - i * MINUTE,
    acceptBy: null,
    stars: null,
  };
}

/** `count` orders from the `from`-th (pages of 20, as the services ask for). */
export function orderPage(from: number, count: number, total: number, status = 'created'): OrderListWire {
  return {
    items: Array.from({ length: count }, (_, k) => orderSummary(from + k, status)),
    total,
    page: Math.floor(from / 20) + 1,
    pageSize: 20,
    hasMore: from + count < total,
  };
}
