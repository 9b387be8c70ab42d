/**
 * The console's reads for acting for residents (docs/acting-for-residents.md): the 代下单 form's choices, the
 * orders the worker placed, the unit's urgent requests not yet handled (with the clock), and the duty roster.
 * Each is scoped by the matrix's list scope; nothing here writes.
 */
import { listScope } from '../auth/list-scope';
import { orThrow } from '../kernel/outcome';
import type { DatabasePort, Where } from '../kernel/database.port';
import { requireIdentity } from '../kernel/identity';
import { DEFAULT_PLATFORM_CONFIG } from '../kernel/platform.config';
import type { UseCaseInput } from '../kernel/use-case';
import { ORDER_STATUS_LABELS } from '../lifecycle/order.status';
import type { ServiceItem } from '../model/catalog.model';
import { COLLECTIONS } from '../model/collections.model';
import {
  CONSENT_METHOD_LABELS,
  CONSENT_METHODS,
  URGENT_STATE_LABELS,
  type Order,
} from '../model/order.model';
import type { OrgUnit } from '../model/org-unit.model';
import type { User } from '../model/user.model';
import { rollUpKey } from '../org/org-path';
import { consolePaging } from '../schemas/console.schema';
import { oneOf, query } from '../schemas/fields.schema';
import { parseCommand } from '../schemas/command.parser';
import { residentNameOf } from './acting-for-residents.usecase';
import type {
  DutyRosterReply,
  PlacedOrdersReply,
  ResidentsFormReply,
  UrgentQueueReply,
} from './acting-for-residents.replies';
import { minutesSince } from './urgent-request';

/** The console's query strings (page numbers arrive as text). */
const pagingSchema = query({ ...consolePaging });

const within = (db: DatabasePort, root: string | null): Where =>
  root === null ? {} : { orgPath: db.command.prefix(root) };

/** The first place of a list scope (null: the whole platform), as the console's lists do. */
function rootOf(
  actor: UseCaseInput['actor'],
  action: 'order.place_for_resident' | 'order.urgent.handle',
): string | null {
  const scope = orThrow(listScope(actor, action));
  return scope.all ? null : scope.paths[0]!;
}

/** 代下单 form: the grids (and communities) the worker may order in, and the catalog's active items. */
export async function residentsForm(input: UseCaseInput): Promise<ResidentsFormReply> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  const root = rootOf(actor, 'order.place_for_resident');
  const [units, items] = await Promise.all([
    ports.db.find<OrgUnit>(
      COLLECTIONS.orgUnits,
      { level: 'grid', ...(root === null ? {} : { path: ports.db.command.prefix(root) }) },
      { orderBy: [['path', 'asc']], limit: 200 },
    ),
    ports.db.find<ServiceItem>(
      COLLECTIONS.serviceItems,
      { active: true },
      {
        orderBy: [
          ['sortOrder', 'asc'],
          ['_id', 'asc'],
        ],
        limit: 200,
      },
    ),
  ]);
  return {
    grids: units.map((u) => ({ gridId: u._id, name: u.fullName || u.name, orgPath: u.path })),
    items: items.map((i) => ({ itemId: i._id, name: i.name })),
    consentMethods: CONSENT_METHODS.map((value) => ({ value, label: CONSENT_METHOD_LABELS[value] })),
    urgentAcceptWithinMinutes: config.urgent.acceptWithinMinutes,
  };
}

/** The orders the signed-in worker placed for residents, newest first. */
export async function placedOrders(input: UseCaseInput): Promise<PlacedOrdersReply> {
  const { ports, actor } = input;
  requireIdentity(actor);
  orThrow(listScope(actor, 'order.place_for_resident'));
  const { page, pageSize } = parseCommand(pagingSchema, input.command);
  const where = { 'placedBy.openid': actor.openid };
  const [orders, total, me] = await Promise.all([
    ports.db.find<Order>(COLLECTIONS.orders, where, {
      orderBy: [
        ['createdAt', 'desc'],
        ['_id', 'asc'],
      ],
      skip: (page - 1) * pageSize,
      limit: pageSize,
    }),
    ports.db.count(COLLECTIONS.orders, where),
    ports.db.get<User>(COLLECTIONS.users, actor.openid),
  ]);
  return {
    placedByName: me?.realName || me?.nickname || '工作人员',
    items: orders.map((o) => ({
      orderId: o._id,
      status: o.status,
      statusLabel: ORDER_STATUS_LABELS[o.status],
      itemName: o.itemName,
      providerName: o.providerName,
      residentName: o.residentName,
      createdAt: o.createdAt,
      urgent: o.urgent !== undefined,
      urgentState: o.urgent?.state ?? null,
    })),
    total,
    page,
    pageSize,
  };
}

