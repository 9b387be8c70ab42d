/**
 * The catalog (服务目录) through the real admin-api on the local cloud: a community adds an item for its own
 * area (offered there only), hides it and shows it again; the city hides a whole category and matching stops
 * offering its items at once; nobody edits what lies above their unit; bad input is refused. Every refusal
 * writes nothing at all.
 */
import type { CatalogManageReply, CatalogSaveResult } from '../../../core/catalog/catalog-manage.replies';
import { consoleCloud, refusalChecks, type ConsoleBrowser } from '../support/console-cloud';

const cloud = consoleCloud();
const COMMUNITY = '/450900/450902/450902001/450902001001/';
const RESIDENT = 'demo-resident-1'; // lives in a grid of 东门社区
const FAR_RESIDENT = 'demo-resident-2'; // lives in 北流市陵城街道
const APPLIANCE = 'item-appliance-repair'; // 家政服务 / 家电维修, offered by demo providers

beforeEach(() => cloud.nextMinute());

const { rid, expectRefused } = refusalChecks(cloud, 'catalog');

async function matchCode(resident: string, itemId: string): Promise<string> {
  const reply = await cloud.as(resident).orders('match.request', { itemIds: [itemId] });
  return reply.code;
}

describe('a community keeps items for its own area', () => {
  let worker: ConsoleBrowser;
  let itemId = '';
  beforeAll(async () => {
    worker = await cloud.signIn('community.worker');
  });

  test('the list: every category, the city’s items not the community’s to edit', async () => {
    const reply = await worker.get<CatalogManageReply>('/console/api/catalog');
    expect(reply.code).toBe('OK');
    expect(reply.data.canManageCategories).toBe(false);
    expect(reply.data.unit?.orgPath).toBe(COMMUNITY);
    const housekeeping = reply.data.categories.find((c) => c.categoryId === 'cat-housekeeping')!;
    expect(housekeeping.items.find((i) => i.itemId === APPLIANCE)).toMatchObject({
      name: '家电维修',
      active: true,
      editable: false,
    });
  });

  test('adds an item: offered to residents of the community, not elsewhere; audited', async () => {
    const saved = await worker.post<CatalogSaveResult>('/console/api/catalog/items', {
      categoryId: 'cat-housekeeping',
      name: '上门磨刀',
      description: '菜刀、剪刀上门打磨',
      sortOrder: 50,
      clientRequestId: rid('item'),
    });
    expect(saved.code).toBe('OK');
    expect(saved.data).toMatchObject({ created: true, kind: 'item', active: true, orgPath: COMMUNITY });
    itemId = saved.data.id;
    expect(await cloud.get('service_items', itemId)).toMatchObject({
      name: '上门磨刀',
      orgPath: COMMUNITY,
      active: true,
      createdBy: 'demo-community-worker-1',
    });
    const [entry] = await cloud.find<Record<string, unknown>>('audit_entries', {
      command: 'catalog.item.save',
      entityId: itemId,
    });
    expect(entry).toMatchObject({
      accountId: 'community.worker',
      orgPath: COMMUNITY,
      summary: expect.stringContaining('新增服务项目：家政服务 / 上门磨刀'),
    });
    // Nobody offers it yet, but it is the resident's to ask for; another street's resident may not.
    expect(await matchCode(RESIDENT, itemId)).toBe('OK');
    expect(await matchCode(FAR_RESIDENT, itemId)).toBe('CATALOG_ITEM_NOT_OFFERED_HERE');

    const list = await worker.get<CatalogManageReply>('/console/api/catalog');
    const row = list.data.categories.flatMap((c) => c.items).find((i) => i.itemId === itemId);
    expect(row).toMatchObject({ editable: true, areaName: expect.stringContaining('东门社区') });
    // The street's worker sees it too; another street's does not.
    const other = await cloud.signIn('lingcheng.worker');
    const theirs = await other.get<CatalogManageReply>('/console/api/catalog');
    expect(theirs.data.categories.flatMap((c) => c.items).some((i) => i.itemId === itemId)).toBe(false);
  });

  test('hides it: no longer matched; shown again: matched again', async () => {
    const hidden = await worker.post<CatalogSaveResult>('/console/api/catalog/visibility', {
      kind: 'item',
      targetId: itemId,
      active: false,
      clientRequestId: rid('hide'),
    });
    expect(hidden.data).toMatchObject({ active: false, kind: 'item' });
    expect(await matchCode(RESIDENT, itemId)).toBe('CATALOG_ITEM_NOT_FOUND');
    const shown = await worker.post<CatalogSaveResult>('/console/api/catalog/visibility', {
      kind: 'item',
      targetId: itemId,
      active: true,
      clientRequestId: rid('show'),
    });
    expect(shown.data.active).toBe(true);
    expect(await matchCode(RESIDENT, itemId)).toBe('OK');
  });

  test('edits it; its category stays', async () => {
    const edited = await worker.post<CatalogSaveResult>('/console/api/catalog/items', {
      itemId,
      categoryId: 'cat-housekeeping',
      name: '上门磨刀剪',
      description: '',
      clientRequestId: rid('edit'),
    });
    expect(edited.data).toMatchObject({ created: false, name: '上门磨刀剪' });
    expect(await cloud.get('service_items', itemId)).toMatchObject({
      name: '上门磨刀剪',
      orgPath: COMMUNITY,
    });
    await expectRefused(
      worker,
      '/console/api/catalog/items',
      { itemId, categoryId: 'cat-convenience', name: '上门磨刀剪' },
      400,
      'CATALOG_ITEM_CATEGORY_FIXED',
    );
  });

  test('refused: the city’s items, categories, a name residents already see, another street (nothing written)', async () => {
    await expectRefused(
      worker,
      '/console/api/catalog/visibility',
      { kind: 'item', targetId: APPLIANCE, active: false },
      403,
      'CATALOG_ITEM_NOT_FOUND',
    );
    await expectRefused(
      worker,
      '/console/api/catalog/items',
      { itemId: APPLIANCE, categoryId: 'cat-housekeeping', name: '家电维修' },
      403,
      'CATALOG_ITEM_NOT_FOUND',
    );
    await expectRefused(worker, '/console/api/catalog/categories', { name: '社区专属' }, 403, 'OUT_OF_SCOPE');
    await expectRefused(
      worker,
      '/console/api/catalog/visibility',
      { kind: 'category', targetId: 'cat-leisure', active: false },
      403,
      'OUT_OF_SCOPE',
    );
    await expectRefused(
      worker,
      '/console/api/catalog/items',
      { categoryId: 'cat-housekeeping', name: '家电维修' },
      409,
      'CATALOG_NAME_TAKEN',
    );
    await expectRefused(
      worker,
      '/console/api/catalog/items',
      { categoryId: 'cat-housekeeping', name: '上门理发', orgUnitId: '450981001' },
      403,
      'OUT_OF_SCOPE',
    );
  });

  test.each([
    [{ categoryId: 'cat-housekeeping', name: '' }, 'INVALID_INPUT'],
    [{ categoryId: 'cat-housekeeping', name: '一二三四五六七八九十一二三四五六七八九十一' }, 'INVALID_INPUT'],
    [{ categoryId: 'cat-housekeeping', name: '上门理发', sortOrder: -1 }, 'INVALID_INPUT'],
    [{ categoryId: 'cat-nope', name: '上门理发' }, 'CATALOG_CATEGORY_NOT_FOUND'],
  ])('bad input %j: refused with a Chinese message, nothing written', async (body, code) => {
    const before = cloud.wholeMark();
    const reply = await worker.post('/console/api/catalog/items', { clientRequestId: rid('bad'), ...body });
    expect(reply.code).toBe(code);
    expect([400, 403]).toContain(reply.status);
    expect(reply.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(cloud.wholeMark()).toEqual(before);
  });
});

describe('the city keeps the categories', () => {
  test('a city worker hides a category: its items stop matching at once; shown again, they match', async () => {
    expect(await matchCode(RESIDENT, APPLIANCE)).toBe('OK');
    const city = await cloud.signIn('city.worker');
    const list = await city.get<CatalogManageReply>('/console/api/catalog');
    expect(list.data.canManageCategories).toBe(true);

    const hidden = await city.post<CatalogSaveResult>('/console/api/catalog/visibility', {
      kind: 'category',
      targetId: 'cat-housekeeping',
      active: false,
      clientRequestId: rid('hide-cat'),
    });
    expect(hidden.data).toMatchObject({ kind: 'category', active: false });
    cloud.nextMinute();
    expect(await matchCode(RESIDENT, APPLIANCE)).toBe('CATALOG_ITEM_NOT_FOUND');
    const [entry] = await cloud.find<Record<string, unknown>>('audit_entries', {
      command: 'catalog.visibility.set',
      entityId: 'cat-housekeeping',
    });
    expect(entry).toMatchObject({ accountId: 'city.worker', summary: '停用服务类别：家政服务' });

    await city.post('/console/api/catalog/visibility', {
      kind: 'category',
      targetId: 'cat-housekeeping',
      active: true,
      clientRequestId: rid('show-cat'),
    });
    cloud.nextMinute();
    expect(await matchCode(RESIDENT, APPLIANCE)).toBe('OK');
  });

  test('adds and renames a category; a name in use is refused', async () => {
    const city = await cloud.signIn('city.leader');
    const added = await city.post<CatalogSaveResult>('/console/api/catalog/categories', {
      name: '法律服务',
      sortOrder: 20,
      clientRequestId: rid('cat'),
    });
    expect(added.data).toMatchObject({ created: true, kind: 'category', name: '法律服务' });
    const renamed = await city.post<CatalogSaveResult>('/console/api/catalog/categories', {
      categoryId: added.data.id,
      name: '法律咨询',
      sortOrder: 20,
      clientRequestId: rid('cat-rename'),
    });
    expect(renamed.data).toMatchObject({ created: false, name: '法律咨询' });
    expect(await cloud.get('service_categories', added.data.id)).toMatchObject({
      name: '法律咨询',
      active: true,
    });
    await expectRefused(
      city,
      '/console/api/catalog/categories',
      { name: '家政服务' },
      409,
      'CATALOG_NAME_TAKEN',
    );
  });
});
