/**
 * Workers keep the service catalog (服务目录) from the console (`catalog.manage`, docs/people-and-places.md):
 *
 * - `catalog.category.save`: add or rename a category. Categories are the city's (every resident sees the
 *   same 家政服务, 休闲活动, 便民服务...): only workers and leaders of the city (and administrators) keep them.
 * - `catalog.item.save`: add an item for the caller's unit (or a unit within it), or edit one whose area lies
 *   within the caller's unit. An item's `orgPath` is its area: catalog.list lists it and match.request offers it
 *   only there (core/catalog/catalog-list.usecase.ts, core/matching/ticked-items.reader.ts). An item keeps its
 *   area and its category once added (offerings copy the category); hide it and add another instead.
 * - `catalog.visibility.set`: hide (停用) or show again a category or an item. A hidden item (or any item of
 *   a hidden category) is neither listed to residents nor matched; orders that point at it keep it (they
 *   carry copies of its name).
 *
 * Every write runs through the command runner (idempotent, audited with the record's path; a category's is
 * the city's). A record outside the caller's units answers like one that does not exist.
 */
import { authorize, checkAccess } from '../auth/authorize';
import { listScope } from '../auth/list-scope';
import type { Actor } from '../auth/roles';
import { runCommand } from '../kernel/command.runner';
import type { DatabasePort } from '../kernel/database.port';
import { DomainError, domainErrorsOf } from '../kernel/errors';
import { requireIdentity } from '../kernel/identity';
import { orThrow } from '../kernel/outcome';
import type { UseCaseInput } from '../kernel/use-case';
import type { ServiceCategory, ServiceItem } from '../model/catalog.model';
import { COLLECTIONS } from '../model/collections.model';
import type { OrgUnit } from '../model/org-unit.model';
import { ancestorPaths } from '../org/org-path';
import { catalogVisibilitySchema, categorySaveSchema, itemSaveSchema } from '../schemas/catalog.schema';
import { parseCommand } from '../schemas/command.parser';
import type { CatalogSaveResult } from './catalog-manage.replies';

export const CATALOG_MANAGE_ERRORS = {
  CATALOG_CATEGORY_NOT_FOUND: '服务类别不存在或已停用',
  CATALOG_ITEM_NOT_FOUND: '服务项目不存在或不在您的管理范围内',
  CATALOG_NAME_TAKEN: '已有同名的服务类别或项目',
  CATALOG_ITEM_CATEGORY_FIXED: '服务项目添加后不能更换类别，请停用后在新类别下重新添加',
} as const;

const catalogManageError = domainErrorsOf(CATALOG_MANAGE_ERRORS);

/** The catalog is small (a few dozen items); duplicates are looked for among at most this many. */
const MAX_SIBLINGS = 500;

/** The root of the org tree (the city): where categories and the seeded items live. */
export async function rootUnitPath(db: DatabasePort): Promise<string> {
  const root = await db.findOne<OrgUnit>(COLLECTIONS.orgUnits, { parentId: null }, { fields: ['path'] });
  if (root === null) throw new Error('the org tree has no root unit');
  return root.path;
}

/** An existing item outside the caller's units answers as one that does not exist. */
function authorizeItem(actor: Actor, orgPath: string) {
  const access = checkAccess(actor, 'catalog.manage', { orgPath });
  if (!access.ok) throw catalogManageError('CATALOG_ITEM_NOT_FOUND');
  return access.value;
}

function outOfScope(): DomainError {
  return new DomainError('OUT_OF_SCOPE', '该记录不在您的权限范围内，不能“管理服务类别和项目”', {
    action: 'catalog.manage',
  });
}

/** A new item's area: the unit named (within the caller's), or the caller's own unit. */
async function areaOf(db: DatabasePort, actor: Actor, orgUnitId: string | undefined): Promise<string> {
  if (orgUnitId !== undefined) {
    const unit = await db.get<OrgUnit>(COLLECTIONS.orgUnits, orgUnitId);
    if (unit === null) throw outOfScope();
    return unit.path;
  }
  const scope = orThrow(listScope(actor, 'catalog.manage'));
  return scope.all ? rootUnitPath(db) : scope.paths[0]!;
}

