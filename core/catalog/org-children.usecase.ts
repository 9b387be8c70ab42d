/**
 * org.children: the units directly under `parentId`, in sibling order (`sortOrder`, then `_id`), for picking
 * a grid or community from the tree; without `parentId`, the city's children (the counties). Public, like
 * the catalog (`catalog.read`). An unknown parent is ORG_UNIT_NOT_FOUND; a grid has no children (empty list).
 *
 * Reads: one query on `org_units` (index `parentId_1`; the counties by `level_1_name_1`), the siblings
 * sorted by the database after the index has found them (a few dozen at most: in the Yulin tree a county
 * has up to 26 streets and towns, a street up to 12 communities); only when it finds nothing, one point
 * read to tell a leaf from an unknown parent. No writes. The list is not paged: siblings are few, and the
 * query reads at most MAX_QUERY_LIMIT.
 */
import { authorize } from '../auth/authorize';
import { COLLECTIONS } from '../model/collections.model';
import type { OrgUnit } from '../model/org-unit.model';
import type { UseCaseInput } from '../kernel/use-case';
import { orgChildrenSchema } from '../schemas/catalog.schema';
import { parseCommand } from '../schemas/command.parser';
import { MAX_QUERY_LIMIT, type Where } from '../kernel/database.port';
import { loadOrgUnit } from '../org/org-unit.reader';
import type { OrgChildrenReply } from './catalog.replies';

type UnitRow = Pick<OrgUnit, '_id' | 'name' | 'level'>;

export async function orgChildren(input: UseCaseInput): Promise<OrgChildrenReply> {
  const { ports, actor } = input;
  const { db } = ports;
  const query = parseCommand(orgChildrenSchema, input.command);
  authorize(actor, 'catalog.read', {});

  // One tree with one city: its children are exactly the counties.
  const where: Where = query.parentId === undefined ? { level: 'county' } : { parentId: query.parentId };
  const units = await db.find<UnitRow>(COLLECTIONS.orgUnits, where, {
    orderBy: [
      ['sortOrder', 'asc'],
      ['_id', 'asc'],
    ],
    limit: MAX_QUERY_LIMIT,
    fields: ['name', 'level'],
  });
  if (units.length === 0 && query.parentId !== undefined) await loadOrgUnit(db, query.parentId);
  return { units: units.map((u) => ({ _id: u._id, name: u.name, level: u.level })) };
}
