/**
 * The stations' reads (docs/stations.md), for the workers of a unit and those above (`station.view`):
 * `station.list` — the unit's stations a page at a time, filtered by completion and 示范点, with the counts per
 * unit one level down (stations, all ten met, 示范点) and the communities and grids still without one;
 * `station.detail` — one station's 十有 with the evidence photos' temporary URLs, who changed each item and
 * when, a page of its inspections, and what the caller may do there.
 */
import { can } from '../auth/authorize';
import { listScope, narrowScope } from '../auth/list-scope';
import type { FileStore } from '../files/file-store.port';
import { temporaryUrlsOf } from '../files/file-store.port';
import type { Where } from '../kernel/database.port';
import { requireIdentity } from '../kernel/identity';
import { formatShanghaiMinute } from '../kernel/shanghai-time';
import { orThrow } from '../kernel/outcome';
import { DEFAULT_PLATFORM_CONFIG } from '../kernel/platform.config';
import type { UseCaseInput } from '../kernel/use-case';
import { COLLECTIONS } from '../model/collections.model';
import type { OrgUnit } from '../model/org-unit.model';
import type { Station, StationInspection } from '../model/station.model';
import { ORG_LEVELS, type OrgLevel } from '../org/org-levels';
import { levelOfPath, rollUpKey, unitIdOfPath } from '../org/org-path';
import { childLevelOf } from '../org/org-tree';
import { parseCommand } from '../schemas/command.parser';
import {
  STATION_CHECKLIST,
  STATION_CHECKLIST_KEYS,
  STATION_INSPECTION_RESULT_LABELS,
  stationDetailSchema,
  stationListSchema,
} from '../schemas/station.schema';
import {
  CHECKLIST_TOTAL,
  demonstrationBlockers,
  grantFrom,
  itemsOf,
  personNamesOf,
  rowOf,
  stationFor,
  unitNamesOf,
} from './station-access';
import type {
  StationDetailReply,
  StationGroup,
  StationListReply,
  StationUnitOption,
} from './station.replies';

/** Stations read for the counts, a page of this many at a time, at most MAX_COUNTED in all. */
const COUNT_PAGE = 1000;
const MAX_COUNTED = 20_000;
/** Units without a station offered to 新建站点. */
const MAX_UNITS_WITHOUT = 200;

type Counted = Pick<Station, '_id' | 'orgPath' | 'orgUnitId' | 'checklistMet' | 'demonstration'>;

async function allIn(input: UseCaseInput, where: Where): Promise<Counted[]> {
  const out: Counted[] = [];
  for (let skip = 0; skip < MAX_COUNTED; skip += COUNT_PAGE) {
    const page = await input.ports.db.find<Counted>(COLLECTIONS.stations, where, {
      orderBy: [['_id', 'asc']],
      skip,
      limit: COUNT_PAGE,
      fields: ['orgPath', 'orgUnitId', 'checklistMet', 'demonstration'],
    });
    out.push(...page);
    if (page.length < COUNT_PAGE) break;
  }
  return out;
}

/** The level the counts are grouped by: one below the listed unit's (a grid's own: itself). */
function groupLevelOf(root: string | null): OrgLevel {
  if (root === null) return ORG_LEVELS[1]!;
  const level = levelOfPath(root);
  return childLevelOf(level) ?? level;
}

async function unitsByPath(input: UseCaseInput, paths: readonly string[]): Promise<Map<string, OrgUnit>> {
  const unique = [...new Set(paths)];
  const units = await Promise.all(
    unique.map((p) => input.ports.db.get<OrgUnit>(COLLECTIONS.orgUnits, unitIdOfPath(p))),
  );
  const out = new Map<string, OrgUnit>();
  units.forEach((u) => {
    if (u !== null) out.set(u.path, u);
  });
  return out;
}

