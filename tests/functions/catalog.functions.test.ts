/**
 * The `catalog` function on the local cloud, through the real SDK: the seeded catalog in display order with
 * each item's availability in the caller's unit (or the unit asked about) exactly where an offering that
 * matching would use serves it, paging, and browsing the org tree a level at a time. Reads write nothing.
 */
import { CATALOG_CATEGORIES, CATALOG_ITEMS } from '../../core/catalog/catalog.data';
import {
  CITY_ID,
  DEMO_COUNTY_ID,
  DEMO_GRID_ID,
  DEMO_SECOND_GRID_ID,
  DEMO_STREET_ID,
} from '../../demo/demo.constants';
import { DEMO_PATHS } from '../../demo/demo-identities';
import type { CatalogListReply, OrgChildrenReply } from '../../core/catalog/catalog.replies';
import { functionCloud, pathsUpFrom } from './support/function-cloud';
import { platformMark } from './support/platform-writes';
import { APPLIANCE_REPAIR, DEMO_RESIDENT, FAR_RESIDENT, ok } from './support/order-loop';

const cloud = functionCloud();

type CatalogReply = CatalogListReply;
type UnitsReply = OrgChildrenReply;

const catalog = <T>(openid: string, command: string, input: unknown = {}) =>
  cloud.as(openid).call<T>('catalog', command, input);

/** Whether matching would find an offering of the item for the unit: its pool filter, read as the admin. */
async function servedIn(itemId: string, unitPath: string): Promise<boolean> {
  const _ = cloud.db.command;
  const n = await cloud.count('offerings', {
    itemId,
    servedPaths: _.in(pathsUpFrom(unitPath)),
    active: true,
    providerStatus: 'active',
    providerBlacklisted: false,
  });
  return n > 0;
}

const availability = (reply: CatalogReply) =>
  Object.fromEntries(reply.categories.flatMap((c) => c.items.map((i) => [i._id, i.available])));

async function expectedAvailability(unitPath: string): Promise<Record<string, boolean>> {
  const out: Record<string, boolean> = {};
  for (const item of CATALOG_ITEMS) out[item.id] = await servedIn(item.id, unitPath);
  return out;
}

describe('catalog.list', () => {
  test('the whole seeded catalog in one page, in order, nothing written', async () => {
    const before = platformMark(cloud);
    const reply = ok(await catalog<CatalogReply>(DEMO_RESIDENT, 'catalog.list', { pageSize: 50 }));
    expect(platformMark(cloud)).toEqual(before);
    expect(reply).toMatchObject({ page: 1, pageSize: 50, hasMore: false });
    expect(reply.categories.map((c) => [c._id, c.name])).toEqual(
      CATALOG_CATEGORIES.map((c) => [c.id, c.name]),
    );
    expect(reply.categories.flatMap((c) => c.items.map((i) => i._id))).toEqual(
      CATALOG_ITEMS.map((i) => i.id),
    );
    const repair = reply.categories[0]!.items.find((i) => i._id === APPLIANCE_REPAIR)!;
    expect(repair).toMatchObject({ name: '家电维修', description: expect.stringContaining('空调') });
  });

  test('available in the caller’s bound unit exactly where matching would find a provider', async () => {
    const reply = ok(await catalog<CatalogReply>(DEMO_RESIDENT, 'catalog.list', { pageSize: 50 }));
    const expected = await expectedAvailability(DEMO_PATHS.grid);
    expect(availability(reply)).toEqual(expected);
    expect(expected[APPLIANCE_REPAIR]).toBe(true);
  });

  test('in 北流市陵城社区 (little offered there): true and false where the offerings say', async () => {
    const reply = ok(await catalog<CatalogReply>(FAR_RESIDENT, 'catalog.list', { pageSize: 50 }));
    const expected = await expectedAvailability(DEMO_PATHS.secondGrid);
    expect(availability(reply)).toEqual(expected);
    expect(Object.values(expected)).toContain(true);
    expect(Object.values(expected)).toContain(false);
    // The same unit asked about by someone bound elsewhere answers the same.
    const asked = ok(
      await catalog<CatalogReply>(DEMO_RESIDENT, 'catalog.list', {
        orgUnitId: DEMO_SECOND_GRID_ID,
        pageSize: 50,
      }),
    );
    expect(availability(asked)).toEqual(expected);
  });

  test('someone not bound who names no unit: every item listed, none available', async () => {
    const reply = ok(await catalog<CatalogReply>('t-catalog-newcomer', 'catalog.list', { pageSize: 50 }));
    expect(Object.keys(availability(reply))).toHaveLength(CATALOG_ITEMS.length);
    expect(Object.values(availability(reply)).every((a) => a === false)).toBe(true);
  });

  test('pages of items follow one another without gaps or repeats', async () => {
    const ids: string[] = [];
    for (let page = 1; ; page += 1) {
      const reply = ok(await catalog<CatalogReply>(DEMO_RESIDENT, 'catalog.list', { page, pageSize: 7 }));
      ids.push(...reply.categories.flatMap((c) => c.items.map((i) => i._id)));
      if (!reply.hasMore) break;
    }
    expect(ids).toEqual(CATALOG_ITEMS.map((i) => i.id));
  });

  test('one category', async () => {
    const reply = ok(
      await catalog<CatalogReply>(DEMO_RESIDENT, 'catalog.list', { categoryId: 'cat-leisure' }),
    );
    expect(reply.categories.map((c) => c._id)).toEqual(['cat-leisure']);
    expect(reply.categories[0]!.items.map((i) => i._id)).toEqual(
      CATALOG_ITEMS.filter((i) => i.categoryId === 'cat-leisure').map((i) => i.id),
    );
  });

  test.each([
    ['an unknown unit', 'ORG_UNIT_NOT_FOUND', { orgUnitId: '450902999999' }],
    ['an unknown category', 'CATALOG_CATEGORY_NOT_FOUND', { categoryId: 'cat-nothing' }],
    ['a page size over 50', 'INVALID_INPUT', { pageSize: 100 }],
  ])('%s: %s', async (_label, code, input) => {
    expect((await catalog(DEMO_RESIDENT, 'catalog.list', input)).code).toBe(code);
  });
});

