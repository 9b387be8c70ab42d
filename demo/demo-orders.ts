/**
 * Orders with their follow-ups, ratings and complaints, simulated along the order life cycle so every
 * stored status is one the life cycle can reach and every time is in order. One sequential Rng stream;
 * batches are generated on demand, so 1,000,000 orders never sit in memory at once. Each order adds its
 * ratings and follow-up outcomes to ProviderStats, from which the providers are written afterwards.
 */
import type { ActingAs } from '../core/auth/roles';
import { SYSTEM_OPENID } from '../core/auth/roles';
import { CATALOG_ITEMS } from '../core/catalog/catalog.data';
import type { OrderStatus } from '../core/lifecycle/order.lifecycle';
import { ORDER_LIFECYCLE } from '../core/lifecycle/order.lifecycle';
import { DEFAULT_ORDER_DEADLINES, followUpDueAt } from '../core/lifecycle/order.deadlines';
import type { LifecycleEvent } from '../core/lifecycle/state-machine';
import type { EventRecord } from '../core/model/event.model';
import type { Complaint, FollowUp, Order, Rating } from '../core/model/order.model';
import type { OrgUnit } from '../core/model/org-unit.model';
import type { FollowUpChannel } from '../core/schemas/order.schema';
import { DAY_MS, DEMO_GRID_ID, DEMO_RESIDENT_OPENID, HOUR_MS } from './demo.constants';
import { DEMO_CORE_PROVIDER_COUNT, type ProviderPlan, type ProviderStats } from './demo-providers';
import { residentNickname } from './names.data';
import { Rng, WeightedPicker, hash32 } from './prng';
import {
  FOLLOW_UP_PROBLEMS,
  FOLLOW_UP_SUGGESTIONS,
  FOLLOW_UP_SUMMARIES,
  RATING_TEXTS,
} from './provider-templates.data';
import type { YulinGeography } from './yulin.geography';

const ITEM_NAMES = new Map(CATALOG_ITEMS.map((item) => [item.id, item.name]));
const CHANNELS: readonly FollowUpChannel[] = ['phone', 'phone', 'phone', 'visit', 'message'];
const SPAN_MS = 365 * DAY_MS;
/** The demo resident's first orders, this long before now, so their list shows every stage. */
const DEMO_RESIDENT_ORDER_AGES_MS = [
  2 * HOUR_MS,
  30 * HOUR_MS,
  3 * DAY_MS,
  6 * DAY_MS,
  12 * DAY_MS,
  40 * DAY_MS,
  90 * DAY_MS,
  200 * DAY_MS,
];

export interface OrderBatch {
  readonly orders: Order[];
  readonly followUps: FollowUp[];
  readonly ratings: Rating[];
  readonly complaints: Complaint[];
  readonly events: EventRecord[];
}

export interface OrderSimulationOptions {
  readonly seed: number;
  readonly now: number;
  /** Residents per grid: orders are spread over grids x this many simulated residents. */
  readonly residentsPerGrid: number;
  /** Also produce the life-cycle events of each order (five or so per order). */
  readonly events: boolean;
}

interface Step {
  readonly to: OrderStatus;
  readonly at: number;
  readonly actor: ActingAs;
  readonly reason: string | null;
}

export function orderId(index: number): string {
  return `ord-${String(index + 1).padStart(7, '0')}`;
}

/** The openid of simulated resident `k` of a grid. */
export function simulatedResidentOpenid(gridId: string, k: number): string {
  return `sim-r-${gridId}-${k}`;
}

/** Their nickname: derived from the seed, the grid and k alone, so users and orders agree without a table. */
export function simulatedResidentName(seed: number, gridId: string, k: number): string {
  return residentNickname(Rng.derive(seed, `resident:${gridId}`, k));
}

const minute = (t: number): number => Math.floor(t / 60_000) * 60_000;

/** Generates orders in batches from the provider plans, adding each order's outcomes to `stats`. */
export class OrderSimulator {
  private readonly rng: Rng;
  private readonly picker: WeightedPicker;
  private readonly gridsByArea = new Map<string, OrgUnit[]>();
  private readonly gridsByPlan: (OrgUnit[] | undefined)[] = [];
  private readonly demoGrid: OrgUnit;
  private readonly demoPlans: readonly ProviderPlan[];
  private next = 0;

