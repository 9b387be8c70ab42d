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
import { generateConcerns } from './demo-concerns';
import {
  DAY_MS,
  DEFAULT_DEMO_NOW,
  DEFAULT_DEMO_ORDERS,
  DEFAULT_DEMO_PROVIDERS,
  DEFAULT_DEMO_SEED,
  DEMO_PROVIDER_MANAGER_OPENID,
  DEMO_RESIDENT_OPENID,
  MIN_DEMO_PROVIDERS,
} from './demo.constants';
import { DEMO_PATHS, demoIdentityUsers } from './demo-identities';
import { onboardingOf, pendingOnboarding } from './demo-onboarding';
import { OrderSimulator } from './demo-orders';
import { generatePeople, providerManagerUser, simulatedResidentUsers } from './demo-people';
import { ProviderStats, planProviders, providerDocuments } from './demo-providers';
import { buildYulinGeography } from './yulin.geography';

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

  yield* chunks('org_units', [...geo.units], batchSize);
  const catalog = catalogDocuments(now - 900 * DAY_MS);
  yield* chunks('service_categories', catalog.categories, batchSize);
  yield* chunks('service_items', catalog.items, batchSize);

  const people = generatePeople(seed, geo, now);
  yield* chunks('party_orgs', people.partyOrgs, batchSize);
  yield* chunks('party_members', people.partyMembers, batchSize);
  yield* chunks('volunteer_teams', people.volunteerTeams, batchSize);
  yield* chunks('dual_registrations', people.dualRegistrations, batchSize);
  yield* chunks('volunteer_service_logs', people.volunteerServiceLogs, batchSize);
  yield* chunks('stations', people.stations, batchSize);
  yield* chunks('joint_meetings', people.jointMeetings, batchSize);
  yield* chunks('fund_entries', people.fundEntries, batchSize);

  const plans = planProviders(seed, o.providers, geo, now);
  const perGrid = residentsPerGrid(o.orders, geo.grids.length);

  // The demo identities first; simulated residents and provider managers come after the orders.
  yield* chunks('users', demoIdentityUsers(now), batchSize);

  // Orders, streamed; the providers' aggregates are summed on the way.
  const stats = new ProviderStats(plans.length);
  const simulator = new OrderSimulator(
    { seed, now, residentsPerGrid: perGrid, events: o.events },
    geo,
    plans,
    stats,
  );
  const events = new BatchBuffer('events', batchSize);
  let generated = 0;
  while (generated < o.orders) {
    const count = Math.min(batchSize, o.orders - generated);
    const out = simulator.batch(count, o.orders);
    generated += count;
    yield batch('orders', out.orders);
    if (out.followUps.length > 0) yield batch('follow_ups', out.followUps);
    if (out.ratings.length > 0) yield batch('ratings', out.ratings);
    if (out.complaints.length > 0) yield batch('complaints', out.complaints);
    for (const b of events.push(...out.events)) yield b;
  }

  // Providers and what hangs on them, with the exact aggregates.
  // The same prior the cloud functions score with, so seeded scores are the ones residents are shown.
  const prior = DEFAULT_PLATFORM_CONFIG.reputation.prior;
  const providers = new BatchBuffer('providers', batchSize);
  const offerings = new BatchBuffer('offerings', batchSize);
  const applications = new BatchBuffer('applications', batchSize);
  const evaluations = new BatchBuffer('evaluations', batchSize);
  const blacklist = new BatchBuffer('blacklist_entries', batchSize);
  for (const plan of plans) {
    const docs = providerDocuments(plan, stats, prior, now);
    const onboarding = onboardingOf(plan, now, o.events);
    yield* providers.push(docs.provider);
    yield* offerings.push(...docs.offerings);
    yield* applications.push(...onboarding.applications);
    yield* evaluations.push(...onboarding.evaluations);
    yield* blacklist.push(...onboarding.blacklistEntries);
    yield* events.push(...onboarding.events);
  }
  const pending = pendingOnboarding(seed, geo, now, o.events);
  yield* applications.push(...pending.applications);
  yield* events.push(...pending.events);
  for (const buffer of [providers, offerings, applications, evaluations, blacklist]) {
    const rest = buffer.take();
    if (rest !== null) yield rest;
  }
  yield* chunks('application_objections', pending.objections, batchSize);
  yield* chunks('staff_invites', pending.staffInvites, batchSize);

  const concerns = generateConcerns(geo, now, o.events);
  yield* chunks('concerns', concerns.concerns, batchSize);
  yield* events.push(...concerns.events);
  const lastEvents = events.take();
  if (lastEvents !== null) yield lastEvents;

  // Users of every simulated resident and every provider's manager.
  const users = new BatchBuffer('users', batchSize);
  for (const grid of geo.grids) yield* users.push(...simulatedResidentUsers(seed, grid, perGrid, now));
  for (const plan of plans) {
    const user = providerManagerUser(plan);
    if (user !== null) yield* users.push(user);
  }
  const lastUsers = users.take();
  if (lastUsers !== null) yield lastUsers;

  const gaps = demoMatchGaps(geo.byId, now);
  yield* chunks('matches', gaps.matches, batchSize);
  yield* chunks('match_gaps', gaps.gaps, batchSize);
  yield* chunks('subscribe_grants', demoSubscribeGrants(now), batchSize);
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