describe('org.children', () => {
  async function childrenInDb(where: Record<string, unknown>) {
    const units = await cloud.find<{ _id: string; name: string; level: string; sortOrder: number }>(
      'org_units',
      where,
    );
    return units
      .sort((a, b) => a.sortOrder - b.sortOrder || (a._id < b._id ? -1 : 1))
      .map((u) => ({ _id: u._id, name: u.name, level: u.level }));
  }

  test('without a parent: the counties of 玉林市, in order', async () => {
    const reply = ok(await catalog<UnitsReply>(DEMO_RESIDENT, 'org.children'));
    expect(reply.units).toEqual(await childrenInDb({ parentId: CITY_ID }));
    expect(reply.units.map((u) => u.name)).toContain('玉州区');
    expect(reply.units.every((u) => u.level === 'county')).toBe(true);
  });

  test('a county’s streets, a street’s communities, a community’s grids; a grid has none', async () => {
    for (const parentId of [DEMO_COUNTY_ID, DEMO_STREET_ID]) {
      const reply = ok(await catalog<UnitsReply>(DEMO_RESIDENT, 'org.children', { parentId }));
      expect(reply.units.length).toBeGreaterThan(0);
      expect(reply.units).toEqual(await childrenInDb({ parentId }));
    }
    const streets = ok(
      await catalog<UnitsReply>(DEMO_RESIDENT, 'org.children', { parentId: DEMO_COUNTY_ID }),
    );
    expect(streets.units.every((u) => u.level === 'street')).toBe(true);
    expect(ok(await catalog<UnitsReply>(DEMO_RESIDENT, 'org.children', { parentId: DEMO_GRID_ID }))).toEqual({
      units: [],
    });
  });

  test('an unknown parent: ORG_UNIT_NOT_FOUND', async () => {
    const reply = await catalog(DEMO_RESIDENT, 'org.children', { parentId: '450902999999' });
    expect(reply.code).toBe('ORG_UNIT_NOT_FOUND');
    expect(reply.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  test('provider staff and workers may browse it too', async () => {
    for (const openid of ['demo-provider-member-1', 'demo-city-worker-1']) {
      expect((await catalog(openid, 'org.children')).code).toBe('OK');
    }
  });
});
