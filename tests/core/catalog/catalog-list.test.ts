/**
 * catalog.list and org.children on the in-memory database: display order (categories, then items), hidden
 * categories and items, paging across categories, items bounded to another unit's area, and `available`
 * agreeing with what match.request would find (the same offering filter: listed, provider active and not
 * blacklisted, serving the unit or an ancestor) with one indexed look-up per item on the page.
 */
import type { Actor } from '../../../core/auth/roles';
import { listCatalog } from '../../../core/catalog/catalog-list.usecase';
import { orgChildren } from '../../../core/catalog/org-children.usecase';
import { matchProviders } from '../../../core/matching/match-providers.usecase';
import { COLLECTIONS } from '../../../core/model/collections.model';
import type { ServiceCategory } from '../../../core/model/catalog.model';
import type { OrgUnit } from '../../../core/model/org-unit.model';
import { unitIdOfPath } from '../../../core/org/org-path';

import {
  COMMUNITY,
  ELDER_CARE,
  HAIRCUT,
  OTHER_COUNTY,
  OTHER_STREET,
  REPAIR,
  T0,
  codeOf,
  createWorld,
  residentActor,
  seedItem,
  seedProvider,
  staffActor,
  type World,
} from '../support/order-loop.fixture';
import type { CatalogListReply } from '../../../core/catalog/catalog.replies';

const FITNESS = 'item-fitness';
const FILM = 'item-film';
const HIDDEN_ITEM = 'item-hidden';
const FUMIAN_ONLY = 'item-fumian-only';
const IN_HIDDEN_CATEGORY = 'item-in-hidden-category';

function category(id: string, sortOrder: number, active = true): ServiceCategory {
  return { _id: id, name: `类别${id}`, description: '', sortOrder, active, createdAt: T0, updatedAt: T0 };
}

/**
 * Categories: leisure (first), housekeeping, a hidden one. Items: housekeeping has the fixture's three
 * (sortOrder 0, by _id: eldercare, haircut, repair) plus a hidden one and one only Fumian (another county)
 * offers; leisure has fitness and film. Providers: p1 serves the resident's community with repair; p2 the
 * other street with eldercare; p3 is suspended (haircut); p4 blacklisted (fitness); p5 unlisted its film.
 */
function catalogWorld(): World {
  const world = createWorld();
  world.db.seed(COLLECTIONS.serviceCategories, [
    category('cat-leisure', 0),
    category('cat-housekeeping', 1),
    category('cat-hidden', 2, false),
    category('cat-empty', 3),
  ]);
  seedItem(world.db, FITNESS, { categoryId: 'cat-leisure', sortOrder: 1, name: '健身' });
  seedItem(world.db, FILM, {
    categoryId: 'cat-leisure',
    sortOrder: 2,
    name: '影视',
    description: '社区电影',
  });
  seedItem(world.db, HIDDEN_ITEM, { active: false });
  seedItem(world.db, FUMIAN_ONLY, { orgPath: OTHER_COUNTY, sortOrder: 5 });
  seedItem(world.db, IN_HIDDEN_CATEGORY, { categoryId: 'cat-hidden' });
  seedProvider(world, { id: 'p1', serves: [COMMUNITY], items: [REPAIR] });
  seedProvider(world, { id: 'p2', serves: [OTHER_STREET], items: [ELDER_CARE] });
  seedProvider(world, { id: 'p3', serves: [COMMUNITY], items: [HAIRCUT], status: 'suspended' });
  seedProvider(world, { id: 'p4', serves: [COMMUNITY], items: [FITNESS], blacklisted: true });
  seedProvider(world, { id: 'p5', serves: [COMMUNITY], items: [FILM], offeringInactive: true });
  return world;
}

const list = (world: World, actor: Actor, command: Record<string, unknown> = {}) =>
  listCatalog({ ports: world.ports, actor, command });

const flat = (reply: CatalogListReply) =>
  reply.categories.flatMap((c) => c.items.map((i) => `${c._id}/${i._id}:${i.available ? 'yes' : 'no'}`));

