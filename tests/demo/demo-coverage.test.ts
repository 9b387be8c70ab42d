/**
 * The demo city is served: asked of the real `matchProviders` use case on an in-memory database holding the
 * demo data, a resident of every community is offered at least 3 providers for each common item; the named
 * gaps are real; both demo residents are offered the demo staff's provider, so a newcomer can order as a
 * demo resident and work the order as the demo staff; and the demo identities may receive the order loop's
 * subscribe messages.
 */
import { actorWithResidentGrant } from '../../core/auth/roles';
import { CATALOG_ITEMS } from '../../core/catalog/catalog.data';
import { DEFAULT_PLATFORM_CONFIG } from '../../core/kernel/platform.config';
import type { PlatformPorts } from '../../core/kernel/use-case';
import { matchProviders } from '../../core/matching/match-providers.usecase';
import type { MatchProvidersResult } from '../../core/matching/match.reply';
import { COLLECTIONS, type CollectionData } from '../../core/model/collections.model';
import { generateDemoDataset } from '../../demo/demo-dataset';
import {
  DEFAULT_DEMO_NOW,
  DEFAULT_DEMO_PROVIDERS,
  DEMO_PROVIDER_MANAGER_OPENID,
  DEMO_PROVIDER_MEMBER_OPENID,
  DEMO_RESIDENT_OPENID,
  DEMO_SECOND_RESIDENT_OPENID,
} from '../../demo/demo.constants';
import { DEMO_IDENTITIES, DEMO_ORDER_LOOPS_SUBSCRIBED, DEMO_REFS } from '../../demo/demo-identities';
import { COMMON_ITEM_IDS, DELIBERATE_GAPS } from '../../demo/service-coverage.data';
import { MemoryDatabase } from '../core/support/memory-database';
import {
  RecordingNotifier,
  ScriptedContentSecurity,
  SequentialIds,
} from '../core/support/order-loop.fixture';

const data: CollectionData = generateDemoDataset();
const { minProviders } = DEFAULT_PLATFORM_CONFIG.matching;
const itemName = (itemId: string): string => CATALOG_ITEMS.find((i) => i.id === itemId)?.name ?? itemId;

/** The demo data's catalog, providers and offerings in an in-memory database, and ports to match on it. */
function demoPorts(): PlatformPorts {
  const db = new MemoryDatabase();
  db.seed(COLLECTIONS.serviceItems, data.service_items);
  db.seed(COLLECTIONS.providers, data.providers);
  db.seed(COLLECTIONS.offerings, data.offerings);
  return {
    db,
    clock: { now: () => DEFAULT_DEMO_NOW },
    ids: new SequentialIds(),
    notifier: new RecordingNotifier(),
    contentSecurity: new ScriptedContentSecurity(),
  };
}

const ports = demoPorts();

/** What match.request answers a resident bound to `orgPath`. */
function matchAt(orgPath: string, itemIds: readonly string[], openid = 't-coverage-resident') {
  return matchProviders({
    ports,
    actor: actorWithResidentGrant(openid, orgPath, []),
    command: { itemIds: [...itemIds] },
  });
}

/** The providers offered per item. */
const offeredByItem = (match: MatchProvidersResult): Map<string, string[]> =>
  new Map(match.items.map((item) => [item.itemId, item.providers.map((p) => p.providerId)]));

const homeOf = (openid: string): string => DEMO_IDENTITIES.find((i) => i.openid === openid)!.homeOrgPath;

