/**
 * The demo and scale data of the platform, as documents per collection. Pure: no I/O, no clock, no
 * randomness but the seeded one, so one seed gives byte-identical output (the lead's seeding script writes
 * it; benchmarks stream it).
 *
 * - `generateDemoDataset(options)`: everything in memory, for the demo size (`npm start`, tests).
 * - `iterateDemoData(options)`: the same documents as a stream of batches of at most `batchSize`
 *   documents, so 100,000 providers and 1,000,000 orders are generated with bounded memory (what stays in
 *   memory is proportional to providers and grids, never to orders).
 */
import type { CollectionData, CollectionDocuments, CollectionName } from '../core/model/collections.model';
import { COLLECTION_NAMES } from '../core/model/collections.model';
import type { ServiceCategory, ServiceItem } from '../core/model/catalog.model';
import type { Match, MatchGap, SubscribeGrant } from '../core/model/platform.model';
import { DEFAULT_PLATFORM_CONFIG } from '../core/kernel/platform.config';
import { CATALOG_CATEGORIES, CATALOG_ITEMS } from '../core/catalog/catalog.data';
import { demoActivityBatches } from './demo-activities';
import { demoAnnouncements } from './demo-announcements';
import { generateConcerns } from './demo-concerns';
import { demoFundEntries } from './demo-funds';
import { demoStations } from './demo-stations';
import {
  DAY_MS,
  DEFAULT_DEMO_NOW,
  DEFAULT_DEMO_ORDERS,
  DEFAULT_DEMO_PROVIDERS,
  DEFAULT_DEMO_SEED,
  MIN_DEMO_PROVIDERS,
} from './demo.constants';
import { DEMO_PATHS, DEMO_SUBSCRIPTIONS, demoIdentityUsers } from './demo-identities';
import { DELIBERATE_GAPS } from './service-coverage.data';
import { evaluationSpecFor, onboardingOf, pendingOnboarding } from './demo-onboarding';
import { CampaignCollector, ITEM_NAMES } from './demo-governance';
import { boardRowsOf } from '../core/providers/red-star-board';
import type { EvaluationSpec } from './demo-governance';
import { OrderSimulator } from './demo-orders';
import { generatePeople, providerManagerUser, simulatedResidentUsers, type PeopleData } from './demo-people';
import { ProviderStats, planProviders, providerDocuments, type ProviderPlan } from './demo-providers';
import { demoTeams } from './demo-teams';
import { buildYulinGeography, type YulinGeography } from './yulin.geography';

export interface DemoDataOptions {
  /** Any 32-bit integer; default DEFAULT_DEMO_SEED. */
  readonly seed?: number;
  /** Number of providers (at least 30); default 60. */
  readonly providers?: number;
  /** Number of orders; default 1,500. */
  readonly orders?: number;
  /** The moment the data is "as of" (ms); default 2025-01-01 00:00 Asia/Shanghai. Pass clock.now() to seed. */
  readonly now?: number;
  /** Generate the life-cycle events (about six per order); default true. Benchmarks at scale pass false. */
  readonly events?: boolean;
  /** Most documents per yielded batch; default 5,000. */
  readonly batchSize?: number;
}

export interface ResolvedDemoOptions {
  readonly seed: number;
  readonly providers: number;
  readonly orders: number;
  readonly now: number;
  readonly events: boolean;
  readonly batchSize: number;
}

/** One batch of documents of one collection. */
export type DemoBatch = {
  [K in CollectionName]: { readonly collection: K; readonly documents: CollectionDocuments[K][] };
}[CollectionName];

function positiveInt(name: string, value: number, min: number): number {
  if (!Number.isSafeInteger(value) || value < min)
    throw new RangeError(`${name} must be an integer >= ${min}`);
  return value;
}

export function resolveDemoOptions(options: DemoDataOptions = {}): ResolvedDemoOptions {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  if (!Number.isSafeInteger(seed)) throw new RangeError('seed must be an integer');
  return {
    seed: seed >>> 0,
    providers: positiveInt('providers', options.providers ?? DEFAULT_DEMO_PROVIDERS, MIN_DEMO_PROVIDERS),
    orders: positiveInt('orders', options.orders ?? DEFAULT_DEMO_ORDERS, 0),
    now: positiveInt('now', options.now ?? DEFAULT_DEMO_NOW, 0),
    events: options.events ?? true,
    batchSize: positiveInt('batchSize', options.batchSize ?? 5000, 1),
  };
}

function batch<K extends CollectionName>(collection: K, documents: CollectionDocuments[K][]): DemoBatch {
  return { collection, documents } as DemoBatch;
}