describe('catalog.list', () => {
  test('categories in order, their active items in order, availability in the caller’s unit', async () => {
    const world = catalogWorld();
    const reply = await list(world, residentActor());
    expect(flat(reply)).toEqual([
      'cat-leisure/item-fitness:no', // blacklisted provider
      'cat-leisure/item-film:no', // offering unlisted
      'cat-housekeeping/item-eldercare:no', // served in another street only
      'cat-housekeeping/item-haircut:no', // provider suspended
      'cat-housekeeping/item-repair:yes', // served in the resident's community
    ]);
    expect(reply).toMatchObject({ page: 1, pageSize: 20, hasMore: false });
    expect(reply.categories[0]).toEqual({
      _id: 'cat-leisure',
      name: '类别cat-leisure',
      items: [
        { _id: FITNESS, name: '健身', description: '', available: false },
        { _id: FILM, name: '影视', description: '社区电影', available: false },
      ],
    });
  });

  test('`available` is true exactly where match.request finds a provider', async () => {
    const world = catalogWorld();
    const actor = residentActor();
    const reply = await list(world, actor);
    for (const item of reply.categories.flatMap((c) => c.items)) {
      const matched = await matchProviders({ ports: world.ports, actor, command: { itemIds: [item._id] } });
      expect([item._id, matched.items[0]!.providers.length > 0]).toEqual([item._id, item.available]);
    }
  });

  test('another unit asked about: its own availability, and items bounded to its area', async () => {
    const world = catalogWorld();
    const inStreet = flat(await list(world, residentActor(), { orgUnitId: unitIdOfPath(OTHER_STREET) }));
    expect(inStreet).toContain('cat-housekeeping/item-eldercare:yes');
    expect(inStreet).toContain('cat-housekeeping/item-repair:no');
    expect(inStreet).not.toContain('cat-housekeeping/item-fumian-only:no');
    const inFumian = flat(await list(world, residentActor(), { orgUnitId: unitIdOfPath(OTHER_COUNTY) }));
    expect(inFumian).toContain('cat-housekeeping/item-fumian-only:no');
  });

  test('without a unit (not bound, none asked): every active item, none available, no offering read', async () => {
    const world = catalogWorld();
    const reply = await list(world, residentActor('o-newcomer', null));
    expect(flat(reply)).toEqual([
      'cat-leisure/item-fitness:no',
      'cat-leisure/item-film:no',
      'cat-housekeeping/item-eldercare:no',
      'cat-housekeeping/item-haircut:no',
      'cat-housekeeping/item-repair:no',
      'cat-housekeeping/item-fumian-only:no',
    ]);
    expect(world.db.log.filter((l) => l.collection === COLLECTIONS.offerings)).toEqual([]);
  });

  test('pages cut across categories in display order; hasMore on all but the last', async () => {
    const world = catalogWorld();
    const pages: string[][] = [];
    const more: boolean[] = [];
    for (let page = 1; page <= 3; page += 1) {
      const reply = await list(world, residentActor(), { page, pageSize: 2 });
      pages.push(flat(reply));
      more.push(reply.hasMore);
    }
    expect(pages).toEqual([
      ['cat-leisure/item-fitness:no', 'cat-leisure/item-film:no'],
      ['cat-housekeeping/item-eldercare:no', 'cat-housekeeping/item-haircut:no'],
      ['cat-housekeeping/item-repair:yes'],
    ]);
    expect(more).toEqual([true, true, false]);
    expect((await list(world, residentActor(), { page: 4, pageSize: 2 })).categories).toEqual([]);
  });

  test('one category', async () => {
    const world = catalogWorld();
    const reply = await list(world, residentActor(), { categoryId: 'cat-leisure' });
    expect(reply.categories.map((c) => c._id)).toEqual(['cat-leisure']);
    expect(reply.categories[0]!.items).toHaveLength(2);
  });

  test('cost: one offering look-up per item on the page, nothing written', async () => {
    const world = catalogWorld();
    const before = world.db.snapshot();
    world.db.log.length = 0;
    await list(world, residentActor(), { pageSize: 3 });
    expect(world.db.countOf('find', COLLECTIONS.offerings)).toBe(3);
    expect(world.db.countOf('find', COLLECTIONS.serviceCategories)).toBe(1);
    expect(world.db.countOf('find', COLLECTIONS.serviceItems)).toBe(2);
    expect(world.db.countOf('count', COLLECTIONS.serviceItems)).toBe(0);
    expect(world.db.snapshot()).toBe(before);
  });

  test.each([
    ['an unknown unit', 'ORG_UNIT_NOT_FOUND', { orgUnitId: 'nowhere' }],
    ['a hidden category', 'CATALOG_CATEGORY_NOT_FOUND', { categoryId: 'cat-hidden' }],
    ['an unknown category', 'CATALOG_CATEGORY_NOT_FOUND', { categoryId: 'cat-none' }],
    ['a page size over 50', 'INVALID_INPUT', { pageSize: 51 }],
    ['page 0', 'INVALID_INPUT', { page: 0 }],
  ])('%s: %s', async (_label, code, command) => {
    const world = catalogWorld();
    expect(await codeOf(list(world, residentActor(), command))).toBe(code);
  });

  test('staff, like everyone, may read it', async () => {
    const world = catalogWorld();
    expect((await list(world, staffActor('p1'))).categories.length).toBe(2);
  });
});

describe('org.children', () => {
  const children = (world: World, command: Record<string, unknown> = {}) =>
    orgChildren({ ports: world.ports, actor: residentActor(), command });

  test('without a parent: the counties; then a level at a time, in sibling order', async () => {
    const world = createWorld();
    // 西门社区 first among 玉城街道's communities (东门 and 西门 otherwise tie at 0 and go by _id).
    const west = world.db.all<OrgUnit>(COLLECTIONS.orgUnits).find((u) => u._id === 'xm')!;
    const moved: OrgUnit = { ...west, sortOrder: -1 };
    world.db.seed(COLLECTIONS.orgUnits, [moved]);
    expect(await children(world)).toEqual({
      units: [
        { _id: 'fm', name: '福绵区', level: 'county' },
        { _id: 'yz', name: '玉州区', level: 'county' },
      ],
    });
    expect((await children(world, { parentId: 'yc' })).units.map((u) => u._id)).toEqual(['xm', 'dm']);
    expect((await children(world, { parentId: 'dm' })).units).toEqual([
      { _id: 'g1', name: '金港小区', level: 'grid' },
      { _id: 'g2', name: '新城小区', level: 'grid' },
    ]);
  });

  test('a grid has no children; an unknown parent is ORG_UNIT_NOT_FOUND', async () => {
    const world = createWorld();
    expect(await children(world, { parentId: 'g1' })).toEqual({ units: [] });
    expect(await codeOf(children(world, { parentId: 'nowhere' }))).toBe('ORG_UNIT_NOT_FOUND');
  });
});
