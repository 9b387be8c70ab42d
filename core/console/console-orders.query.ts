/**
 * 订单 (`GET /console/api/orders`): the orders of the worker's unit and the units below it, newest first, a
 * page at a time, filtered by status, item, provider and the days they were placed. Scope is the matrix's
 * `order.view` list scope (a prefix of `orgPath`, served by `orgPath_1_createdAt_-1`); no phone numbers in
 * lists (an order's detail is `order.detail`, the mini-program's own use case, with its masking).
 */
import type { Where } from '../kernel/database.port';
import { requireIdentity } from '../kernel/identity';
import type { UseCaseInput } from '../kernel/use-case';
import { ORDER_STATUS_LABELS } from '../lifecycle/order.status';
import { COLLECTIONS } from '../model/collections.model';
import type { Order } from '../model/order.model';
import { rollUpKey } from '../org/org-path';
import { parseCommand } from '../schemas/command.parser';
import { consoleOrderListSchema } from '../schemas/console.schema';
import { itemOptionsOf, serviceItems } from './console-catalog';
import { pageWindow, scopeRootFor, withinDays, withinRoot } from './console-scope';
import { unitNames } from './console-units';
import type { ConsoleOrderListReply, ConsoleOrderRow } from './console.replies';
import type { PointReader } from '../org/org-unit.reader';

export const ORDER_ROW_FIELDS = [
  'status',
  'itemId',
  'itemName',
  'providerId',
  'providerName',
  'residentName',
  'orgPath',
  'createdAt',
  'acceptBy',
  'followUpDueAt',
  'stars',
];

/** The community a record's path lies in (its own path above that level). */
export function communityOf(orgPath: string): string {
  return rollUpKey(orgPath, 'community') ?? orgPath;
}

/** Rows for one page of orders, each named after its community. */
export async function orderRows(db: PointReader, orders: readonly Order[]): Promise<ConsoleOrderRow[]> {
  const names = await unitNames(
    db,
    orders.map((o) => communityOf(o.orgPath)),
  );
  return orders.map((o) => ({
    orderId: o._id,
    status: o.status,
    statusLabel: ORDER_STATUS_LABELS[o.status],
    itemId: o.itemId,
    itemName: o.itemName,
    providerId: o.providerId,
    providerName: o.providerName,
    residentName: o.residentName,
    unitName: names.get(communityOf(o.orgPath)) ?? '',
    orgPath: o.orgPath,
    createdAt: o.createdAt,
    acceptBy: o.status === 'created' ? (o.acceptBy ?? null) : null,
    followUpDueAt: o.followUpDueAt ?? null,
    stars: o.stars ?? null,
  }));
}

export async function listConsoleOrders(input: UseCaseInput): Promise<ConsoleOrderListReply> {
  const { actor } = input;
  const { db } = input.ports;
  requireIdentity(actor);
  const q = parseCommand(consoleOrderListSchema, input.command);
  const root = await scopeRootFor(db, actor, 'order.view', q.orgUnitId);
  const where: Where = {
    ...withinRoot(db, root),
    ...(q.status === undefined ? {} : { status: q.status }),
    ...(q.itemId === undefined ? {} : { itemId: q.itemId }),
    ...(q.providerId === undefined ? {} : { providerId: q.providerId }),
    ...withinDays(db, 'createdAt', q.from, q.to),
  };
  const [orders, total, items] = await Promise.all([
    db.find<Order>(COLLECTIONS.orders, where, {
      orderBy: [
        ['createdAt', 'desc'],
        ['_id', 'desc'],
      ],
      ...pageWindow(q),
      fields: ORDER_ROW_FIELDS,
    }),
    db.count(COLLECTIONS.orders, where),
    serviceItems(db),
  ]);
  return {
    items: await orderRows(db, orders),
    total,
    page: q.page,
    pageSize: q.pageSize,
    hasMore: q.page * q.pageSize < total,
    itemOptions: itemOptionsOf(items),
  };
}