  constructor(
    private readonly options: OrderSimulationOptions,
    private readonly geo: YulinGeography,
    private readonly plans: readonly ProviderPlan[],
    private readonly stats: ProviderStats,
  ) {
    this.rng = Rng.derive(options.seed, 'orders');
    const weights = plans.map((p) => p.popularity);
    // The demo staff's provider is busy: a third of all orders, so its lists and ratings are full.
    if (plans.length > 1) weights[0] = (weights.reduce((a, b) => a + b, 0) - weights[0]!) / 2;
    this.picker = new WeightedPicker(weights);
    this.demoGrid = geo.byId.get(DEMO_GRID_ID)!;
    this.demoPlans = plans
      .slice(0, Math.min(DEMO_CORE_PROVIDER_COUNT, plans.length))
      .filter((p) => p.status === 'active');
  }

  /** The next `count` orders (fewer at the end of `total`). */
  batch(count: number, total: number): OrderBatch {
    const out: OrderBatch = { orders: [], followUps: [], ratings: [], complaints: [], events: [] };
    const end = Math.min(total, this.next + count);
    for (; this.next < end; this.next += 1) this.generate(this.next, out);
    return out;
  }

  private gridsServedBy(plan: ProviderPlan): OrgUnit[] {
    let grids = this.gridsByPlan[plan.index];
    if (grids === undefined) {
      const key = plan.area.map((u) => u._id).join(',');
      grids = this.gridsByArea.get(key);
      if (grids === undefined) {
        grids = this.geo.grids.filter((g) => plan.area.some((u) => g.path.startsWith(u.path)));
        this.gridsByArea.set(key, grids);
      }
      this.gridsByPlan[plan.index] = grids;
    }
    return grids;
  }

