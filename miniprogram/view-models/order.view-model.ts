/**
 * Orders as the resident and the provider staff see them: list rows, the detail with its timeline, and
 * which buttons to show (from the `actions` the function says the caller may take now). Read straight from
 * the core's replies (order.list, order.detail), once, into what the page renders.
 */
import type { OrderDetailResult, OrderListItem, TimelineEntry } from 'weimin-core';
import { isMasked } from '../utils/phone.format';
import { formatPrice } from '../utils/price.format';
import { starsLabel, starsText } from '../utils/stars.format';
import { actorLabel, statusLabel, statusTheme, type TagTheme } from '../utils/status.format';
import { formatShanghaiMinute, formatShanghaiShort } from '../utils/time.format';

/** What a list row and the detail both show first: the order, its item, its provider, its status. */
export interface OrderHeadingView {
  id: string;
  itemName: string;
  providerName: string;
  status: string;
  statusLabel: string;
  statusTheme: TagTheme;
}

type OrderHeading = Pick<OrderListItem, 'orderId' | 'status' | 'itemName' | 'providerName'>;

function toOrderHeading(order: OrderHeading): OrderHeadingView {
  return {
    id: order.orderId,
    itemName: order.itemName,
    providerName: order.providerName,
    status: order.status,
    statusLabel: statusLabel(order.status),
    statusTheme: statusTheme(order.status),
  };
}

export interface OrderRowView extends OrderHeadingView {
  createdAt: string;
  /** What a screen reader says for the row: '家电维修，待接单，玉州区…服务部，11-29 14:30'. */
  label: string;
}

/** A row of a list, from the list's item or from the order's detail (a row refreshed in place). */
export function toOrderRow(
  order: OrderHeading & Pick<OrderListItem, 'createdAt'>,
  now: number,
): OrderRowView {
  const heading = toOrderHeading(order);
  const createdAt = formatShanghaiShort(order.createdAt, now);
  const label = [heading.itemName, heading.statusLabel, heading.providerName, createdAt].join('，');
  return { ...heading, createdAt, label };
}

/** What each step of the life cycle is called on the timeline. */
const STEP_TITLES: Readonly<Record<string, string>> = {
  created: '提交订单',
  accepted: '服务机构已接单',
  declined: '服务机构拒单',
  expired: '超时未接单',
  cancelled: '订单已取消',
  done: '服务已完成',
  followed_up: '服务机构已回访',
  rated: '居民已评价',
  closed: '订单已完结',
};

export interface TimelineStepView {
  title: string;
  /** '2026-11-29 14:30 · 服务机构' and the reason, if any. */
  content: string;
}

export function toTimeline(entries: readonly TimelineEntry[]): TimelineStepView[] {
  return [...entries]
    .sort((a, b) => a.at - b.at)
    .map((entry) => {
      const when = `${formatShanghaiMinute(entry.at)} · ${actorLabel(entry.actorRole)}`;
      return {
        title: STEP_TITLES[entry.to] ?? statusLabel(entry.to),
        content: entry.reason ? `${when}\n原因：${entry.reason}` : when,
      };
    });
}

export interface OrderDetailView extends OrderHeadingView {
  price: string;
  unit: string;
  marketPrice: string;
  residentName: string;
  residentPhone: string;
  /** The phone may be dialled (the server sent it unmasked). */
  canCall: boolean;
  /** Why a masked number is masked: before acceptance, or after the job ended; '' when not masked. */
  phoneHint: string;
  /** 代下单: '由网格员代下单' when a worker placed the order for the resident; '' otherwise (no cell). */
  placedByLabel: string;
  /** '' when the order has none (the cell is not shown). */
  serviceAddress: string;
  note: string;
  createdAt: string;
  /** Deadlines worth saying: '请于 … 前答复' / '回访截止 …'. */
  deadline: string;
  ratingStars: string;
  /** The rating in words beside the stars: '4 星'; '' when not rated. */
  ratingLabel: string;
  ratingText: string;
  timeline: TimelineStepView[];
  /** The timeline's last step, for t-steps' `current`. */
  current: number;
  canCancel: boolean;
  canRate: boolean;
  canAccept: boolean;
  canDecline: boolean;
  canFinish: boolean;
  canFollowUp: boolean;
}

function deadlineOf({ order }: OrderDetailResult): string {
  if (order.status === 'created' && order.acceptBy !== null) {
    return `服务机构需在 ${formatShanghaiMinute(order.acceptBy)} 前答复`;
  }
  if (order.status === 'done' && order.followUpDueAt !== null) {
    return `回访截止 ${formatShanghaiMinute(order.followUpDueAt)}`;
  }
  return '';
}

export function toOrderDetail(reply: OrderDetailResult): OrderDetailView {
  const { order, actions, rating } = reply;
  const price = formatPrice(order.price);
  const timeline = toTimeline(reply.timeline);
  const phone = order.residentPhone ?? '';
  // Contact details are withheld from provider staff before acceptance and again once the job has ended.
  const hiddenWhy = order.status === 'created' ? '接单后可见' : '服务结束后不再显示';
  return {
    ...toOrderHeading(order),
    price: price.price,
    unit: price.unit,
    marketPrice: price.marketPrice,
    residentName: order.residentName,
    residentPhone: phone === '' ? '未留电话' : phone,
    canCall: phone !== '' && !isMasked(phone),
    phoneHint: isMasked(phone) ? `${hiddenWhy}完整号码` : '',
    placedByLabel: reply.placedBy === undefined ? '' : '由网格员代下单',
    serviceAddress: order.serviceAddressHidden ? hiddenWhy : (order.serviceAddress ?? ''),
    note: order.note,
    createdAt: formatShanghaiMinute(order.createdAt),
    deadline: deadlineOf(reply),
    ratingStars: rating === null ? '' : starsText(rating.stars),
    ratingLabel: rating === null ? '' : starsLabel(rating.stars),
    // Null while a worker reviews the text: the stars show, the text does not.
    ratingText: rating?.text ?? '',
    timeline,
    current: Math.max(0, timeline.length - 1),
    canCancel: actions.includes('order.cancel'),
    canRate: actions.includes('order.rate'),
    canAccept: actions.includes('order.accept'),
    canDecline: actions.includes('order.decline'),
    canFinish: actions.includes('order.done'),
    canFollowUp: actions.includes('order.follow_up'),
  };
}

/** Status filters of the lists: '' is all. */
export const RESIDENT_ORDER_FILTERS = [
  { value: '', label: '全部' },
  { value: 'created', label: '待接单' },
  { value: 'accepted', label: '服务中' },
  { value: 'done', label: '待评价' },
] as const;

export const STAFF_JOB_FILTERS = [
  { value: 'created', label: '待接单' },
  { value: 'accepted', label: '服务中' },
  { value: 'done', label: '待回访' },
  { value: '', label: '全部' },
] as const;