/** The counts per unit one level below `root` (its own stations under itself), in the tree's order. */
async function groupsOf(
  input: UseCaseInput,
  root: string | null,
  counted: readonly Counted[],
): Promise<StationGroup[]> {
  const level = groupLevelOf(root);
  const byGroup = new Map<string, { stations: number; complete: number; demonstration: number }>();
  for (const s of counted) {
    const key = rollUpKey(s.orgPath, level) ?? s.orgPath;
    const g = byGroup.get(key) ?? { stations: 0, complete: 0, demonstration: 0 };
    g.stations += 1;
    if (s.checklistMet === CHECKLIST_TOTAL) g.complete += 1;
    if (s.demonstration) g.demonstration += 1;
    byGroup.set(key, g);
  }
  const children =
    root === null
      ? []
      : await input.ports.db.find<OrgUnit>(
          COLLECTIONS.orgUnits,
          { parentId: unitIdOfPath(root) },
          { orderBy: [['sortOrder', 'asc']], limit: 1000, fields: ['name', 'path', 'level', 'fullName'] },
        );
  const groupPaths = [...new Set([...children.map((c) => c.path), ...byGroup.keys()])];
  const units = await unitsByPath(input, groupPaths);
  return groupPaths
    .filter((p) => units.has(p))
    .sort((a, b) => (a === root ? -1 : b === root ? 1 : 0))
    .map((p) => ({
      unitId: unitIdOfPath(p),
      name: units.get(p)!.name,
      orgPath: p,
      ...(byGroup.get(p) ?? { stations: 0, complete: 0, demonstration: 0 }),
    }));
}

/** The communities and grids within `root` the caller may keep that have no station yet (for 新建站点). */
async function unitsWithoutStation(
  input: UseCaseInput,
  root: string | null,
  counted: readonly Counted[],
): Promise<StationUnitOption[]> {
  const { actor, ports } = input;
  if (root === null || !listScope(actor, 'station.manage').ok) return [];
  const _ = ports.db.command;
  const taken = new Set(counted.map((s) => s.orgUnitId));
  const candidates = await ports.db.find<OrgUnit>(
    COLLECTIONS.orgUnits,
    { path: _.prefix(root), level: _.in(['community', 'grid']) },
    { orderBy: [['path', 'asc']], limit: 1000, fields: ['fullName', 'level', 'path'] },
  );
  return candidates
    .filter((u) => !taken.has(u._id) && can(actor, 'station.manage', { orgPath: u.path }))
    .slice(0, MAX_UNITS_WITHOUT)
    .map((u) => ({ unitId: u._id, fullName: u.fullName, level: u.level }));
}

export async function listStations(input: UseCaseInput): Promise<StationListReply> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const q = parseCommand(stationListSchema, input.command);
  const scope = orThrow(listScope(actor, 'station.view'));
  let root: string | null = scope.all ? null : scope.paths[0]!;
  if (q.orgUnitId !== undefined) {
    const unit = await ports.db.get<OrgUnit>(COLLECTIONS.orgUnits, q.orgUnitId);
    orThrow(narrowScope(scope, unit?.path ?? null, 'station.view'));
    root = unit!.path;
  }
  const _ = ports.db.command;
  const inScope: Where = root === null ? {} : { orgPath: _.prefix(root) };
  const filtered: Where = {
    ...inScope,
    ...(q.completion === undefined
      ? {}
      : { checklistMet: q.completion === 'complete' ? CHECKLIST_TOTAL : _.lt(CHECKLIST_TOTAL) }),
    ...(q.demonstration === undefined ? {} : { demonstration: q.demonstration === 'yes' }),
  };
  const [docs, total, counted] = await Promise.all([
    ports.db.find<Station>(COLLECTIONS.stations, filtered, {
      orderBy: [
        ['orgPath', 'asc'],
        ['_id', 'asc'],
      ],
      skip: (q.page - 1) * q.pageSize,
      limit: q.pageSize,
    }),
    ports.db.count(COLLECTIONS.stations, filtered),
    allIn(input, inScope),
  ]);

  const [groups, unitsWithout] = await Promise.all([
    groupsOf(input, root, counted),
    unitsWithoutStation(input, root, counted),
  ]);
  const names = await unitNamesOf(
    ports.db,
    docs.map((d) => d.orgPath),
  );
  const rootUnit =
    root === null ? null : await input.ports.db.get<OrgUnit>(COLLECTIONS.orgUnits, unitIdOfPath(root));
  return {
    unit:
      rootUnit === null ? null : { unitId: rootUnit._id, name: rootUnit.fullName, orgPath: rootUnit.path },
    totals: {
      stations: counted.length,
      complete: counted.filter((s) => s.checklistMet === CHECKLIST_TOTAL).length,
      demonstration: counted.filter((s) => s.demonstration).length,
    },
    groups,
    rows: docs.map((d) => rowOf(d, names.get(d.orgPath))),
    total,
    page: q.page,
    pageSize: q.pageSize,
    unitsWithout,
    canCreate: listScope(actor, 'station.manage').ok,
  };
}

