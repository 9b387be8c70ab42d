/** Reading one org unit by id for the use cases that are handed a unit id (`catalog.list`, `profile.bind`). */
import { COLLECTIONS } from '../model/collections.model';
import type { OrgUnit } from '../model/org-unit.model';
import type { TransactionPort } from '../kernel/database.port';
import { orgError } from './org.errors';

/** A point read by `_id`: the database port, or a transaction. */
export type PointReader = Pick<TransactionPort, 'get'>;

/** The unit with this id, or DomainError ORG_UNIT_NOT_FOUND. */
export async function loadOrgUnit(db: PointReader, unitId: string): Promise<OrgUnit> {
  const unit = await db.get<OrgUnit>(COLLECTIONS.orgUnits, unitId);
  if (unit === null) throw orgError('ORG_UNIT_NOT_FOUND', { orgUnitId: unitId });
  return unit;
}
