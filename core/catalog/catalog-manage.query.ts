/**
 * The catalog screen's list (`catalog.manage`, docs/people-and-places.md): every category, hidden ones too,
 * with the items residents of the caller's unit may be offered (the city's and those of the units above) and
 * the items the units within it added for their own areas, hidden ones too, each saying whether the caller
 * may edit it. The catalog is small: one query on categories and two on items, each bounded.
 */
import { checkAccess } from '../auth/authorize';
import { listScope, narrowScope } from '../auth/list-scope';
import type { DatabasePort } from '../kernel/database.port';
import { requireIdentity } from '../kernel/identity';
import { orThrow } from '../kernel/outcome';
import type { UseCaseInput } from '../kernel/use-case';
import type { ServiceCategory, ServiceItem } from '../model/catalog.model';
import { COLLECTIONS } from '../model/collections.model';
import type { OrgUnit } from '../model/org-unit.model';
import { ancestorPaths, isOrgPath, unitIdOfPath } from '../org/org-path';
import { parseCommand } from '../schemas/command.parser';
import { catalogManageQuerySchema } from '../schemas/org.schema';
import type { CatalogManageReply } from './catalog-manage.replies';
import { rootUnitPath } from './catalog-save.usecase';

const MAX_ROWS = 1000;
const ORDER = {
  orderBy: [
    ['sortOrder', 'asc'],
    ['_id', 'asc'],
  ] as const,
  limit: MAX_ROWS,
};

async function fullNames(db: DatabasePort, paths: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(paths.filter(isOrgPath))];
  const units = await Promise.all(unique.map((p) => db.get<OrgUnit>(COLLECTIONS.orgUnits, unitIdOfPath(p))));
  const names = new Map<string, string>();
  unique.forEach((p, i) => names.set(p, units[i]?.fullName ?? ''));
  return names;
}

export async function listCatalogForConsole(input: UseCaseInput): Promise<CatalogManageReply> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const { db } = ports;
  const query = parseCommand(catalogManageQuerySchema, input.command);
  let scope = orThrow(listScope(actor, 'catalog.manage'));
  if (query.orgUnitId !== undefined) {
    const unit = await db.get<OrgUnit>(COLLECTIONS.orgUnits, query.orgUnitId);
    scope = orThrow(narrowScope(scope, unit?.path ?? null, 'catalog.manage'));
  }
  const root = scope.all ? null : scope.paths[0]!;
  const _ = db.command;
  const categories = await db.find<ServiceCategory>(COLLECTIONS.serviceCategories, {}, ORDER);
  const items =
    root === null
      ? await db.find<ServiceItem>(COLLECTIONS.serviceItems, {}, ORDER)
      : [
          ...(await db.find<ServiceItem>(
            COLLECTIONS.serviceItems,
            { orgPath: _.in(ancestorPaths(root)) },
            ORDER,
          )),
          ...(await db.find<ServiceItem>(COLLECTIONS.serviceItems, { orgPath: _.prefix(root) }, ORDER)),
        ];
  const names = await fullNames(db, [...items.map((i) => i.orgPath), ...(root === null ? [] : [root])]);
  const editable = (orgPath: string) => checkAccess(actor, 'catalog.manage', { orgPath }).ok;
  const cityPath = await rootUnitPath(db);
  return {
    unit: root === null ? null : { orgPath: root, fullName: names.get(root) ?? '' },
    canManageCategories: editable(cityPath),
    categories: categories.map((c) => ({
      categoryId: c._id,
      name: c.name,
      sortOrder: c.sortOrder,
      active: c.active,
      items: items
        .filter((i) => i.categoryId === c._id)
        .sort((a, b) => a.sortOrder - b.sortOrder || (a._id < b._id ? -1 : 1))
        .map((i) => ({
          itemId: i._id,
          categoryId: i.categoryId,
          name: i.name,
          description: i.description ?? '',
          sortOrder: i.sortOrder,
          active: i.active,
          orgPath: i.orgPath,
          areaName: names.get(i.orgPath) ?? '',
          fromCaseStudy: i.fromCaseStudy,
          editable: editable(i.orgPath),
        })),
    })),
  };
}