export interface StationDetailInput extends UseCaseInput {
  readonly files: FileStore;
}

export async function stationDetail(input: StationDetailInput): Promise<StationDetailReply> {
  const { ports, actor, files } = input;
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  requireIdentity(actor);
  const q = parseCommand(stationDetailSchema, input.command);
  const station = await stationFor(ports.db, actor, 'station.view', q.stationId);
  const items = itemsOf(station);
  const where = { stationId: station._id };
  const [inspections, total] = await Promise.all([
    ports.db.find<StationInspection>(COLLECTIONS.stationInspections, where, {
      orderBy: [
        ['date', 'desc'],
        ['createdAt', 'desc'],
      ],
      skip: (q.page - 1) * q.pageSize,
      limit: q.pageSize,
    }),
    ports.db.count(COLLECTIONS.stationInspections, where),
  ]);
  const allPhotos = STATION_CHECKLIST_KEYS.flatMap((k) => items[k].photos);
  const [urls, people, unitNames] = await Promise.all([
    temporaryUrlsOf(files, allPhotos, config.console.fileUrlSeconds),
    personNamesOf(ports.db, [
      ...STATION_CHECKLIST_KEYS.map((k) => items[k].updatedBy),
      ...inspections.map((i) => i.inspectorOpenid),
    ]),
    unitNamesOf(ports.db, [station.orgPath, ...inspections.map((i) => i.inspectorOrgPath)]),
  ]);
  const target = { orgPath: station.orgPath };
  return {
    station: {
      ...rowOf(station, unitNames.get(station.orgPath)),
      note: station.note,
      demonstrationReason: station.demonstrationReason ?? '',
      demonstrationAt: station.demonstrationAt ?? null,
    },
    items: STATION_CHECKLIST_KEYS.map((key) => {
      const item = items[key];
      return {
        key,
        label: STATION_CHECKLIST[key],
        met: item.met,
        photos: item.photos.map((fileId) => ({ fileId, url: urls.get(fileId) ?? null })),
        note: item.note,
        updatedByName: item.updatedBy === null ? null : (people.get(item.updatedBy) ?? item.updatedBy),
        updatedAt: item.updatedAt,
      };
    }),
    inspections: {
      rows: inspections.map((i) => ({
        inspectionId: i._id,
        date: i.date,
        result: i.result,
        resultLabel: STATION_INSPECTION_RESULT_LABELS[i.result],
        findings: i.findings.map((f) => ({ ...f, label: STATION_CHECKLIST[f.key] })),
        note: i.note,
        inspectorName: people.get(i.inspectorOpenid) ?? '',
        inspectorUnitName: unitNames.get(i.inspectorOrgPath) ?? '',
        createdAt: i.createdAt,
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    },
    actions: {
      manage: can(actor, 'station.manage', target),
      inspect: grantFrom(actor, 'station.inspect', station.orgPath, 'street') !== null,
      demonstrate: grantFrom(actor, 'station.demonstrate', station.orgPath, 'county') !== null,
    },
    demonstrationBlockers: station.demonstration ? [] : demonstrationBlockers(station).map((b) => b.message),
    today: formatShanghaiMinute(ports.clock.now()).slice(0, 10),
  };
}
