/**
 * order.list: a resident's own orders, or the jobs of the caller's provider (provider staff), newest first,
 * one page at a time, optionally of one status. No phone numbers in lists.
 * Indexes: orders `residentOpenid_1_createdAt_-1`, `providerId_1_createdAt_-1` and, with a status filter,
 * `residentOpenid_1_status_1_createdAt_-1` / `providerId_1_status_1_createdAt_-1`.
 */
import { authorize } from '../auth/authorize';

import { ORDER_STATUS_LABELS } from '../lifecycle/order.lifecycle';
import { COLLECTIONS } from '../model/collections.model';

import type { Order } from '../model/order.model';

import { parseCommand } from '../schemas/command.parser';

import { orderListSchema } from '../schemas/order.schema';

import type { Where } from '../kernel/database.port';

import type { UseCaseInput } from '../kernel/use-case';

import { requireIdentity } from '../kernel/identity';

import { priceView } from '../offerings/price.view';
import type { OrderListResult } from './order.replies';

const LIST_FIELDS = [
  'status',
  'itemName',
  'providerName',
  'residentName',
  'pricing',
  'createdAt',
  'acceptBy',
  'stars',
];

export async function listOrders(input: UseCaseInput): Promise<OrderListResult> {
  const { ports, actor } = input;
  const { db } = ports;
  requireIdentity(actor);
  const query = parseCommand(orderListSchema, input.command);

  let where: Where;
  let staff: OrderListResult['staff'];
  if (query.as === 'resident') {
    authorize(actor, 'order.view', { ownerOpenid: actor.openid }, { roles: ['resident'] });
    where = { residentOpenid: actor.openid };
  } else {
    const grant = actor.grants.find((g) => g.role === 'provider_staff' && g.providerId !== undefined);
    const providerId = grant?.providerId;
    // Without a staff grant this refuses with PERMISSION_DENIED.
    authorize(actor, 'order.view', providerId === undefined ? {} : { providerId }, {
      roles: ['provider_staff'],
    });
    where = { providerId: providerId! };
    staff = { providerId: providerId!, position: grant?.position === 'manager' ? 'manager' : 'member' };
  }
  if (query.status !== undefined) where = { ...where, status: query.status };

  const [orders, total] = await Promise.all([
    db.find<Order>(COLLECTIONS.orders, where, {
      orderBy: [
        ['createdAt', 'desc'],
        ['_id', 'desc'],
      ],
      skip: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
      fields: LIST_FIELDS,
    }),
    db.count(COLLECTIONS.orders, where),
  ]);

  return {
    items: orders.map((o) => ({
      orderId: o._id,
      status: o.status,
      statusLabel: ORDER_STATUS_LABELS[o.status],
      itemName: o.itemName,
      providerName: o.providerName,
      residentName: o.residentName,
      price: priceView(o.pricing),
      createdAt: o.createdAt,
      acceptBy: o.status === 'created' ? (o.acceptBy ?? null) : null,
      stars: o.stars ?? null,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
    hasMore: query.page * query.pageSize < total,
    ...(staff === undefined ? {} : { staff }),
  };
}