export async function saveCategory(input: UseCaseInput): Promise<CatalogSaveResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const command = parseCommand(categorySaveSchema, input.command);
  const { db, ids } = ports;
  const rootPath = await rootUnitPath(db);
  const by = authorize(actor, 'catalog.manage', { orgPath: rootPath });
  const same = await db.find<ServiceCategory>(
    COLLECTIONS.serviceCategories,
    { name: command.name },
    { limit: 2, fields: ['name'] },
  );
  if (same.some((c) => c._id !== command.categoryId)) throw catalogManageError('CATALOG_NAME_TAKEN');
  return runCommand(ports, actor, 'catalog.category.save', command, async ({ tx, now, audit }) => {
    let created = false;
    let categoryId = command.categoryId;
    let active = true;
    let before = '';
    if (categoryId === undefined) {
      created = true;
      categoryId = `cat-${ids
        .next()
        .replace(/[^A-Za-z0-9]/g, '')
        .slice(-10)}`;
      const category: ServiceCategory = {
        _id: categoryId,
        name: command.name,
        description: '',
        sortOrder: command.sortOrder,
        active: true,
        createdAt: now,
        updatedAt: now,
      };
      await tx.insert(COLLECTIONS.serviceCategories, category);
    } else {
      const existing = await tx.get<ServiceCategory>(COLLECTIONS.serviceCategories, categoryId);
      if (existing === null) throw catalogManageError('CATALOG_CATEGORY_NOT_FOUND');
      active = existing.active;
      before = existing.name;
      await tx.update(COLLECTIONS.serviceCategories, categoryId, {
        name: command.name,
        sortOrder: command.sortOrder,
        updatedAt: now,
      });
    }
    audit({
      entityType: 'service_category',
      entityId: categoryId,
      orgPath: rootPath,
      role: by.role,
      summary: created
        ? `新增服务类别：${command.name}`
        : before === command.name
          ? `修改服务类别：${command.name}`
          : `服务类别更名：${before} → ${command.name}`,
    });
    return { created, kind: 'category', id: categoryId, name: command.name, active, orgPath: null };
  });
}