/** `documents` cut into batches of at most `size`. */
function* chunks<K extends CollectionName>(
  collection: K,
  documents: CollectionDocuments[K][],
  size: number,
): Generator<DemoBatch> {
  for (let i = 0; i < documents.length; i += size) yield batch(collection, documents.slice(i, i + size));
}

/** Collects documents and flushes them as a batch whenever `size` is reached. */
class BatchBuffer<K extends CollectionName> {
  private items: CollectionDocuments[K][] = [];
  constructor(
    private readonly collection: K,
    private readonly size: number,
  ) {}
  push(...documents: CollectionDocuments[K][]): DemoBatch[] {
    const out: DemoBatch[] = [];
    for (const document of documents) {
      this.items.push(document);
      if (this.items.length >= this.size) out.push(this.take()!);
    }
    return out;
  }
  take(): DemoBatch | null {
    if (this.items.length === 0) return null;
    const out = batch(this.collection, this.items);
    this.items = [];
    return out;
  }
}

function catalogDocuments(now: number): { categories: ServiceCategory[]; items: ServiceItem[] } {
  return {
    categories: CATALOG_CATEGORIES.map((c, i) => ({
      _id: c.id,
      name: c.name,
      description: c.description,
      industry: c.industry,
      sortOrder: i,
      active: true,
      createdAt: now,
      updatedAt: now,
    })),
    items: CATALOG_ITEMS.map((item, i) => ({
      _id: item.id,
      name: item.name,
      categoryId: item.categoryId,
      description: item.description,
      sortOrder: i,
      active: true,
      fromCaseStudy: item.fromCaseStudy,
      createdBy: null,
      orgPath: DEMO_PATHS.city,
      createdAt: now,
      updatedAt: now,
    })),
  };
}

/** How many simulated residents live in each grid: enough that no resident orders absurdly often. */
export function residentsPerGrid(orders: number, grids: number): number {
  return Math.max(2, Math.ceil(orders / (grids * 8)));
}

/**
 * The whole data set as batches: org tree, catalog, people, the demo identities, then orders with their
 * follow-ups, ratings and complaints, then providers with offerings, applications and evaluations (after
 * the orders because their aggregates are summed from them), then concerns, the users of simulated
 * residents and provider managers, and the rest.
 */
export function* iterateDemoData(options: DemoDataOptions = {}): Generator<DemoBatch> {
  const o = resolveDemoOptions(options);
  const { seed, now, batchSize } = o;
  const geo = buildYulinGeography(now - 900 * DAY_MS);
  yield* treeAndCatalog(geo, now, batchSize);
  yield* peopleBatches(generatePeople(seed, geo, now), batchSize, seed, now);
  const stations = demoStations(seed, geo, now);
  yield* chunks('stations', stations.stations, batchSize);
  yield* chunks('station_inspections', stations.inspections, batchSize);
  yield* chunks('fund_entries', demoFundEntries(now), batchSize);
  yield* chunks('announcements', demoAnnouncements(now), batchSize);

  const plans = planProviders(seed, o.providers, geo, now);
  const perGrid = residentsPerGrid(o.orders, geo.grids.length);
  // The demo identities first; simulated residents and provider managers come after the orders.
  yield* chunks('users', demoIdentityUsers(now), batchSize);

  // Life-cycle events come from orders, providers and concerns alike: one buffer across the three.
  const events = new BatchBuffer('events', batchSize);
  const stats = new ProviderStats(plans.length);
  // Each provider's latest evaluation is fixed first, so the orders count what falls in its period.
  const specs = plans.map((plan) => evaluationSpecFor(plan, now));
  specs.forEach((spec, i) => {
    if (spec !== null) stats.setPeriod(i, spec.period);
  });
  yield* orderBatches(o, geo, plans, stats, perGrid, events);
  yield* providerBatches(o, geo, plans, specs, stats, events);

  const concerns = generateConcerns(geo, now, o.events);
  yield* chunks('concerns', concerns.concerns, batchSize);
  yield* events.push(...concerns.events);
  yield* rest(events);

  // Users of every simulated resident and every provider's manager.
  const users = new BatchBuffer('users', batchSize);
  for (const grid of geo.grids) yield* users.push(...simulatedResidentUsers(seed, grid, perGrid, now));
  for (const plan of plans) {
    const user = providerManagerUser(plan);
    if (user !== null) yield* users.push(user);
  }
  yield* rest(users);
  yield* demoActivityBatches(seed, now, perGrid, batchSize);

  const gaps = demoMatchGaps(geo.byId, now);
  yield* chunks('matches', gaps.matches, batchSize);
  yield* chunks('match_gaps', gaps.gaps, batchSize);
  yield* chunks('subscribe_grants', demoSubscribeGrants(now), batchSize);
}