function demoSubscribeGrants(now: number): SubscribeGrant[] {
  const grant = (openid: string, templateId: string, remaining: number): SubscribeGrant => ({
    _id: `sub-${openid}-${templateId}`,
    openid,
    templateId,
    remaining,
    lastGrantedAt: now - DAY_MS,
    updatedAt: now - DAY_MS,
  });
  return [
    grant(DEMO_PROVIDER_MANAGER_OPENID, 'TPL_ORDER_NEW', 5),
    grant(DEMO_PROVIDER_MANAGER_OPENID, 'TPL_FOLLOWUP_DUE', 3),
    grant('demo-provider-member-1', 'TPL_ORDER_NEW', 2),
    grant(DEMO_RESIDENT_OPENID, 'TPL_ORDER_STATUS', 3),
    grant(DEMO_RESIDENT_OPENID, 'TPL_CONCERN_PROGRESS', 2),
    grant(DEMO_RESIDENT_OPENID, 'TPL_WISH_CLAIMED', 1),
  ];
}

/** A few items residents outside the city centre looked for in vain (the dashboard's gap list). */
function demoMatchGaps(
  units: ReadonlyMap<string, { readonly path: string; readonly _id: string }>,
  now: number,
): { matches: Match[]; gaps: MatchGap[] } {
  const specs = [
    { gridId: '450921101001001', itemId: 'item-matchmaking', itemName: '婚姻介绍', daysAgo: 3 },
    { gridId: '450924101001001', itemId: 'item-childcare', itemName: '托育托管', daysAgo: 6 },
    { gridId: '450923101001001', itemId: 'item-film', itemName: '影视', daysAgo: 9 },
  ];
  const matches: Match[] = [];
  const gaps: MatchGap[] = [];
  specs.forEach((spec, i) => {
    const grid = units.get(spec.gridId);
    if (grid === undefined) return;
    const id = `match-demo-${i + 1}`;
    const createdAt = now - spec.daysAgo * DAY_MS;
    const residentOpenid = `sim-r-${grid._id}-0`;
    matches.push({
      _id: id,
      residentOpenid,
      itemIds: [spec.itemId],
      results: [{ itemId: spec.itemId, itemName: spec.itemName, searchedLevel: 'county', candidates: [] }],
      orgPath: grid.path,
      createdAt,
      expiresAt: createdAt + DAY_MS,
    });
    gaps.push({
      _id: `gap-${i + 1}`,
      itemId: spec.itemId,
      orgUnitId: grid._id,
      wanted: 3,
      found: 0,
      searchedLevel: 'county',
      matchId: id,
      orgPath: grid.path,
      createdAt,
    });
  });
  return { matches, gaps };
}
