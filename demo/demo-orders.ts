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
import type { FeedbackTicket, RatingAppeal } from '../core/model/feedback.model';
import type { Complaint, FollowUp, Order, Rating } from '../core/model/order.model';
import { DEFAULT_PLATFORM_CONFIG } from '../core/kernel/platform.config';
import { isLowRating } from '../core/reputation/rating-levels';
import { followUpIdOf, ratingIdOf } from '../core/orders/order-ids';
import type { OrgUnit } from '../core/model/org-unit.model';
import type { FollowUpChannel } from '../core/schemas/order.schema';
import { DAY_MS, DEMO_GRID_ID, DEMO_RESIDENT_OPENID, HOUR_MS } from './demo.constants';
import {
  DEMO_CORE_PROVIDER_COUNT,
  type PlannedOffering,
  type ProviderPlan,
  type ProviderStats,
} from './demo-providers';
import { appealFits, feedbackOf, type AppealPlan } from './demo-feedback';
import { industryOfItem } from './demo-governance';
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
/** A stage the demo resident's recent orders are scripted to stand at. */
type DemoStage = 'created' | 'accepted' | 'done' | 'rated' | 'rated_low' | 'followed_up';

/**
 * The demo resident's first orders, this long before now: the recent ones scripted to stand at every open
 * stage (so their list, and the staff's, always shows each one), the older ones simulated like any other.
 */
const DEMO_RESIDENT_ORDERS: readonly { readonly ageMs: number; readonly stage: DemoStage | null }[] = [
  { ageMs: 2 * HOUR_MS, stage: 'created' },
  { ageMs: 20 * HOUR_MS, stage: 'accepted' },
  { ageMs: 30 * HOUR_MS, stage: 'done' },
  { ageMs: 3 * DAY_MS, stage: 'rated' },
  { ageMs: 6 * DAY_MS, stage: 'followed_up' },
  // Rated one star six hours ago: its 差评 ticket is open, on the provider's 差评回访 and the console's clock.
  { ageMs: 30 * HOUR_MS, stage: 'rated_low' },
  { ageMs: 40 * DAY_MS, stage: null },
  { ageMs: 90 * DAY_MS, stage: null },
  { ageMs: 200 * DAY_MS, stage: null },
];

export interface OrderBatch {
  readonly orders: Order[];
  readonly followUps: FollowUp[];
  readonly ratings: Rating[];
  readonly complaints: Complaint[];
  readonly feedbackTickets: FeedbackTicket[];
  readonly ratingAppeals: RatingAppeal[];
  readonly events: EventRecord[];
}

