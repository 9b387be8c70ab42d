/**
 * 服务机构 (`GET /console/api/providers`): the providers managed in the worker's unit and below (their
 * `orgPath`, the unit they applied to), best reputation first, with what the workers watch: reputation, star
 * level, rating count, open orders (待接单 + 已接单) and follow-up punctuality (on time / fell due). Scope:
 * `provider.records.view`. Filters: status, item offered, unit.
 */
import type { Where } from '../kernel/database.port';
import { requireIdentity } from '../kernel/identity';
import type { UseCaseInput } from '../kernel/use-case';
import { PROVIDER_STATUS_LABELS } from '../lifecycle/provider.lifecycle';
import { COLLECTIONS } from '../model/collections.model';
import type { Provider } from '../model/provider.model';
import type { DatabasePort } from '../kernel/database.port';
import { parseCommand } from '../schemas/command.parser';
import { consoleProviderListSchema } from '../schemas/console.schema';
import { itemOptionsOf, serviceItems } from './console-catalog';
import { communityOf } from './console-orders.query';
import { pageWindow, scopeRootFor, withinRoot } from './console-scope';
import { unitNames } from './console-units';
import type { ConsoleProviderListReply, ConsoleProviderRow } from './console.replies';

/** Statuses of an order the provider still has to answer or serve. */
export const OPEN_ORDER_STATUSES = ['created', 'accepted'] as const;

export function openOrdersOf(db: DatabasePort, providerId: string): Promise<number> {
  return db.count(COLLECTIONS.orders, { providerId, status: db.command.in([...OPEN_ORDER_STATUSES]) });
}

export function providerRow(p: Provider, unitName: string, openOrders: number): ConsoleProviderRow {
  const due = p.followUpsDue ?? 0;
  return {
    providerId: p._id,
    name: p.name,
    status: p.status,
    statusLabel: PROVIDER_STATUS_LABELS[p.status],
    unitName,
    reputation: p.reputation,
    starLevel: p.starLevel,
    redStar: p.redStar,
    ratingCount: p.ratingCount ?? 0,
    openOrders,
    followUpPunctuality: due === 0 ? null : (p.followUpsOnTime ?? 0) / due,
    followUpsDue: due,
    itemCount: p.itemIds?.length ?? 0,
  };
}

export async function listConsoleProviders(input: UseCaseInput): Promise<ConsoleProviderListReply> {
  const { actor } = input;
  const { db } = input.ports;
  requireIdentity(actor);
  const q = parseCommand(consoleProviderListSchema, input.command);
  const root = await scopeRootFor(db, actor, 'provider.records.view', q.orgUnitId);
  const where: Where = {
    ...withinRoot(db, root),
    ...(q.status === undefined ? {} : { status: q.status }),
    ...(q.itemId === undefined ? {} : { itemIds: q.itemId }),
  };
  const [providers, total, items] = await Promise.all([
    db.find<Provider>(COLLECTIONS.providers, where, {
      orderBy: [
        ['reputation', 'desc'],
        ['_id', 'asc'],
      ],
      ...pageWindow(q),
    }),
    db.count(COLLECTIONS.providers, where),
    serviceItems(db),
  ]);
  const [names, open] = await Promise.all([
    unitNames(
      db,
      providers.map((p) => communityOf(p.orgPath)),
    ),
    Promise.all(providers.map((p) => openOrdersOf(db, p._id))),
  ]);
  return {
    items: providers.map((p, i) => providerRow(p, names.get(communityOf(p.orgPath)) ?? '', open[i]!)),
    total,
    page: q.page,
    pageSize: q.pageSize,
    hasMore: q.page * q.pageSize < total,
    itemOptions: itemOptionsOf(items),
  };
}