/** What is left in a buffer, as a last batch (nothing when it is empty). */
function* rest<K extends CollectionName>(buffer: BatchBuffer<K>): Generator<DemoBatch> {
  const last = buffer.take();
  if (last !== null) yield last;
}

function* treeAndCatalog(geo: YulinGeography, now: number, batchSize: number): Generator<DemoBatch> {
  yield* chunks('org_units', [...geo.units], batchSize);
  const catalog = catalogDocuments(now - 900 * DAY_MS);
  yield* chunks('service_categories', catalog.categories, batchSize);
  yield* chunks('service_items', catalog.items, batchSize);
}

function* peopleBatches(
  people: PeopleData,
  batchSize: number,
  seed: number,
  now: number,
): Generator<DemoBatch> {
  yield* chunks('party_orgs', people.partyOrgs, batchSize);
  yield* chunks('party_members', people.partyMembers, batchSize);
  // The demo community's teams with their members (demo/demo-teams.ts).
  const teams = demoTeams(seed, now, people.volunteerTeams);
  yield* chunks('volunteer_teams', teams.teams, batchSize);
  yield* chunks('team_members', teams.members, batchSize);
  yield* chunks('team_applications', teams.applications, batchSize);
  yield* chunks('users', teams.users, batchSize);
  yield* chunks('volunteers', teams.volunteers, batchSize);
  yield* chunks('volunteer_counters', teams.counters, batchSize);
  yield* chunks('dual_registrations', people.dualRegistrations, batchSize);
  yield* chunks('volunteer_service_logs', people.volunteerServiceLogs, batchSize);
  yield* chunks('joint_meetings', people.jointMeetings, batchSize);
}

/** Orders, streamed a batch at a time; the providers' aggregates are summed into `stats` on the way. */
function* orderBatches(
  o: ResolvedDemoOptions,
  geo: YulinGeography,
  plans: readonly ProviderPlan[],
  stats: ProviderStats,
  perGrid: number,
  events: BatchBuffer<'events'>,
): Generator<DemoBatch> {
  const simulator = new OrderSimulator(
    { seed: o.seed, now: o.now, residentsPerGrid: perGrid, events: o.events },
    geo,
    plans,
    stats,
  );
  let generated = 0;
  while (generated < o.orders) {
    const count = Math.min(o.batchSize, o.orders - generated);
    const out = simulator.batch(count, o.orders);
    generated += count;
    yield batch('orders', out.orders);
    if (out.followUps.length > 0) yield batch('follow_ups', out.followUps);
    if (out.ratings.length > 0) yield batch('ratings', out.ratings);
    if (out.complaints.length > 0) yield batch('complaints', out.complaints);
    if (out.feedbackTickets.length > 0) yield batch('feedback_tickets', out.feedbackTickets);
    if (out.ratingAppeals.length > 0) yield batch('rating_appeals', out.ratingAppeals);
    yield* events.push(...out.events);
  }
}

/**
 * Providers and what hangs on them, with the exact aggregates: offerings, the signed application with its
 * review records and agreement, the evaluation in its campaign, the blacklist entry and regulator report of
 * a removed one, the red-star board rows; then the applications still under way, and the campaigns.
 */
