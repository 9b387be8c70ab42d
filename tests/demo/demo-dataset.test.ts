/**
 * The demo data set: deterministic, consistent with the model, the org tree, the pricing rule, the life
 * cycles and the reputation aggregates, with one identity for every role.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES } from '../../core/auth/roles';
import { CASE_STUDY_ITEM_NAMES } from '../../core/catalog/catalog.data';
import { assertValidPricing } from '../../core/offerings/pricing';
import { followUpIdOf, ratingIdOf } from '../../core/orders/order-ids';
import { DEFAULT_DEMO_NOW, DEMO_GRID_ID } from '../../demo/demo.constants';
import { DEMO_IDENTITIES, DEMO_PATHS, DEMO_REFS } from '../../demo/demo-identities';
import { generateDemoDataset, resolveDemoOptions } from '../../demo/demo-dataset';
import { CONCERN_STATUSES } from '../../core/lifecycle/concern.lifecycle';
import { ORDER_STATUSES } from '../../core/lifecycle/order.lifecycle';
import {
  COLLECTION_NAMES,
  type CollectionData,
  type CollectionName,
} from '../../core/model/collections.model';
import { ancestorPaths, isWithin, rollUpKey } from '../../core/org/org-path';
import { recomputeRatingAggregate } from '../../core/reputation/ratings.aggregate';
import { computeReputation } from '../../core/reputation/reputation.formula';
import { DEFAULT_PLATFORM_CONFIG } from '../../core/kernel/platform.config';
import { checkFilesOfRecord } from '../../core/files/console-files.rules';
import { demonstrationBlockers } from '../../core/stations/station-access';

const data: CollectionData = generateDemoDataset();
const NOW = DEFAULT_DEMO_NOW;
const unitPaths = new Set(data.org_units.map((u) => u.path));

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k) ?? [];
    list.push(item);
    out.set(k, list);
  }
  return out;
}

describe('determinism', () => {
  test('the same seed gives byte-identical output', () => {
    expect(JSON.stringify(generateDemoDataset())).toBe(JSON.stringify(data));
    const a = generateDemoDataset({ seed: 7, providers: 35, orders: 300 });
    const b = generateDemoDataset({ seed: 7, providers: 35, orders: 300 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  test('another seed gives other providers on the same org tree', () => {
    const other = generateDemoDataset({ seed: 12345 });
    expect(other.providers.map((p) => p.name)).not.toEqual(data.providers.map((p) => p.name));
    expect(other.providers.map((p) => p.creditCode)).not.toEqual(data.providers.map((p) => p.creditCode));
    expect(other.org_units.map((u) => u.path)).toEqual(data.org_units.map((u) => u.path));
  });

  test('providers do not shift when the order count changes', () => {
    const fewer = generateDemoDataset({ orders: 10 });
    expect(fewer.providers.map((p) => p.name)).toEqual(data.providers.map((p) => p.name));
  });

  test.each([
    [{ providers: 29 }],
    [{ providers: 30.5 }],
    [{ orders: -1 }],
    [{ batchSize: 0 }],
    [{ seed: Number.NaN }],
  ])('refuses %j', (options) => {
    expect(() => resolveDemoOptions(options)).toThrow(RangeError);
  });

  test('every collection is present', () => {
    expect(Object.keys(data).sort()).toEqual([...COLLECTION_NAMES].sort());
  });
});

describe('catalog', () => {
  test.each(Object.entries(CASE_STUDY_ITEM_NAMES).flatMap(([, names]) => names))(
    'service_items has %s',
    (name) => {
      expect(data.service_items.some((item) => item.name === name && item.active)).toBe(true);
    },
  );

  test.each(['家政服务', '休闲活动', '便民服务'])('service_categories has %s', (name) => {
    expect(data.service_categories.some((c) => c.name === name)).toBe(true);
  });
});

describe('providers and offerings', () => {
  const offeringsByProvider = groupBy(data.offerings, (o) => o.providerId);

  test('at least 30 providers with unique names and credit codes', () => {
    expect(data.providers.length).toBeGreaterThanOrEqual(30);
    expect(new Set(data.providers.map((p) => p.name)).size).toBe(data.providers.length);
    expect(new Set(data.providers.map((p) => p.creditCode)).size).toBe(data.providers.length);
  });

  test('most are active; one is suspended, one removed and blacklisted, one rectifying', () => {
    const active = data.providers.filter((p) => p.status === 'active');
    expect(active.length / data.providers.length).toBeGreaterThan(0.8);
    expect(data.providers.some((p) => p.status === 'suspended' && !p.blacklisted)).toBe(true);
    const removed = data.providers.filter((p) => p.status === 'removed');
    expect(removed.length).toBeGreaterThan(0);
    for (const p of data.providers) expect(p.blacklisted).toBe(p.status === 'removed');
    for (const p of removed)
      expect(data.blacklist_entries.some((b) => b.creditCode === p.creditCode)).toBe(true);
    const rectifying = data.providers.filter((p) => p.status === 'rectifying');
    expect(rectifying.length).toBeGreaterThan(0);
    for (const p of rectifying) expect(p.rectifyDeadline).toBeGreaterThan(NOW);
  });

  test('names read like Yulin businesses', () => {
    expect(data.providers[0]!.name).toMatch(/^玉林市玉州区.+(服务部|中心|店)$/);
    for (const p of data.providers)
      expect(p.name).toMatch(/^(玉林市玉州区|玉林市福绵区|容县|陆川县|博白县|兴业县|北流市)/);
  });

  test('credit codes are well formed with a correct GB 32100 check character', () => {
    const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    for (const p of data.providers) {
      expect(p.creditCode).toMatch(/^[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}$/);
      const sum = [...p.creditCode.slice(0, 17)].reduce((s, ch, i) => s + chars.indexOf(ch) * weights[i]!, 0);
      expect(p.creditCode[17]).toBe(chars[(31 - (sum % 31)) % 31]);
    }
  });

  test('contact phones are well-formed mobiles or 0775 landlines', () => {
    for (const p of data.providers) expect(p.contactPhone).toMatch(/^(1[3-9]\d{9}|0775-\d{7})$/);
    for (const u of data.users) if (u.phone !== null) expect(u.phone).toMatch(/^1[3-9]\d{9}$/);
  });

  test('every provider has offerings; free or a low fee strictly below the market price', () => {
    const itemIds = new Set(data.service_items.map((i) => i._id));
    for (const provider of data.providers) {
      const offerings = offeringsByProvider.get(provider._id) ?? [];
      expect(offerings.length).toBeGreaterThan(0);
      expect(provider.itemIds).toEqual(offerings.map((o) => o.itemId));
    }
    let lowFees = 0;
    for (const offering of data.offerings) {
      expect(() => assertValidPricing(offering.pricing)).not.toThrow();
      if (offering.pricing.kind === 'low_fee') {
        lowFees += 1;
        expect(offering.pricing.priceFen).toBeLessThan(offering.pricing.marketPriceFen);
        expect(Number.isInteger(offering.pricing.priceFen)).toBe(true);
        expect(Number.isInteger(offering.pricing.marketPriceFen)).toBe(true);
        expect(offering.pricing.priceFen).toBeGreaterThan(0);
      }
      expect(itemIds.has(offering.itemId)).toBe(true);
    }
    expect(lowFees).toBeGreaterThan(0);
    expect(lowFees).toBeLessThan(data.offerings.length);
  });

  test('offerings carry what matching filters on, copied from their provider', () => {
    const byId = new Map(data.providers.map((p) => [p._id, p]));
    for (const offering of data.offerings) {
      const provider = byId.get(offering.providerId)!;
      expect(offering.servedPaths).toEqual(provider.serviceAreaPaths);
      expect(offering.providerStatus).toBe(provider.status);
      expect(offering.providerBlacklisted).toBe(provider.blacklisted);
      expect(offering.reputation).toBe(provider.reputation);
      expect(offering.starLevel).toBe(provider.starLevel);
      expect(offering.providerName).toBe(provider.name);
    }
    for (const provider of data.providers) {
      expect(provider.serviceAreaPaths).toEqual(
        provider.serviceAreaUnitIds.map((id) => data.org_units.find((u) => u._id === id)!.path),
      );
    }
  });

  test.each(Object.values(CASE_STUDY_ITEM_NAMES).flat())(
    'the demo grid is served by 3 or more active providers for %s',
    (itemName) => {
      const item = data.service_items.find((i) => i.name === itemName)!;
      const covering = new Set(ancestorPaths(DEMO_PATHS.grid, { includeSelf: true }));
      const matches = data.offerings.filter(
        (o) =>
          o.itemId === item._id &&
          o.providerStatus === 'active' &&
          o.servedPaths.some((p) => covering.has(p)),
      );
      expect(matches.length).toBeGreaterThanOrEqual(3);
    },
  );

  test('reputation aggregates equal a recount of the generated ratings, follow-ups and complaints', () => {
    // As the nightly recount counts: a rating an upheld appeal took out (counted: false) does not count.
    const ratings = groupBy(
      data.ratings.filter((r) => r.counted !== false),
      (r) => r.providerId,
    );
    const followUps = groupBy(data.follow_ups, (f) => f.providerId);
    const complaints = groupBy(data.complaints, (c) => c.providerId);
    // Scored with the cloud functions' prior, so what is seeded is what residents are shown.
    const prior = DEFAULT_PLATFORM_CONFIG.reputation.prior;
    for (const p of data.providers) {
      const recount = recomputeRatingAggregate(ratings.get(p._id) ?? []);
      expect([p.ratingCount, p.ratingSum, [...p.starCounts]]).toEqual([
        recount.ratingCount,
        recount.ratingSum,
        [...recount.starCounts],
      ]);
      const fus = followUps.get(p._id) ?? [];
      expect(p.followUpsDue).toBe(fus.filter((f) => f.onTime !== null).length);
      expect(p.followUpsOnTime).toBe(fus.filter((f) => f.onTime === true).length);
      expect(p.upheldComplaints).toBe(
        (complaints.get(p._id) ?? []).filter((c) => c.status === 'upheld').length,
      );
      const reputation = computeReputation(
        {
          ratings: { ratingCount: p.ratingCount, ratingSum: p.ratingSum },
          followUps: { due: p.followUpsDue, onTime: p.followUpsOnTime },
          latestEvaluationGrade: p.latestEvaluationGrade,
          upheldComplaints: p.upheldComplaints,
        },
        prior,
      );
      expect([p.reputation, p.starLevel, p.redStar]).toEqual([
        reputation.score,
        reputation.starLevel,
        reputation.redStar,
      ]);
    }
    expect(data.providers.some((p) => p.ratingCount >= 150)).toBe(true);
    expect(data.providers.some((p) => p.redStar)).toBe(true);
  });
});

describe('orders, follow-ups and ratings', () => {
  const providers = new Map(data.providers.map((p) => [p._id, p]));
  const ratingsByOrder = groupBy(data.ratings, (r) => r.orderId);
  const followUpsByOrder = groupBy(data.follow_ups, (f) => f.orderId);
  const eventsByEntity = groupBy(
    data.events.filter((e) => e.entityType === 'order'),
    (e) => e.entityId,
  );

  test('every status of the order life cycle appears', () => {
    const seen = new Set(data.orders.map((o) => o.status));
    for (const status of ORDER_STATUSES) expect(seen.has(status)).toBe(true);
  });

  test('each order lies inside its provider service area, at a grid', () => {
    for (const order of data.orders) {
      const provider = providers.get(order.providerId)!;
      expect(provider.serviceAreaPaths.some((area) => isWithin(order.orgPath, area))).toBe(true);
      expect(unitPaths.has(order.orgPath)).toBe(true);
      expect(order.orgPath.split('/').length).toBe(7);
      expect(provider.itemIds).toContain(order.itemId);
      expect(order.createdAt).toBeGreaterThan(provider.agreementSignedAt!);
      if (provider.status !== 'active') expect(order.createdAt).toBeLessThan(provider.statusChangedAt);
    }
  });

  test('times follow each other and none lies after now', () => {
    for (const o of data.orders) {
      const times = [o.createdAt, o.acceptedAt, o.doneAt, o.statusChangedAt].filter(
        (t): t is number => t !== null,
      );
      for (const t of times) expect(t).toBeLessThanOrEqual(NOW);
      if (o.acceptedAt !== null) expect(o.acceptedAt).toBeGreaterThan(o.createdAt);
      if (o.doneAt !== null) expect(o.doneAt).toBeGreaterThan(o.acceptedAt!);
      if (o.ratedAt !== null) expect(o.ratedAt).toBeGreaterThan(o.doneAt!);
      if (o.followedUpAt !== null) expect(o.followedUpAt).toBeGreaterThan(o.doneAt!);
      expect(o.statusChangedAt).toBeGreaterThanOrEqual(o.createdAt);
    }
  });

  test('one rating per rated order, one follow-up per done order', () => {
    for (const o of data.orders) {
      const ratings = ratingsByOrder.get(o._id) ?? [];
      expect(ratings.length).toBe(o.ratedAt === null ? 0 : 1);
      if (ratings[0] !== undefined) {
        // Under the id the order loop looks it up by (order.detail, a second rating refused).
        expect(ratings[0]._id).toBe(ratingIdOf(o._id));
        expect(ratings[0].stars).toBe(o.stars);
        expect(['rated', 'closed']).toContain(o.status);
      }
      const followUps = followUpsByOrder.get(o._id) ?? [];
      expect(followUps.length).toBe(o.doneAt === null ? 0 : 1);
      if (followUps[0] !== undefined) {
        // order.detail shows it and order.follow_up records it under this id.
        expect(followUps[0]._id).toBe(followUpIdOf(o._id));
        expect(followUps[0].dueAt).toBe(o.followUpDueAt);
        expect(followUps[0].status === 'recorded').toBe(o.followedUpAt !== null);
      }
    }
  });

  test('each order timeline replays its life cycle from creation to its stored status', () => {
    for (const o of data.orders) {
      const events = eventsByEntity.get(o._id)!;
      expect(events[0]!.from).toBeNull();
      expect(events[0]!.to).toBe('created');
      for (let i = 1; i < events.length; i += 1) {
        expect(events[i]!.from).toBe(events[i - 1]!.to);
        expect(events[i]!.at).toBeGreaterThanOrEqual(events[i - 1]!.at);
      }
      expect(events[events.length - 1]!.to).toBe(o.status);
    }
  });

  test('the demo resident has orders at several stages', () => {
    const mine = data.orders.filter((o) => o.residentOpenid === 'demo-resident-1');
    expect(mine.length).toBeGreaterThanOrEqual(5);
    expect(new Set(mine.map((o) => o.status)).size).toBeGreaterThanOrEqual(4);
    for (const o of mine) expect(o.orgPath).toBe(DEMO_PATHS.grid);
    expect(DEMO_PATHS.grid.endsWith(`/${DEMO_GRID_ID}/`)).toBe(true);
  });
});

describe('concerns', () => {
  test('every kind and most statuses appear; level paths follow the level', () => {
    expect(new Set(data.concerns.map((c) => c.kind))).toEqual(new Set(['worry', 'wish', 'urgent']));
    expect(new Set(data.concerns.map((c) => c.status)).size).toBeGreaterThanOrEqual(7);
    for (const c of data.concerns) {
      expect(CONCERN_STATUSES).toContain(c.status);
      expect(c.levelPath).toBe(rollUpKey(c.orgPath, c.level));
      const events = data.events.filter((e) => e.entityId === c._id);
      expect(events[events.length - 1]!.to).toBe(c.status);
    }
    const escalated = data.concerns.find((c) => c.status === 'escalated')!;
    expect(escalated.level).toBe('street');
    expect(escalated.levelPath).toBe(DEMO_PATHS.street);
  });

  test('claims name who holds them', () => {
    for (const c of data.concerns) {
      expect(c.assigneeOpenid).toBe(c.claim === null ? null : c.claim.by);
    }
    expect(data.concerns.some((c) => c.assigneeTeamId === DEMO_REFS.teamId)).toBe(true);
  });
});

describe('people, stations, joint meetings', () => {
  test('27 demonstration stations meet all ten 十有', () => {
    const demo = data.stations.filter((s) => s.demonstration);
    expect(demo).toHaveLength(27);
    for (const s of demo) expect(s.checklistMet).toBe(10);
    for (const s of data.stations)
      expect(s.checklistMet).toBe(Object.values(s.checklist).filter(Boolean).length);
  });

  test('stations keep their evidence and inspections as the console writes them (docs/stations.md)', () => {
    const byId = new Map(data.stations.map((s) => [s._id, s]));
    for (const s of data.stations) {
      for (const [key, item] of Object.entries(s.items!)) {
        expect(item.met).toBe(s.checklist[key as keyof typeof s.checklist]);
        expect(item.photos.length).toBeLessThanOrEqual(3);
        if (item.met) expect(item.photos.length).toBeGreaterThanOrEqual(1);
        expect(checkFilesOfRecord(item.photos, 'station_evidence', s.orgPath).ok).toBe(true);
      }
      if (s.demonstration) {
        expect(s.lastInspection?.result).toBe('pass');
        expect(demonstrationBlockers(s)).toEqual([]);
      }
    }
    for (const i of data.station_inspections) {
      const s = byId.get(i.stationId)!;
      expect(i.orgPath).toBe(s.orgPath);
      expect(isWithin(s.orgPath, i.inspectorOrgPath)).toBe(true);
    }
    for (const s of data.stations) {
      const latest = data.station_inspections
        .filter((i) => i.stationId === s._id)
        .sort((a, b) => b.date.localeCompare(a.date))[0];
      expect(s.lastInspection?.inspectionId ?? null).toBe(latest?._id ?? null);
    }
    expect(byId.get(`st-${DEMO_PATHS.community.split('/').at(-2)}`)).toMatchObject({ demonstration: true });
    const street = data.stations.filter((s) => s.orgPath.startsWith(DEMO_PATHS.street));
    expect(street.some((s) => s.checklistMet < 10 && s.lastInspection?.result === 'rectify')).toBe(true);
    expect(byId.get(`st-${DEMO_GRID_ID}`)).toMatchObject({ checklistMet: 6, demonstration: false });
  });

  test('a joint meeting for every unit of the four levels', () => {
    expect(data.joint_meetings).toHaveLength(data.org_units.filter((u) => u.level !== 'grid').length);
  });

  test('party organisations, members and volunteer teams are registered with communities', () => {
    const communities = new Set(data.org_units.filter((u) => u.level === 'community').map((u) => u.path));
    for (const doc of [...data.party_orgs, ...data.party_members, ...data.volunteer_teams]) {
      expect(communities.has(doc.orgPath)).toBe(true);
    }
    const partyOrgIds = new Set(data.party_orgs.map((p) => p._id));
    for (const m of data.party_members) expect(partyOrgIds.has(m.partyOrgId)).toBe(true);
  });
});

describe('demo identities', () => {
  const users = new Map(data.users.map((u) => [u._id, u]));

  test.each(ROLES.filter((r) => r !== 'system'))('role %s has a demo identity', (role) => {
    expect(DEMO_IDENTITIES.some((i) => i.role === role && i.grants.some((g) => g.role === role))).toBe(true);
  });

  test.each([
    ['worker', 'grid'],
    ['worker', 'community'],
    ['worker', 'street'],
    ['worker', 'county'],
    ['worker', 'city'],
    ['leader', 'community'],
  ] as const)('a %s of a %s', (role, level) => {
    expect(
      DEMO_IDENTITIES.some((i) => i.grants.some((g) => g.role === role && g.orgPath === DEMO_PATHS[level])),
    ).toBe(true);
  });

  test.each([
    ['provider_staff', 'manager'],
    ['provider_staff', 'member'],
    ['volunteer', 'leader'],
    ['volunteer', 'member'],
  ] as const)('a %s %s', (role, position) => {
    expect(
      DEMO_IDENTITIES.some((i) => i.grants.some((g) => g.role === role && g.position === position)),
    ).toBe(true);
  });

  test('each identity is a demo user with a fixed openid, a Chinese name, a phone and existing references', () => {
    for (const identity of DEMO_IDENTITIES) {
      expect(identity.openid).toMatch(/^demo-[a-z-]+-\d$/);
      expect(identity.label).toMatch(/[\u4e00-\u9fa5]/);
      expect(identity.nickname).toMatch(/[\u4e00-\u9fa5]/);
      expect(identity.phone).toMatch(/^1[3-9]\d{9}$/);
      const user = users.get(identity.openid)!;
      expect(user.demo).toBe(true);
      expect(user.grants).toEqual(identity.grants);
      expect(unitPaths.has(identity.homeOrgPath)).toBe(true);
      for (const grant of identity.grants) {
        if (grant.orgPath !== undefined) expect(unitPaths.has(grant.orgPath)).toBe(true);
        if (grant.providerId !== undefined) {
          expect(data.providers.find((p) => p._id === grant.providerId)?.status).toBe('active');
        }
        if (grant.teamId !== undefined)
          expect(data.volunteer_teams.some((t) => t._id === grant.teamId)).toBe(true);
        if (grant.partyOrgId !== undefined)
          expect(data.party_orgs.some((p) => p._id === grant.partyOrgId)).toBe(true);
      }
    }
    expect(new Set(DEMO_IDENTITIES.map((i) => i.openid)).size).toBe(DEMO_IDENTITIES.length);
  });
});

describe('whole data set', () => {
  const located = COLLECTION_NAMES.filter((name) =>
    (data[name] as unknown as Record<string, unknown>[]).some((doc) => 'orgPath' in doc),
  );

  test.each(located)('every orgPath in %s is the path of an org unit', (name) => {
    for (const doc of data[name] as unknown as { orgPath: string }[])
      expect(unitPaths.has(doc.orgPath)).toBe(true);
  });

  test.each(COLLECTION_NAMES)('%s: string _ids, unique', (name) => {
    const ids = (data[name] as unknown as { _id: unknown }[]).map((d) => d._id);
    for (const id of ids) expect(typeof id).toBe('string');
    expect(new Set(ids).size).toBe(ids.length);
  });

  const indexFile = JSON.parse(
    readFileSync(join(__dirname, '..', '..', 'database', 'indexes.json'), 'utf8'),
  ) as {
    collections: Record<
      string,
      { indexes: { name: string; fields: [string, number][]; unique?: boolean }[] }
    >;
  };
  const uniqueIndexes = Object.entries(indexFile.collections).flatMap(([collection, spec]) =>
    spec.indexes
      .filter((i) => i.unique === true)
      .map((i) => [collection as CollectionName, i.name, i.fields] as const),
  );
  test.each(uniqueIndexes)(
    '%s.%s holds: every document has the fields, no two share them',
    (collection, _name, fields) => {
      const keys = (data[collection] as unknown as Record<string, unknown>[]).map((doc) =>
        JSON.stringify(
          fields.map(([field]) =>
            field.split('.').reduce<unknown>((v, part) => (v as Record<string, unknown>)?.[part], doc),
          ),
        ),
      );
      for (const key of keys) expect(key).not.toContain('null');
      expect(new Set(keys).size).toBe(keys.length);
    },
  );
});