describe('the demo city is served', () => {
  test('the demo is its default size', () => {
    expect(data.providers).toHaveLength(DEFAULT_DEMO_PROVIDERS);
  });

  test('the common items are items of 家政服务 and 便民服务', () => {
    const categories = new Set(
      COMMON_ITEM_IDS.map((id) => data.service_items.find((i) => i._id === id)?.categoryId),
    );
    expect(categories).toEqual(new Set(['cat-housekeeping', 'cat-convenience']));
  });

  test('a resident of every community (in its first grid) is offered at least 3 providers for each common item', async () => {
    const communities = data.org_units.filter((u) => u.level === 'community');
    expect(communities).toHaveLength(172);
    const fewest = new Map<string, { found: number; at: string }>();
    const short: string[] = [];
    for (const community of communities) {
      const grid = data.org_units.find((u) => u.parentId === community._id && u.level === 'grid')!;
      const match = await matchAt(grid.path, COMMON_ITEM_IDS);
      for (const item of match.items) {
        const found = item.providers.length;
        if (found < (fewest.get(item.itemId)?.found ?? Infinity)) {
          fewest.set(item.itemId, { found, at: community.fullName });
        }
        if (item.gap || found < minProviders) short.push(`${community.fullName} ${item.itemName} ${found}`);
      }
    }
    expect(short).toEqual([]);
    // The figures: the fewest providers any community is offered, per common item.
    for (const itemId of COMMON_ITEM_IDS)
      expect(fewest.get(itemId)!.found).toBeGreaterThanOrEqual(minProviders);
  });

  test.each(DELIBERATE_GAPS.map((gap) => [gap.itemName, gap] as const))(
    'the deliberate gap %s is real: matching finds no provider up to the city, as the seeded record says',
    async (_name, gap) => {
      const grid = data.org_units.find((u) => u._id === gap.gridId)!;
      expect(grid.level).toBe('grid');
      expect(itemName(gap.itemId)).toBe(gap.itemName);
      const match = await matchAt(grid.path, [gap.itemId]);
      expect(match.items[0]).toMatchObject({ gap: true, searchedLevel: 'city', providers: [] });
      const recorded = data.match_gaps.find((g) => g.orgUnitId === gap.gridId && g.itemId === gap.itemId)!;
      expect(recorded).toMatchObject({
        found: 0,
        wanted: minProviders,
        searchedLevel: 'city',
        orgPath: grid.path,
      });
    },
  );

  test('the deliberate gaps are in rural towns, of items that are not common', () => {
    for (const gap of DELIBERATE_GAPS) {
      const grid = data.org_units.find((u) => u._id === gap.gridId)!;
      const town = data.org_units.find((u) => u._id === grid.path.split('/')[3])!;
      expect(town.kind).toBe('town');
      expect(COMMON_ITEM_IDS).not.toContain(gap.itemId);
    }
  });
});

describe("the demo staff work the demo residents' orders", () => {
  test.each([DEMO_RESIDENT_OPENID, DEMO_SECOND_RESIDENT_OPENID])(
    "%s is offered the demo staff's provider for at least 3 common items",
    async (openid) => {
      const offered = offeredByItem(await matchAt(homeOf(openid), COMMON_ITEM_IDS, openid));
      const withDemoProvider = COMMON_ITEM_IDS.filter((id) =>
        offered.get(id)!.includes(DEMO_REFS.providerId),
      );
      expect(withDemoProvider.length).toBeGreaterThanOrEqual(3);
    },
  );

  test("the demo staff's provider is active and offers those items, and both demo staff belong to it", () => {
    const provider = data.providers.find((p) => p._id === DEMO_REFS.providerId)!;
    expect(provider).toMatchObject({ status: 'active', blacklisted: false });
    expect(COMMON_ITEM_IDS.filter((id) => provider.itemIds.includes(id)).length).toBeGreaterThanOrEqual(3);
    for (const openid of [DEMO_PROVIDER_MANAGER_OPENID, DEMO_PROVIDER_MEMBER_OPENID]) {
      const user = data.users.find((u) => u._id === openid)!;
      expect(user.grants).toContainEqual(expect.objectContaining({ providerId: DEMO_REFS.providerId }));
    }
  });
});

describe('the demo identities start with subscribe-message grants', () => {
  const { orderNew, orderStatus, followUpDue, reviewReminder } = DEFAULT_PLATFORM_CONFIG.templates;
  const remaining = (openid: string, templateId: string): number =>
    data.subscribe_grants.find((g) => g.openid === openid && g.templateId === templateId)?.remaining ?? 0;

  test.each([
    [DEMO_RESIDENT_OPENID, orderStatus],
    [DEMO_RESIDENT_OPENID, reviewReminder],
    [DEMO_SECOND_RESIDENT_OPENID, orderStatus],
    [DEMO_SECOND_RESIDENT_OPENID, reviewReminder],
    [DEMO_PROVIDER_MANAGER_OPENID, orderNew],
    [DEMO_PROVIDER_MANAGER_OPENID, followUpDue],
    [DEMO_PROVIDER_MEMBER_OPENID, orderNew],
    [DEMO_PROVIDER_MEMBER_OPENID, followUpDue],
  ])('%s may receive %s for several order loops', (openid, templateId) => {
    expect(DEMO_ORDER_LOOPS_SUBSCRIBED).toBeGreaterThanOrEqual(3);
    expect(remaining(openid, templateId)).toBe(DEMO_ORDER_LOOPS_SUBSCRIBED);
  });

  test('every grant is of a demo identity, one document per openid and template', () => {
    const keys = data.subscribe_grants.map((g) => `${g.openid}|${g.templateId}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const grant of data.subscribe_grants) {
      expect(DEMO_IDENTITIES.some((i) => i.openid === grant.openid)).toBe(true);
      expect(grant.remaining).toBeGreaterThan(0);
    }
  });
});