/** The appeals of the data set, in order (one upheld, one dismissed). */
const DEMO_APPEALS: readonly AppealPlan[] = ['upheld', 'dismissed'];

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
  private appealsMade = 0;

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
    const out: OrderBatch = {
      orders: [],
      followUps: [],
      ratings: [],
      complaints: [],
      feedbackTickets: [],
      ratingAppeals: [],
      events: [],
    };
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

  /** Who orders from whom, where and when: the demo resident's first orders, then simulated residents. */
  private startOf(index: number): OrderStart {
    const { rng, options } = this;
    const demo = DEMO_RESIDENT_ORDERS[index];
    if (demo !== undefined && this.demoPlans.length > 0) {
      const picked = this.demoPlans[rng.int(0, this.demoPlans.length - 1)]!;
      return {
        // The one-star order is the demo staff's provider's, so its manager has the 差评 ticket to handle.
        plan: demo.stage === 'rated_low' ? this.demoPlans[0]! : picked,
        grid: this.demoGrid,
        residentOpenid: DEMO_RESIDENT_OPENID,
        residentName: '黄阿姨',
        createdAt: minute(options.now - demo.ageMs),
        demoStage: demo.stage,
      };
    }
    const plan = this.plans[this.picker.pick(rng)]!;
    const grid = rng.pick(this.gridsServedBy(plan));
    const k = rng.int(0, options.residentsPerGrid - 1);
    let createdAt = options.now - rng.next() * SPAN_MS;
    // A provider that is no longer active got its orders before it stopped.
    if (plan.status !== 'active' && createdAt > plan.statusChangedAt - 7 * DAY_MS) {
      createdAt = plan.statusChangedAt - 7 * DAY_MS - rng.next() * 200 * DAY_MS;
    }
    if (createdAt < plan.agreementSignedAt + DAY_MS) createdAt = plan.agreementSignedAt + DAY_MS;
    return {
      plan,
      grid,
      residentOpenid: simulatedResidentOpenid(grid._id, k),
      residentName: simulatedResidentName(options.seed, grid._id, k),
      createdAt: minute(createdAt),
      demoStage: null,
    };
  }

  private generate(index: number, out: OrderBatch): void {
    const start = this.startOf(index);
    const offering = this.rng.pick(start.plan.offerings);
    const id = orderId(index);
    const story = this.storyOf(start);
    const outcome = cutAtNow(story, start.createdAt, this.options.now);
    out.orders.push(orderDocument(id, start, offering, outcome));
    this.stats.addPeriodOrder(start.plan.index, start.createdAt, outcome.status);
    if (outcome.doneAt !== null) out.followUps.push(this.followUpOf(id, start, offering, outcome));
    if (outcome.ratedAt !== null) this.rate(id, start, offering, outcome, out);
    if (this.options.events) out.events.push(...orderEvents(id, start, story.steps, outcome.taken));
  }

  /** The whole intended story of an order, from its creation on; what lies after now is cut off later. */
  private storyOf(start: OrderStart): OrderStory {
    if (start.demoStage !== null) return scriptedStory(start, start.demoStage);
    const { plan, residentOpenid, createdAt } = start;
    const { rng } = this;
    const resident: ActingAs = { openid: residentOpenid, role: 'resident' };
    const staff: ActingAs = { openid: plan.managerOpenid, role: 'provider_staff' };
    const unfinished = (step: Step): OrderStory => ({
      steps: [step],
      doneAt: null,
      followUpAt: null,
      ratedAt: null,
      stars: 0,
    });
    const roll = rng.next();
    if (roll < 0.03) {
      const at = createdAt + rng.int(10, 360) * 60_000;
      return unfinished({ to: 'cancelled', at, actor: resident, reason: null });
    }
    if (roll < 0.06) {
      const at = createdAt + rng.int(30, 480) * 60_000;
      return unfinished({ to: 'declined', at, actor: staff, reason: '师傅这两天排满了，无法按时上门' });
    }
    if (roll < 0.08) {
      const { acceptWithinHours } = DEFAULT_ORDER_DEADLINES;
      return unfinished({
        to: 'expired',
        at: createdAt + acceptWithinHours * HOUR_MS,
        actor: SYSTEM_ACTOR,
        reason: `超过 ${acceptWithinHours} 小时未接单`,
      });
    }
    const acceptAt = createdAt + rng.int(20, 720) * 60_000;
    const accepted: Step = { to: 'accepted', at: acceptAt, actor: staff, reason: null };
    if (rng.chance(0.02)) {
      const at = acceptAt + rng.int(1, 24) * HOUR_MS;
      const cancelled: Step = { to: 'cancelled', at, actor: resident, reason: '家里临时有事，改天再约' };
      return { steps: [accepted, cancelled], doneAt: null, followUpAt: null, ratedAt: null, stars: 0 };
    }
    const doneAt = acceptAt + rng.int(2, 72) * HOUR_MS;
    const after = this.afterDone(plan, doneAt);
    const done: Step = { to: 'done', at: doneAt, actor: staff, reason: null };
    return { ...after, steps: [accepted, done, ...closingSteps(doneAt, after, resident, staff)], doneAt };
  }

  /** Whether (and when) the provider followed up and the resident rated, and the stars. */
  private afterDone(
    plan: ProviderPlan,
    doneAt: number,
  ): { followUpAt: number | null; ratedAt: number | null; stars: number } {
    const { rng } = this;
    const { followUpWithinHours } = DEFAULT_ORDER_DEADLINES;
    let followUpAt: number | null = null;
    let ratedAt: number | null = null;
    let stars = 0;
    if (rng.chance(0.9)) {
      followUpAt = rng.chance(plan.punctuality)
        ? doneAt + rng.int(120, (followUpWithinHours - 2) * 60) * 60_000
        : followUpDueAt(doneAt) + rng.int(60, 78 * 60) * 60_000;
    }
    if (rng.chance(0.6)) {
      ratedAt = doneAt + rng.int(60, 120 * 60) * 60_000;
      const x = plan.quality + (rng.next() + rng.next() + rng.next() - 1.5) * 1.2;
      stars = Math.min(5, Math.max(1, Math.round(x)));
    }
    return { followUpAt, ratedAt, stars };
  }

  /** The follow-up record of a done order: recorded, pending, or overdue. */
  private followUpOf(
    id: string,
    start: OrderStart,
    offering: PlannedOffering,
    outcome: OrderOutcome,
  ): FollowUp {
    const { rng } = this;
    const { plan, residentOpenid, grid } = start;
    const now = this.options.now;
    const doneAt = outcome.doneAt!;
    const followUpAt = outcome.followUpAt;
    const dueAt = followUpDueAt(doneAt);
    const recorded = followUpAt !== null;
    const onTime = recorded ? followUpAt <= dueAt : now > dueAt ? false : null;
    if (onTime !== null) this.stats.addFollowUp(plan.index, onTime);
    const status = recorded ? 'recorded' : onTime === false ? 'overdue' : 'pending';
    this.stats.addPeriodFollowUp(plan.index, dueAt, status !== 'pending', onTime === true);
    const withProblem = recorded && rng.chance(0.15);
    const withSuggestion = recorded && rng.chance(0.1);
    const reminderAt = dueAt - DEFAULT_ORDER_DEADLINES.followUpReminderHoursBefore * HOUR_MS;
    return {
      _id: followUpIdOf(id),
      orderId: id,
      providerId: plan.id,
      itemId: offering.itemId,
      residentOpenid,
      status,
      dueAt,
      reminderSentAt: now >= reminderAt ? reminderAt : null,
      recordedAt: followUpAt,
      onTime,
      recordedBy: recorded ? plan.managerOpenid : null,
      channel: recorded ? rng.pick(CHANNELS) : null,
      summary: recorded ? rng.pick(FOLLOW_UP_SUMMARIES) : '',
      problems: withProblem ? [rng.pick(FOLLOW_UP_PROBLEMS)] : [],
      suggestions: withSuggestion ? [rng.pick(FOLLOW_UP_SUGGESTIONS)] : [],
      orgPath: grid.path,
      createdAt: doneAt,
      updatedAt: followUpAt ?? (onTime === false ? dueAt : doneAt),
    };
  }

  /**
   * The resident's rating, counted for the provider, and now and then a complaint after a poor one. A 差评
   * has its follow-up ticket (and maybe a second rating, or the provider's appeal): demo-feedback.ts.
   */
  private rate(
    id: string,
    { plan, residentOpenid, grid }: OrderStart,
    offering: PlannedOffering,
    outcome: OrderOutcome,
    out: OrderBatch,
  ): void {
    const { rng } = this;
    const stars = outcome.stars;
    const ratedAt = outcome.ratedAt!;
    const first: Rating = {
      _id: ratingIdOf(id),
      orderId: id,
      providerId: plan.id,
      itemId: offering.itemId,
      residentOpenid,
      stars,
      text: rng.pick(RATING_TEXTS[stars]!),
      textVisible: true,
      orgPath: grid.path,
      createdAt: ratedAt,
    };
    const itemName = ITEM_NAMES.get(offering.itemId) ?? '';
    const feedback = feedbackOf(
      first,
      { providerName: plan.name, itemName },
      plan.managerOpenid,
      this.appealOf(first),
      DEFAULT_PLATFORM_CONFIG,
      this.options.now,
    );
    if (feedback.countedStars !== null) {
      this.stats.addRating(plan.index, feedback.countedStars);
      this.stats.addPeriodRating(plan.index, ratedAt, feedback.countedStars);
    }
    out.ratings.push(feedback.rating);
    if (feedback.ticket !== null) out.feedbackTickets.push(feedback.ticket);
    if (feedback.appeal !== null) out.ratingAppeals.push(feedback.appeal);
    if (feedback.rating.stars !== stars) {
      // rating.rerate copies the second rating's stars onto the order.
      const order = out.orders[out.orders.length - 1]!;
      out.orders[out.orders.length - 1] = { ...order, stars: feedback.rating.stars };
    }
    if (!rng.chance(stars <= 2 ? 0.5 : stars === 3 ? 0.05 : 0)) return;
    const filedAt = ratedAt + HOUR_MS;
    const decided = this.options.now - filedAt > 7 * DAY_MS;
    const upheld = decided && rng.chance(0.6);
    if (upheld) {
      this.stats.upheldComplaints[plan.index]! += 1;
      this.stats.addPeriodUpheldComplaint(plan.index, filedAt + 3 * DAY_MS);
    }
    const names = { providerName: plan.name, itemId: offering.itemId, itemName };
    out.complaints.push(
      complaintOf(id, plan, residentOpenid, grid.path, stars, filedAt, decided, upheld, names),
    );
  }

  /** The first two 差评 (in order) that can be appealed and decided by now are appealed by their provider. */
  private appealOf(rating: Rating): AppealPlan | null {
    if (this.appealsMade >= DEMO_APPEALS.length) return null;
    const config = DEFAULT_PLATFORM_CONFIG;
    if (!isLowRating(rating.stars, config.governance.lowRatingAtMost)) return null;
    if (!appealFits(rating, config, this.options.now)) return null;
    const appeal = DEMO_APPEALS[this.appealsMade]!;
    this.appealsMade += 1;
    return appeal;
  }
}

