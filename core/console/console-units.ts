/**
 * Org units as the console names them, read by id (the last segment of a path is the unit's `_id`), a page
 * at a time.
 */
import type { PointReader } from '../org/org-unit.reader';
import { COLLECTIONS } from '../model/collections.model';
import type { OrgUnit } from '../model/org-unit.model';
import { isOrgPath, unitIdOfPath } from '../org/org-path';
import type { UnitRef } from './console.replies';

export function unitRefOf(unit: OrgUnit): UnitRef {
  return {
    unitId: unit._id,
    name: unit.name,
    fullName: unit.fullName,
    level: unit.level,
    orgPath: unit.path,
  };
}

/** The unit at `path`, or null (a malformed path, or no such unit). */
export async function unitAt(db: PointReader, path: string | null | undefined): Promise<UnitRef | null> {
  if (!isOrgPath(path)) return null;
  const unit = await db.get<OrgUnit>(COLLECTIONS.orgUnits, unitIdOfPath(path));
  return unit !== null && unit.path === path ? unitRefOf(unit) : null;
}

/** The unit with this id, or null. */
export async function unitById(db: PointReader, unitId: string): Promise<UnitRef | null> {
  const unit = await db.get<OrgUnit>(COLLECTIONS.orgUnits, unitId);
  return unit === null ? null : unitRefOf(unit);
}

/** Names for the paths of one page of records (each read once), by path; unknown paths are left out. */
export async function unitNames(db: PointReader, paths: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(paths.filter(isOrgPath))];
  const refs = await Promise.all(unique.map((p) => unitAt(db, p)));
  const names = new Map<string, string>();
  unique.forEach((p, i) => {
    const ref = refs[i];
    if (ref) names.set(p, ref.name);
  });
  return names;
}