function* providerBatches(
  o: ResolvedDemoOptions,
  geo: YulinGeography,
  plans: readonly ProviderPlan[],
  specs: readonly (EvaluationSpec | null)[],
  stats: ProviderStats,
  events: BatchBuffer<'events'>,
): Generator<DemoBatch> {
  const config = DEFAULT_PLATFORM_CONFIG;
  // The same prior the cloud functions score with, so seeded scores are the ones residents are shown.
  const prior = config.reputation.prior;
  const unitNames = new Map(geo.units.map((u) => [u._id, u.name]));
  const boardNames = { items: ITEM_NAMES, units: unitNames };
  const campaigns = new CampaignCollector();
  const providers = new BatchBuffer('providers', o.batchSize);
  const offerings = new BatchBuffer('offerings', o.batchSize);
  const applications = new BatchBuffer('applications', o.batchSize);
  const assessments = new BatchBuffer('application_assessments', o.batchSize);
  const agreements = new BatchBuffer('agreements', o.batchSize);
  const evaluations = new BatchBuffer('evaluations', o.batchSize);
  const blacklist = new BatchBuffer('blacklist_entries', o.batchSize);
  const reports = new BatchBuffer('regulator_reports', o.batchSize);
  const board = new BatchBuffer('red_star_board', o.batchSize);
  for (const plan of plans) {
    const spec = specs[plan.index] ?? null;
    const latest = spec === null ? null : { grade: spec.grade, year: spec.year };
    const docs = providerDocuments(plan, stats, prior, o.now, latest);
    const onboarding = onboardingOf(plan, {
      seed: o.seed,
      now: o.now,
      withEvents: o.events,
      config,
      provider: docs.provider,
      evaluation: spec === null ? null : { spec, counts: stats.periodCountsOf(plan.index) },
      campaigns,
      unitNames,
    });
    yield* providers.push(docs.provider);
    yield* offerings.push(...docs.offerings);
    yield* applications.push(...onboarding.applications);
    yield* assessments.push(...onboarding.assessments);
    yield* agreements.push(...onboarding.agreements);
    yield* evaluations.push(...onboarding.evaluations);
    yield* blacklist.push(...onboarding.blacklistEntries);
    yield* reports.push(...onboarding.regulatorReports);
    // The snapshot the timer step 'board' would write now.
    yield* board.push(...boardRowsOf(docs.provider, docs.offerings, boardNames, config, o.now));
    yield* events.push(...onboarding.events);
  }
  const pending = pendingOnboarding(o.seed, geo, o.now, o.events);
  yield* applications.push(...pending.applications);
  yield* assessments.push(...pending.assessments);
  yield* events.push(...pending.events);
  for (const buffer of [providers, offerings, applications, assessments, agreements, evaluations]) {
    yield* rest(buffer);
  }
  for (const buffer of [blacklist, reports, board]) yield* rest(buffer);
  yield* chunks('evaluation_campaigns', campaigns.all(), o.batchSize);
  yield* chunks('application_objections', pending.objections, o.batchSize);
  yield* chunks('staff_invites', pending.staffInvites, o.batchSize);
}

/** The same data as `iterateDemoData`, collected per collection (every collection present, maybe empty). */
export function generateDemoDataset(options: DemoDataOptions = {}): CollectionData {
  const data = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, []])) as unknown as CollectionData;
  for (const b of iterateDemoData(options)) {
    const target = data[b.collection] as unknown[];
    for (const document of b.documents) target.push(document);
  }
  return data;
}

/** Documents per collection, for a log line ("org_units 741, providers 60..."). */
export function countDocuments(data: CollectionData): Record<CollectionName, number> {
  return Object.fromEntries(COLLECTION_NAMES.map((name) => [name, data[name].length])) as Record<
    CollectionName,
    number
  >;
}

/** The demo identities' subscribe-message grants (DEMO_SUBSCRIPTIONS), as the platform records them. */
function demoSubscribeGrants(now: number): SubscribeGrant[] {
  return DEMO_SUBSCRIPTIONS.map(({ openid, templateId, count }) => ({
    _id: `sub-${openid}-${templateId}`,
    openid,
    templateId,
    remaining: count,
    lastGrantedAt: now - DAY_MS,
    updatedAt: now - DAY_MS,
  }));
}

/** The named deliberate gaps (service-coverage.data.ts): a resident's search there and the gap it recorded. */
function demoMatchGaps(
  units: ReadonlyMap<string, { readonly path: string; readonly _id: string }>,
  now: number,
): { matches: Match[]; gaps: MatchGap[] } {
  const matches: Match[] = [];
  const gaps: MatchGap[] = [];
  DELIBERATE_GAPS.forEach((spec, i) => {
    const grid = units.get(spec.gridId);
    if (grid === undefined) return;
    const id = `match-demo-${i + 1}`;
    const createdAt = now - spec.daysAgo * DAY_MS;
    const residentOpenid = `sim-r-${grid._id}-0`;
    // Nothing near enough: matching searched up to the city, as it does for a gap.
    matches.push({
      _id: id,
      residentOpenid,
      itemIds: [spec.itemId],
      results: [{ itemId: spec.itemId, itemName: spec.itemName, searchedLevel: 'city', candidates: [] }],
      orgPath: grid.path,
      createdAt,
      expiresAt: createdAt + DAY_MS,
    });
    gaps.push({
      _id: `gap-${i + 1}`,
      itemId: spec.itemId,
      orgUnitId: grid._id,
      wanted: DEFAULT_PLATFORM_CONFIG.matching.minProviders,
      found: 0,
      searchedLevel: 'city',
      matchId: id,
      orgPath: grid.path,
      createdAt,
    });
  });
  return { matches, gaps };
}