/** Who orders from whom, where and when. */
interface OrderStart {
  readonly plan: ProviderPlan;
  readonly grid: OrgUnit;
  readonly residentOpenid: string;
  readonly residentName: string;
  readonly createdAt: number;
  /** Where a scripted order of the demo resident stands; null: simulated. */
  readonly demoStage: DemoStage | null;
}

/** The whole intended story of an order (its steps after creation) and the moments that matter. */
interface OrderStory {
  readonly steps: readonly Step[];
  readonly doneAt: number | null;
  readonly followUpAt: number | null;
  readonly ratedAt: number | null;
  readonly stars: number;
}

/** The story as far as it got by now. */
interface OrderOutcome {
  /** Steps that happened. */
  readonly taken: number;
  readonly status: OrderStatus;
  readonly statusChangedAt: number;
  readonly acceptedAt: number | null;
  readonly closedAt: number | null;
  readonly doneAt: number | null;
  readonly followUpAt: number | null;
  readonly ratedAt: number | null;
  readonly stars: number;
}

const SYSTEM_ACTOR: ActingAs = { openid: SYSTEM_OPENID, role: 'system' };

/**
 * A demo resident's order standing at `stage` now: accepted within the hour, done the next day, rated five
 * stars (one star for `rated_low`) and followed up on time, each only as far as the stage.
 */