export async function saveItem(input: UseCaseInput): Promise<CatalogSaveResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const command = parseCommand(itemSaveSchema, input.command);
  const { db, ids } = ports;
  orThrow(listScope(actor, 'catalog.manage'));
  const existing =
    command.itemId === undefined ? null : await db.get<ServiceItem>(COLLECTIONS.serviceItems, command.itemId);
  if (command.itemId !== undefined && existing === null) throw catalogManageError('CATALOG_ITEM_NOT_FOUND');
  const orgPath = existing?.orgPath ?? (await areaOf(db, actor, command.orgUnitId));
  const by =
    existing === null ? authorize(actor, 'catalog.manage', { orgPath }) : authorizeItem(actor, orgPath);
  if (existing !== null && existing.categoryId !== command.categoryId) {
    throw catalogManageError('CATALOG_ITEM_CATEGORY_FIXED');
  }
  const category = await db.get<ServiceCategory>(COLLECTIONS.serviceCategories, command.categoryId);
  if (category === null || (existing === null && !category.active)) {
    throw catalogManageError('CATALOG_CATEGORY_NOT_FOUND');
  }
  // The same name where residents of the area would see both: the area itself, above it, or below it.
  const _ = db.command;
  const clash = [
    ...(await db.find<ServiceItem>(
      COLLECTIONS.serviceItems,
      { name: command.name, orgPath: _.in(ancestorPaths(orgPath, { includeSelf: true })) },
      { limit: MAX_SIBLINGS, fields: ['name'] },
    )),
    ...(await db.find<ServiceItem>(
      COLLECTIONS.serviceItems,
      { name: command.name, orgPath: _.prefix(orgPath) },
      { limit: MAX_SIBLINGS, fields: ['name'] },
    )),
  ];
  if (clash.some((i) => i._id !== command.itemId)) throw catalogManageError('CATALOG_NAME_TAKEN');
  const area = await db.get<OrgUnit>(COLLECTIONS.orgUnits, orgPath.slice(1, -1).split('/').pop()!);

  return runCommand(ports, actor, 'catalog.item.save', command, async ({ tx, now, audit }) => {
    let itemId = command.itemId;
    let active = true;
    if (itemId === undefined) {
      itemId = `item-${ids
        .next()
        .replace(/[^A-Za-z0-9]/g, '')
        .slice(-10)}`;
      const item: ServiceItem = {
        _id: itemId,
        name: command.name,
        categoryId: command.categoryId,
        description: command.description,
        sortOrder: command.sortOrder,
        active: true,
        orgPath,
        fromCaseStudy: false,
        createdBy: actor.openid,
        createdAt: now,
        updatedAt: now,
      };
      await tx.insert(COLLECTIONS.serviceItems, item);
    } else {
      const stored = await tx.get<ServiceItem>(COLLECTIONS.serviceItems, itemId);
      if (stored === null) throw catalogManageError('CATALOG_ITEM_NOT_FOUND');
      active = stored.active;
      await tx.update(COLLECTIONS.serviceItems, itemId, {
        name: command.name,
        description: command.description,
        sortOrder: command.sortOrder,
        updatedAt: now,
      });
    }
    audit({
      entityType: 'service_item',
      entityId: itemId,
      orgPath,
      role: by.role,
      summary: `${existing === null ? '新增' : '修改'}服务项目：${category.name} / ${command.name}（适用地区：${area?.fullName ?? orgPath}）`,
    });
    return { created: existing === null, kind: 'item', id: itemId, name: command.name, active, orgPath };
  });
}

export async function setCatalogVisibility(input: UseCaseInput): Promise<CatalogSaveResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const command = parseCommand(catalogVisibilitySchema, input.command);
  const { db } = ports;
  orThrow(listScope(actor, 'catalog.manage'));
  const collection = command.kind === 'category' ? COLLECTIONS.serviceCategories : COLLECTIONS.serviceItems;
  const found = await db.get<ServiceCategory | ServiceItem>(collection, command.targetId);
  if (found === null) {
    throw catalogManageError(
      command.kind === 'category' ? 'CATALOG_CATEGORY_NOT_FOUND' : 'CATALOG_ITEM_NOT_FOUND',
    );
  }
  const orgPath = 'orgPath' in found ? found.orgPath : await rootUnitPath(db);
  const by =
    command.kind === 'item' ? authorizeItem(actor, orgPath) : authorize(actor, 'catalog.manage', { orgPath });
  const itemsOfCategory =
    command.kind === 'category'
      ? await db.find<ServiceItem>(
          COLLECTIONS.serviceItems,
          { categoryId: command.targetId },
          { limit: MAX_SIBLINGS, fields: ['_id'] },
        )
      : [];
  return runCommand(ports, actor, 'catalog.visibility.set', command, async ({ tx, now, audit }) => {
    await tx.get(collection, command.targetId);
    await tx.update(collection, command.targetId, { active: command.active, updatedAt: now });
    // Matching reads no category: a category's state is copied onto its items, in this transaction.
    for (const item of itemsOfCategory) {
      await tx.get(COLLECTIONS.serviceItems, item._id);
      await tx.update(COLLECTIONS.serviceItems, item._id, {
        categoryHidden: !command.active,
        updatedAt: now,
      });
    }
    const what = command.kind === 'category' ? '服务类别' : '服务项目';
    audit({
      entityType: command.kind === 'category' ? 'service_category' : 'service_item',
      entityId: command.targetId,
      orgPath,
      role: by.role,
      summary: `${command.active ? '启用' : '停用'}${what}：${found.name}`,
    });
    return {
      created: false,
      kind: command.kind,
      id: command.targetId,
      name: found.name,
      active: command.active,
      orgPath: command.kind === 'item' ? orgPath : null,
    };
  });
}
