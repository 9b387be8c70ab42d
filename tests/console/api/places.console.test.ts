/**
 * The org tree (组织架构) through the real admin-api on the local cloud: a community worker adds a grid and
 * renames it; a street worker moves a grid to another community of the street and its people and roles go
 * with it; nobody changes their own unit or one above it, nor one outside their unit; bad input is refused.
 * Every refusal writes nothing at all.
 */
import type {
  OrgMoveResult,
  OrgUnitSaveResult,
  PlacesReply,
  RoleGrantResult,
} from '../../../core/console/people.replies';
import { consoleCloud, refusalChecks, type ConsoleBrowser } from '../support/console-cloud';
import { writeUser } from '../../functions/support/role-actors';

const cloud = consoleCloud();
const STREET_ID = '450902001';
const COMMUNITY_ID = '450902001001';
const COMMUNITY = '/450900/450902/450902001/450902001001/';
const GRID_ID = '450902001001001';

beforeEach(() => cloud.nextMinute());

const { rid, expectRefused } = refusalChecks(cloud, 'places');

describe('a community worker keeps the community’s grids', () => {
  let worker: ConsoleBrowser;
  let newGrid = '';
  beforeAll(async () => {
    worker = await cloud.signIn('community.worker');
  });

  test('the tree: their community on top (not theirs to rename), its grids below', async () => {
    const top = await worker.get<PlacesReply>('/console/api/places');
    expect(top.code).toBe('OK');
    expect(top.data.parent).toBeNull();
    expect(top.data.units).toEqual([
      expect.objectContaining({ unitId: COMMUNITY_ID, renamable: false, movable: false, canAddChild: true }),
    ]);
    const grids = await worker.get<PlacesReply>(`/console/api/places?parentId=${COMMUNITY_ID}`);
    expect(grids.data.parent?.unitId).toBe(COMMUNITY_ID);
    expect(grids.data.units.map((u) => u.unitId)).toContain(GRID_ID);
    // Theirs to rename; not to move (they have no other community to move a grid to).
    for (const u of grids.data.units)
      expect(u).toMatchObject({ level: 'grid', renamable: true, movable: false });
  });

  test('adds a grid, audited; it is listed and can be renamed', async () => {
    const added = await worker.post<OrgUnitSaveResult>('/console/api/places', {
      parentId: COMMUNITY_ID,
      name: '金港花园二期',
      kind: 'estate',
      clientRequestId: rid('add'),
    });
    expect(added.code).toBe('OK');
    expect(added.data).toMatchObject({ created: true, unit: { level: 'grid', name: '金港花园二期' } });
    newGrid = added.data.unit.unitId;
    expect(added.data.unit.orgPath).toBe(`${COMMUNITY}${newGrid}/`);
    expect(await cloud.get('org_units', newGrid)).toMatchObject({
      parentId: COMMUNITY_ID,
      level: 'grid',
      kind: 'estate',
      fullName: expect.stringMatching(/东门社区金港花园二期$/),
    });
    const [entry] = await cloud.find<Record<string, unknown>>('audit_entries', {
      command: 'org.unit.save',
      entityId: newGrid,
    });
    expect(entry).toMatchObject({ accountId: 'community.worker', summary: expect.stringContaining('新增') });

    const renamed = await worker.post<OrgUnitSaveResult>('/console/api/places', {
      unitId: newGrid,
      name: '金港花园南区',
      clientRequestId: rid('rename'),
    });
    expect(renamed.data).toMatchObject({ created: false, unit: { name: '金港花园南区' } });
    const grids = await worker.get<PlacesReply>(`/console/api/places?parentId=${COMMUNITY_ID}`);
    expect(grids.data.units.find((u) => u.unitId === newGrid)?.fullName).toMatch(/金港花园南区$/);
  });

  test('refused: their own community, the street, another street, a name in use (nothing written)', async () => {
    await expectRefused(
      worker,
      '/console/api/places',
      { unitId: COMMUNITY_ID, name: '东门新社区' },
      403,
      'OUT_OF_SCOPE',
    );
    await expectRefused(
      worker,
      '/console/api/places',
      { parentId: STREET_ID, name: '新社区' },
      403,
      'OUT_OF_SCOPE',
    );
    await expectRefused(
      worker,
      '/console/api/places',
      { parentId: '450981001001', name: '新小区' },
      403,
      'OUT_OF_SCOPE',
    );
    await expectRefused(
      worker,
      '/console/api/places',
      { parentId: COMMUNITY_ID, name: '金港花园南区' },
      409,
      'ORG_UNIT_NAME_TAKEN',
    );
    await expectRefused(
      worker,
      '/console/api/places',
      { parentId: COMMUNITY_ID, name: '新小区', kind: 'urban' },
      400,
      'ORG_KIND_NOT_ALLOWED',
    );
    await expectRefused(worker, '/console/api/places', { name: '无上级' }, 400, 'INVALID_INPUT');
    await expectRefused(
      worker,
      '/console/api/places',
      { parentId: COMMUNITY_ID, name: '' },
      400,
      'INVALID_INPUT',
    );
    // A community worker has no other community to move a grid to.
    const other = (await cloud.find<{ _id: string }>('org_units', { parentId: STREET_ID }, 10)).find(
      (u) => u._id !== COMMUNITY_ID,
    )!;
    await expectRefused(
      worker,
      `/console/api/places/${newGrid}/move`,
      { toParentId: other._id },
      403,
      'OUT_OF_SCOPE',
    );
  });

  test('a street worker moves the grid to another community: its residents and roles go with it', async () => {
    const street = await cloud.signIn('street.worker');
    const list = await street.get<PlacesReply>(`/console/api/places?parentId=${STREET_ID}`);
    const target = list.data.units.find((u) => u.level === 'community' && u.unitId !== COMMUNITY_ID)!;
    const streetView = await street.get<PlacesReply>(`/console/api/places?parentId=${COMMUNITY_ID}`);
    expect(streetView.data.units.find((u) => u.unitId === newGrid)).toMatchObject({
      movable: true,
      renamable: true,
    });
    const fromPath = `${COMMUNITY}${newGrid}/`;
    const toPath = `${target.orgPath}${newGrid}/`;
    // A resident living in the new grid, and a grid worker of it (granted from the console).
    const resident = await writeUser(
      cloud,
      'places-resident-1',
      [{ role: 'resident', orgPath: fromPath }],
      fromPath,
    );
    const granted = await street.post<RoleGrantResult>('/console/api/people/roles', {
      op: 'grant',
      targetOpenid: resident.openid,
      role: 'worker',
      orgUnitId: newGrid,
      clientRequestId: rid('grant'),
    });
    expect(granted.code).toBe('OK');

    await expectRefused(
      street,
      `/console/api/places/${newGrid}/move`,
      { toParentId: COMMUNITY_ID },
      400,
      'ORG_MOVE_SAME_PARENT',
    );
    await expectRefused(
      street,
      `/console/api/places/${COMMUNITY_ID}/move`,
      { toParentId: target.unitId },
      400,
      'ORG_MOVE_GRID_ONLY',
    );
    await expectRefused(
      street,
      `/console/api/places/${newGrid}/move`,
      { toParentId: GRID_ID },
      400,
      'ORG_MOVE_TARGET_NOT_COMMUNITY',
    );

    const moved = await street.post<OrgMoveResult>(`/console/api/places/${newGrid}/move`, {
      toParentId: target.unitId,
      clientRequestId: rid('move'),
    });
    expect(moved.code).toBe('OK');
    expect(moved.data).toMatchObject({ fromPath, toPath, complete: true });
    expect(moved.data.moved).toMatchObject({ 'users.homeOrgPath': 1, 'users.grants': 1 });
    expect(await cloud.get('org_units', newGrid)).toMatchObject({
      parentId: target.unitId,
      path: toPath,
      pendingMove: null,
    });
    const user = await cloud.get<{ homeOrgPath: string; grants: { role: string; orgPath: string }[] }>(
      'users',
      resident.openid,
    );
    expect(user?.homeOrgPath).toBe(toPath);
    expect(user?.grants).toEqual(
      expect.arrayContaining([
        { role: 'resident', orgPath: toPath },
        { role: 'worker', orgPath: toPath },
      ]),
    );
    const [entry] = await cloud.find<Record<string, unknown>>('audit_entries', {
      command: 'org.unit.move',
      entityId: newGrid,
    });
    expect(entry).toMatchObject({ accountId: 'street.worker', orgPath: toPath });
    // It is no longer the first community's.
    const grids = await worker.get<PlacesReply>(`/console/api/places?parentId=${COMMUNITY_ID}`);
    expect(grids.data.units.some((u) => u.unitId === newGrid)).toBe(false);
  });
});