function scriptedStory({ plan, residentOpenid, createdAt }: OrderStart, stage: DemoStage): OrderStory {
  const resident: ActingAs = { openid: residentOpenid, role: 'resident' };
  const staff: ActingAs = { openid: plan.managerOpenid, role: 'provider_staff' };
  const none = { doneAt: null, followUpAt: null, ratedAt: null, stars: 0 };
  if (stage === 'created') return { steps: [], ...none };
  const accepted: Step = { to: 'accepted', at: createdAt + HOUR_MS, actor: staff, reason: null };
  if (stage === 'accepted') return { steps: [accepted], ...none };
  const doneAt = createdAt + (stage === 'done' ? 6 : 22) * HOUR_MS;
  const done: Step = { to: 'done', at: doneAt, actor: staff, reason: null };
  if (stage === 'done') return { steps: [accepted, done], ...none, doneAt };
  if (stage === 'rated' || stage === 'rated_low') {
    const ratedAt = doneAt + 2 * HOUR_MS;
    const rated: Step = { to: 'rated', at: ratedAt, actor: resident, reason: null };
    const stars = stage === 'rated' ? 5 : 1;
    return { steps: [accepted, done, rated], doneAt, followUpAt: null, ratedAt, stars };
  }
  const followUpAt = doneAt + 30 * HOUR_MS;
  const followedUp: Step = { to: 'followed_up', at: followUpAt, actor: staff, reason: null };
  return { steps: [accepted, done, followedUp], doneAt, followUpAt, ratedAt: null, stars: 0 };
}

/** After the job is done: follow-up, rating and closing in the order they happened. */
function closingSteps(
  doneAt: number,
  { followUpAt, ratedAt }: { followUpAt: number | null; ratedAt: number | null },
  resident: ActingAs,
  staff: ActingAs,
): Step[] {
  const closeAt = doneAt + DEFAULT_ORDER_DEADLINES.closeAfterDoneHours * HOUR_MS;
  const closed = (at: number, actor: ActingAs, reason: string | null): Step => ({
    to: 'closed',
    at,
    actor,
    reason,
  });
  if (followUpAt !== null && ratedAt !== null) {
    const followedUp: Step = { to: 'followed_up', at: followUpAt, actor: staff, reason: null };
    const rated: Step = { to: 'rated', at: ratedAt, actor: resident, reason: null };
    return followUpAt < ratedAt
      ? [followedUp, rated, closed(ratedAt, SYSTEM_ACTOR, null)]
      : [rated, closed(followUpAt, staff, null)];
  }
  if (followUpAt !== null) {
    return [
      { to: 'followed_up', at: followUpAt, actor: staff, reason: null },
      closed(closeAt, SYSTEM_ACTOR, '服务完成 7 天内居民未评价，系统关闭订单'),
    ];
  }
  if (ratedAt !== null) {
    return [
      { to: 'rated', at: ratedAt, actor: resident, reason: null },
      closed(closeAt, SYSTEM_ACTOR, '服务完成 7 天仍未回访，系统关闭订单'),
    ];
  }
  return [closed(closeAt, SYSTEM_ACTOR, '服务完成 7 天内未回访、未评价，系统关闭订单')];
}