  private generate(index: number, out: OrderBatch): void {
    const { rng, options } = this;
    const now = options.now;
    const demoResident = index < DEMO_RESIDENT_ORDER_AGES_MS.length && this.demoPlans.length > 0;

    let plan: ProviderPlan;
    let grid: OrgUnit;
    let residentOpenid: string;
    let residentName: string;
    let createdAt: number;
    if (demoResident) {
      plan = this.demoPlans[rng.int(0, this.demoPlans.length - 1)]!;
      grid = this.demoGrid;
      residentOpenid = DEMO_RESIDENT_OPENID;
      residentName = '黄阿姨';
      createdAt = now - DEMO_RESIDENT_ORDER_AGES_MS[index]!;
    } else {
      plan = this.plans[this.picker.pick(rng)]!;
      grid = rng.pick(this.gridsServedBy(plan));
      const k = rng.int(0, options.residentsPerGrid - 1);
      residentOpenid = simulatedResidentOpenid(grid._id, k);
      residentName = simulatedResidentName(options.seed, grid._id, k);
      createdAt = now - rng.next() * SPAN_MS;
      // A provider that is no longer active got its orders before it stopped.
      if (plan.status !== 'active' && createdAt > plan.statusChangedAt - 7 * DAY_MS) {
        createdAt = plan.statusChangedAt - 7 * DAY_MS - rng.next() * 200 * DAY_MS;
      }
      if (createdAt < plan.agreementSignedAt + DAY_MS) createdAt = plan.agreementSignedAt + DAY_MS;
    }
    createdAt = minute(createdAt);
    const offering = rng.pick(plan.offerings);
    const id = orderId(index);
    const resident: ActingAs = { openid: residentOpenid, role: 'resident' };
    const staff: ActingAs = { openid: plan.managerOpenid, role: 'provider_staff' };
    const system: ActingAs = { openid: SYSTEM_OPENID, role: 'system' };

    // The whole intended story; what lies after `now` is cut off below.
    const steps: Step[] = [];
    const roll = rng.next();
    let doneAt: number | null = null;
    let followUpAt: number | null = null;
    let ratedAt: number | null = null;
    let stars = 0;
    if (roll < 0.03) {
      steps.push({
        to: 'cancelled',
        at: createdAt + rng.int(10, 360) * 60_000,
        actor: resident,
        reason: null,
      });
    } else if (roll < 0.06) {
      steps.push({
        to: 'declined',
        at: createdAt + rng.int(30, 480) * 60_000,
        actor: staff,
        reason: '师傅这两天排满了，无法按时上门',
      });
    } else if (roll < 0.08) {
      steps.push({
        to: 'expired',
        at: createdAt + DEFAULT_ORDER_DEADLINES.acceptWithinHours * HOUR_MS,
        actor: system,
        reason: `超过 ${DEFAULT_ORDER_DEADLINES.acceptWithinHours} 小时未接单`,
      });
    } else {
      const acceptAt = createdAt + rng.int(20, 720) * 60_000;
      steps.push({ to: 'accepted', at: acceptAt, actor: staff, reason: null });
      if (rng.chance(0.02)) {
        steps.push({
          to: 'cancelled',
          at: acceptAt + rng.int(1, 24) * HOUR_MS,
          actor: resident,
          reason: '家里临时有事，改天再约',
        });
      } else {
        doneAt = acceptAt + rng.int(2, 72) * HOUR_MS;
        steps.push({ to: 'done', at: doneAt, actor: staff, reason: null });
        const followUpDue = followUpDueAt(doneAt);
        const closeAt = doneAt + DEFAULT_ORDER_DEADLINES.closeAfterDoneHours * HOUR_MS;
        if (rng.chance(0.9)) {
          followUpAt = rng.chance(plan.punctuality)
            ? doneAt + rng.int(120, (DEFAULT_ORDER_DEADLINES.followUpWithinHours - 2) * 60) * 60_000
            : followUpDue + rng.int(60, 78 * 60) * 60_000;
        }
        if (rng.chance(0.6)) {
          ratedAt = doneAt + rng.int(60, 120 * 60) * 60_000;
          const x = plan.quality + (rng.next() + rng.next() + rng.next() - 1.5) * 1.2;
          stars = Math.min(5, Math.max(1, Math.round(x)));
        }
        if (followUpAt !== null && ratedAt !== null) {
          if (followUpAt < ratedAt) {
            steps.push({ to: 'followed_up', at: followUpAt, actor: staff, reason: null });
            steps.push({ to: 'rated', at: ratedAt, actor: resident, reason: null });
            steps.push({ to: 'closed', at: ratedAt, actor: system, reason: null });
          } else {
            steps.push({ to: 'rated', at: ratedAt, actor: resident, reason: null });
            steps.push({ to: 'closed', at: followUpAt, actor: staff, reason: null });
          }
        } else if (followUpAt !== null) {
          steps.push({ to: 'followed_up', at: followUpAt, actor: staff, reason: null });
          steps.push({
            to: 'closed',
            at: closeAt,
            actor: system,
            reason: '服务完成 7 天内居民未评价，系统关闭订单',
          });
        } else if (ratedAt !== null) {
          steps.push({ to: 'rated', at: ratedAt, actor: resident, reason: null });
          steps.push({
            to: 'closed',
            at: closeAt,
            actor: system,
            reason: '服务完成 7 天仍未回访，系统关闭订单',
          });
        } else {
          steps.push({
            to: 'closed',
            at: closeAt,
            actor: system,
            reason: '服务完成 7 天内未回访、未评价，系统关闭订单',
          });
        }
      }
    }
    let taken = 0;
    let acceptedAt: number | null = null;
    let closedAt: number | null = null;
    while (taken < steps.length && steps[taken]!.at <= now) {
      const step = steps[taken]!;
      if (step.to === 'accepted') acceptedAt = step.at;
      else if (step.to === 'closed') closedAt = step.at;
      taken += 1;
    }
    const last = taken === 0 ? undefined : steps[taken - 1]!;
    const status: OrderStatus = last === undefined ? 'created' : last.to;
    if (doneAt !== null && doneAt > now) doneAt = null;
    if (followUpAt !== null && followUpAt > now) followUpAt = null;
    if (ratedAt !== null && ratedAt > now) ratedAt = null;

    const orgPath = grid.path;
    const statusChangedAt = last === undefined ? createdAt : last.at;
    out.orders.push({
      _id: id,
      residentOpenid,
      residentName,
      providerId: plan.id,
      providerName: plan.name,
      offeringId: offering.id,
      itemId: offering.itemId,
      itemName: ITEM_NAMES.get(offering.itemId) ?? '',
      categoryId: offering.categoryId,
      pricing: offering.pricing,
      matchId: null,
      matchRank: null,
      serviceAddress: demoServiceAddress(grid.name, id),
      note: '',
      status,
      statusChangedAt,
      handlerOpenid: acceptedAt === null ? null : plan.managerOpenid,
      acceptedAt,
      doneAt,
      followUpDueAt: doneAt === null ? null : followUpDueAt(doneAt),
      followedUpAt: followUpAt,
      ratedAt,
      closedAt,
      stars: ratedAt === null ? null : stars,
      orgPath,
      createdAt,
      updatedAt: statusChangedAt,
    });

    if (doneAt !== null) {
      const dueAt = followUpDueAt(doneAt);
      const recorded = followUpAt !== null;
      const onTime = recorded ? followUpAt! <= dueAt : now > dueAt ? false : null;
      if (onTime !== null) this.stats.addFollowUp(plan.index, onTime);
      const withProblem = recorded && rng.chance(0.15);
      const withSuggestion = recorded && rng.chance(0.1);
      out.followUps.push({
        _id: `fu-${id.slice(4)}`,
        orderId: id,
        providerId: plan.id,
        itemId: offering.itemId,
        residentOpenid,
        status: recorded ? 'recorded' : onTime === false ? 'overdue' : 'pending',
        dueAt,
        reminderSentAt:
          now >= dueAt - DEFAULT_ORDER_DEADLINES.followUpReminderHoursBefore * HOUR_MS
            ? dueAt - DEFAULT_ORDER_DEADLINES.followUpReminderHoursBefore * HOUR_MS
            : null,
        recordedAt: followUpAt,
        onTime,
        recordedBy: recorded ? plan.managerOpenid : null,
        channel: recorded ? rng.pick(CHANNELS) : null,
        summary: recorded ? rng.pick(FOLLOW_UP_SUMMARIES) : '',
        problems: withProblem ? [rng.pick(FOLLOW_UP_PROBLEMS)] : [],
        suggestions: withSuggestion ? [rng.pick(FOLLOW_UP_SUGGESTIONS)] : [],
        orgPath,
        createdAt: doneAt,
        updatedAt: followUpAt ?? (onTime === false ? dueAt : doneAt),
      });
    }

    if (ratedAt !== null) {
      this.stats.addRating(plan.index, stars);
      out.ratings.push({
        _id: `rat-${id.slice(4)}`,
        orderId: id,
        providerId: plan.id,
        itemId: offering.itemId,
        residentOpenid,
        stars,
        text: rng.pick(RATING_TEXTS[stars]!),
        textVisible: true,
        orgPath,
        createdAt: ratedAt,
      });
      if (rng.chance(stars <= 2 ? 0.5 : stars === 3 ? 0.05 : 0)) {
        const filedAt = ratedAt + HOUR_MS;
        const decided = now - filedAt > 7 * DAY_MS;
        const upheld = decided && rng.chance(0.6);
        if (upheld) this.stats.upheldComplaints[plan.index]! += 1;
        out.complaints.push({
          _id: `cmp-${id.slice(4)}`,
          orderId: id,
          providerId: plan.id,
          residentOpenid,
          content:
            stars <= 1
              ? '约好的时间没有上门，电话也联系不上'
              : stars === 2
                ? '实际收费比平台上标的价格高'
                : '服务人员态度不好，问题也没讲清楚',
          images: [],
          status: decided ? (upheld ? 'upheld' : 'dismissed') : 'submitted',
          reply: decided
            ? upheld
              ? '经核实投诉属实，已责令机构整改并向居民道歉'
              : '经核实，加收费用为居民同意更换的配件费'
            : null,
          handledBy: decided ? 'demo-community-worker-1' : null,
          handledAt: decided ? filedAt + 3 * DAY_MS : null,
          orgPath,
          createdAt: filedAt,
          updatedAt: decided ? filedAt + 3 * DAY_MS : filedAt,
        });
      }
    }

    if (options.events) {
      let entity = { _id: id, status: 'created' as OrderStatus };
      const push = (event: LifecycleEvent<OrderStatus>, n: number) =>
        out.events.push({ _id: `evt-${id}-${n}`, orgPath, ...event });
      push(ORDER_LIFECYCLE.creationEvent(id, resident, createdAt), 0);
      for (let n = 0; n < taken; n += 1) {
        const step = steps[n]!;
        const result = ORDER_LIFECYCLE.transition(entity, step.to, step.actor, step.at, step.reason);
        entity = { _id: id, status: result.entity.status };
        push(result.event, n + 1);
      }
    }
  }
}

/**
 * A house number in the order's grid, derived from the order id (not drawn from the generator, so adding it
 * changed no other demo value): e.g. 金港花园小区 3 栋 2 单元 502.
 */
export function demoServiceAddress(gridName: string, orderId: string): string {
  const h = hash32(`address|${orderId}`);
  const building = 1 + (h % 18);
  const unit = 1 + ((h >>> 5) % 4);
  const floor = 1 + ((h >>> 8) % 11);
  const door = 1 + ((h >>> 12) % 3);
  return `${gridName} ${building} 栋 ${unit} 单元 ${floor}0${door}`;
}