const urgentQuerySchema = query({
  /** `open`: waiting and queued (default); `queued`: only those nobody accepted in time. */
  state: oneOf('状态', ['open', 'queued'] as const).default('open'),
});

/** The unit's urgent requests not yet handled, oldest first, with minutes since each request. */
export async function urgentQueue(input: UseCaseInput): Promise<UrgentQueueReply> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  const { state } = parseCommand(urgentQuerySchema, input.command);
  const root = rootOf(actor, 'order.urgent.handle');
  const now = ports.clock.now();
  const states = state === 'queued' ? ['queued'] : ['waiting', 'queued'];
  const orders = await ports.db.find<Order>(
    COLLECTIONS.orders,
    { 'urgent.state': ports.db.command.in(states), ...within(ports.db, root) },
    {
      orderBy: [
        ['urgent.acceptBy', 'asc'],
        ['_id', 'asc'],
      ],
      limit: 100,
    },
  );
  const open = orders.filter((o) => o.status === 'created' && o.urgent !== undefined);
  const names = await unitNames(
    ports.db,
    open.map((o) => o.orgPath),
  );
  return {
    now,
    items: open.map((o) => {
      const u = o.urgent!;
      return {
        orderId: o._id,
        itemName: o.itemName,
        providerName: o.providerName,
        residentName: o.residentName,
        unitName: names.get(o.orgPath) ?? '',
        orgPath: o.orgPath,
        state: u.state,
        stateLabel: URGENT_STATE_LABELS[u.state],
        requestedAt: u.requestedAt,
        minutesSince: minutesSince(u.requestedAt, now),
        acceptBy: u.acceptBy,
        limitMinutes: u.limitMinutes,
        feedbackWithinMinutes: config.urgent.feedbackWithinMinutes,
        queuedAt: u.queuedAt,
        resolution: u.resolution,
        alternatives: (o.matchCandidates ?? [])
          .filter((c) => c.providerId !== o.providerId)
          .map((c) => ({ providerId: c.providerId, providerName: c.providerName })),
      };
    }),
  };
}

async function unitNames(db: DatabasePort, paths: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const path of new Set(paths)) {
    const id = path.split('/').filter(Boolean).pop();
    const unit = id === undefined ? null : await db.get<OrgUnit>(COLLECTIONS.orgUnits, id);
    out.set(path, unit?.fullName || unit?.name || '');
  }
  return out;
}

const rosterSchema = query({});

/** The workers of the unit's communities and grids, with who is on duty for urgent requests. */
export async function dutyRoster(input: UseCaseInput): Promise<DutyRosterReply> {
  const { ports, actor } = input;
  requireIdentity(actor);
  parseCommand(rosterSchema, input.command);
  const root = rootOf(actor, 'order.urgent.handle');
  const users = await ports.db.find<User>(
    COLLECTIONS.users,
    {
      'grants.role': 'worker',
      ...(root === null ? {} : { 'grants.orgPath': ports.db.command.prefix(root) }),
    },
    { orderBy: [['_id', 'asc']], limit: 200 },
  );
  const rows = users.flatMap((u) => {
    const grant = u.grants.find(
      (g) =>
        g.role === 'worker' &&
        g.orgPath !== undefined &&
        rollUpKey(g.orgPath, 'community') !== null &&
        (root === null || g.orgPath.startsWith(root)),
    );
    if (grant === undefined) return [];
    const community = rollUpKey(grant.orgPath!, 'community')!;
    return [{ user: u, orgPath: community, unitPath: grant.orgPath! }];
  });
  const names = await unitNames(
    ports.db,
    rows.map((r) => r.unitPath),
  );
  return {
    items: rows.map(({ user, orgPath, unitPath }) => ({
      openid: user._id,
      name: residentNameOf(user),
      unitName: names.get(unitPath) ?? '',
      orgPath,
      onDuty: user.duty?.orgPath === orgPath,
      since: user.duty?.orgPath === orgPath ? user.duty.since : null,
    })),
  };
}