/** The story cut at `now`: the steps that happened and the status they reached. */
function cutAtNow(story: OrderStory, createdAt: number, now: number): OrderOutcome {
  let taken = 0;
  let acceptedAt: number | null = null;
  let closedAt: number | null = null;
  while (taken < story.steps.length && story.steps[taken]!.at <= now) {
    const step = story.steps[taken]!;
    if (step.to === 'accepted') acceptedAt = step.at;
    else if (step.to === 'closed') closedAt = step.at;
    taken += 1;
  }
  const last = taken === 0 ? undefined : story.steps[taken - 1]!;
  const upToNow = (t: number | null): number | null => (t !== null && t > now ? null : t);
  return {
    taken,
    status: last === undefined ? 'created' : last.to,
    statusChangedAt: last === undefined ? createdAt : last.at,
    acceptedAt,
    closedAt,
    doneAt: upToNow(story.doneAt),
    followUpAt: upToNow(story.followUpAt),
    ratedAt: upToNow(story.ratedAt),
    stars: story.stars,
  };
}

function orderDocument(
  id: string,
  start: OrderStart,
  offering: PlannedOffering,
  outcome: OrderOutcome,
): Order {
  const { plan, grid, createdAt } = start;
  const { doneAt, acceptedAt, ratedAt } = outcome;
  return {
    _id: id,
    residentOpenid: start.residentOpenid,
    residentName: start.residentName,
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
    status: outcome.status,
    statusChangedAt: outcome.statusChangedAt,
    handlerOpenid: acceptedAt === null ? null : plan.managerOpenid,
    acceptedAt,
    doneAt,
    followUpDueAt: doneAt === null ? null : followUpDueAt(doneAt),
    followedUpAt: outcome.followUpAt,
    ratedAt,
    closedAt: outcome.closedAt,
    stars: ratedAt === null ? null : outcome.stars,
    orgPath: grid.path,
    createdAt,
    updatedAt: outcome.statusChangedAt,
  };
}

const COMPLAINT_CONTENT = {
  1: '约好的时间没有上门，电话也联系不上',
  2: '实际收费比平台上标的价格高',
  3: '服务人员态度不好，问题也没讲清楚',
} as const;

function complaintOf(
  id: string,
  plan: ProviderPlan,
  residentOpenid: string,
  orgPath: string,
  stars: number,
  filedAt: number,
  decided: boolean,
  upheld: boolean,
  names: { readonly providerName: string; readonly itemId: string; readonly itemName: string },
): Complaint {
  return {
    _id: `cmp-${id.slice(4)}`,
    orderId: id,
    providerId: plan.id,
    residentOpenid,
    content: COMPLAINT_CONTENT[Math.min(3, stars) as 1 | 2 | 3],
    images: [],
    status: decided ? (upheld ? 'upheld' : 'dismissed') : 'submitted',
    reply: decided
      ? upheld
        ? '经核实投诉属实，已责令机构整改并向居民道歉'
        : '经核实，加收费用为居民同意更换的配件费'
      : null,
    handledBy: decided ? 'demo-community-worker-1' : null,
    handledAt: decided ? filedAt + 3 * DAY_MS : null,
    // Copied as complaint.submit copies them (lists, the regulator's industry scope).
    ...names,
    industry: industryOfItem(names.itemId),
    orgPath,
    createdAt: filedAt,
    updatedAt: decided ? filedAt + 3 * DAY_MS : filedAt,
  };
}

/** The order's life-cycle events: its creation and every step taken, replayed through the life cycle. */
function orderEvents(id: string, start: OrderStart, steps: readonly Step[], taken: number): EventRecord[] {
  const out: EventRecord[] = [];
  const orgPath = start.grid.path;
  const resident: ActingAs = { openid: start.residentOpenid, role: 'resident' };
  let entity = { _id: id, status: 'created' as OrderStatus };
  const push = (event: LifecycleEvent<OrderStatus>, n: number) =>
    out.push({ _id: `evt-${id}-${n}`, orgPath, ...event });
  push(ORDER_LIFECYCLE.creationEvent(id, resident, start.createdAt), 0);
  for (let n = 0; n < taken; n += 1) {
    const step = steps[n]!;
    const result = ORDER_LIFECYCLE.transition(entity, step.to, step.actor, step.at, step.reason);
    entity = { _id: id, status: result.entity.status };
    push(result.event, n + 1);
  }
  return out;
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
