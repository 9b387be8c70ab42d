/**
 * What the stations' use cases share: finding a station the caller may act on (one answer for outside and
 * none), the grant that acts at a level high enough (inspections: a street or above; 示范点: a county or the
 * city), the items of a station (records from before evidence was kept read as their booleans), the 示范点
 * rule, names of units and people for the replies, and a station as a list row.
 */
import { checkAccess } from '../auth/authorize';
import type { Action } from '../auth/actions';
import { listScope } from '../auth/list-scope';
import type { Actor, RoleGrant } from '../auth/roles';
import type { PointReader } from '../org/org-unit.reader';
import { orThrow } from '../kernel/outcome';
import { COLLECTIONS } from '../model/collections.model';
import type { OrgUnit } from '../model/org-unit.model';
import type { Station, StationChecklistItem } from '../model/station.model';
import type { User } from '../model/user.model';
import { depthOfLevel, isOrgPath, pathDepth, unitIdOfPath } from '../org/org-path';
import type { OrgLevel } from '../org/org-levels';
import {
  STATION_CHECKLIST,
  STATION_CHECKLIST_KEYS,
  STATION_INSPECTION_RESULT_LABELS,
  type StationChecklistKey,
} from '../schemas/station.schema';
import { stationError } from './station.errors';
import type { StationRow } from './station.replies';

export const CHECKLIST_TOTAL = STATION_CHECKLIST_KEYS.length;

/** The station's `_id`: one per community or grid. */
export const stationIdOf = (unitId: string) => `st-${unitId}`;

/**
 * The station, when the caller may do `action` on it: PERMISSION_DENIED without the action anywhere, else
 * STATION_NOT_FOUND for one outside the caller's units as for one that does not exist.
 */
export async function stationFor(
  db: PointReader,
  actor: Actor,
  action: Action,
  stationId: string,
): Promise<Station> {
  orThrow(listScope(actor, action));
  const station = await db.get<Station>(COLLECTIONS.stations, stationId);
  if (station === null || !checkAccess(actor, action, { orgPath: station.orgPath }).ok) {
    throw stationError('STATION_NOT_FOUND');
  }
  return station;
}

/** The caller's grant allowing `action` on `orgPath` from a unit at `level` or above; null when none does. */
export function grantFrom(actor: Actor, action: Action, orgPath: string, level: OrgLevel): RoleGrant | null {
  const deepest = depthOfLevel(level);
  return (
    actor.grants.find(
      (g) =>
        isOrgPath(g.orgPath) &&
        pathDepth(g.orgPath) <= deepest &&
        checkAccess({ openid: actor.openid, grants: [g] }, action, { orgPath }).ok,
    ) ?? null
  );
}

const UNTOUCHED: Omit<StationChecklistItem, 'met'> = {
  photos: [],
  note: '',
  updatedBy: null,
  updatedAt: null,
};

/** Every item of the station (a record without `items` reads each as its `checklist` boolean, no photos). */
export function itemsOf(station: Station): Record<StationChecklistKey, StationChecklistItem> {
  return Object.fromEntries(
    STATION_CHECKLIST_KEYS.map((key) => [
      key,
      station.items?.[key] ?? { ...UNTOUCHED, met: station.checklist[key] === true },
    ]),
  ) as Record<StationChecklistKey, StationChecklistItem>;
}

/** Why the station cannot be named a 示范点 now, as the codes and messages the command refuses with. */
export function demonstrationBlockers(station: Station): { code: string; message: string }[] {
  const out: { code: string; message: string }[] = [];
  if (station.checklistMet < CHECKLIST_TOTAL) {
    const missing = STATION_CHECKLIST_KEYS.filter((k) => !itemsOf(station)[k].met).map(
      (k) => STATION_CHECKLIST[k],
    );
    out.push({
      code: 'STATION_NOT_COMPLETE',
      message: `“十有”尚未全部达标（${station.checklistMet}/${CHECKLIST_TOTAL}，未达标：${missing.join('、')}），不能命名为示范点`,
    });
  }
  const last = station.lastInspection ?? null;
  if (last === null) {
    out.push({ code: 'STATION_NOT_INSPECTED', message: '该站点还没有检查记录，检查合格后才能命名为示范点' });
  } else if (last.result !== 'pass') {
    out.push({
      code: 'STATION_INSPECTION_NOT_PASSED',
      message: `该站点最近一次检查（${last.date}）结果为“${STATION_INSPECTION_RESULT_LABELS[last.result]}”，整改并复查合格后才能命名为示范点`,
    });
  }
  return out;
}

/** Full names of the units at these paths (each read once); unknown ones are left out. */
export async function unitNamesOf(db: PointReader, paths: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(paths.filter(isOrgPath))];
  const units = await Promise.all(unique.map((p) => db.get<OrgUnit>(COLLECTIONS.orgUnits, unitIdOfPath(p))));
  const names = new Map<string, string>();
  unique.forEach((p, i) => {
    const unit = units[i];
    if (unit !== null && unit !== undefined && unit.path === p) names.set(p, unit.fullName);
  });
  return names;
}

/** What people are called (real name, else their 称呼), by openid; unknown ones are left out. */
export async function personNamesOf(
  db: PointReader,
  openids: readonly (string | null)[],
): Promise<Map<string, string>> {
  const unique = [...new Set(openids.filter((o): o is string => o !== null && o.length > 0))];
  const users = await Promise.all(unique.map((o) => db.get<User>(COLLECTIONS.users, o)));
  const names = new Map<string, string>();
  unique.forEach((o, i) => {
    const user = users[i];
    if (user !== null && user !== undefined) names.set(o, user.realName ?? user.nickname ?? o);
  });
  return names;
}

export function rowOf(station: Station, unitName: string | undefined): StationRow {
  const last = station.lastInspection ?? null;
  const warning = !station.demonstration
    ? null
    : station.checklistMet < CHECKLIST_TOTAL
      ? `示范点“十有”未全部达标（${station.checklistMet}/${CHECKLIST_TOTAL}）`
      : last !== null && last.result !== 'pass'
        ? `示范点最近一次检查结果为“${STATION_INSPECTION_RESULT_LABELS[last.result]}”`
        : null;
  return {
    stationId: station._id,
    name: station.name,
    orgUnitId: station.orgUnitId,
    unitName: unitName ?? '',
    orgPath: station.orgPath,
    address: station.address,
    phone: station.phone,
    openingHours: station.openingHours ?? '',
    managerName: station.managerName ?? '',
    checklistMet: station.checklistMet,
    checklistTotal: CHECKLIST_TOTAL,
    complete: station.checklistMet === CHECKLIST_TOTAL,
    demonstration: station.demonstration,
    demonstrationWarning: warning,
    lastInspection:
      last === null
        ? null
        : {
            inspectionId: last.inspectionId,
            date: last.date,
            result: last.result,
            resultLabel: STATION_INSPECTION_RESULT_LABELS[last.result],
          },
    updatedAt: station.updatedAt,
  };
}
