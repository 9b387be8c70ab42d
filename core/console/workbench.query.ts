/**
 * 工作台 (`GET /console/api/workbench`): what needs the worker now, in their unit and below, each row linking
 * to where it is acted on:
 * - orders nobody has answered that expire within `expiringWithinHours` (status 待接单, `acceptBy` soon);
 * - follow-ups (回访) past their due time and not recorded (pending or counted overdue);
 * - supply gaps: items that fewer than `supplyGapBelow` matchable providers cover in a community (a provider
 *   covers a community when one of its service areas is the community or a unit above it);
 * - complaints residents filed after a poor rating that nobody has verified yet (待核实), oldest first, marked
 *   overdue past `complaintAnswerHours`;
 * - urgent requests (紧急求助) not yet handled, those nobody accepted in time first.
 * The order queues follow `order.view`, the supply gaps `dashboard.view`, the complaints `complaint.handle`,
 * the urgent requests `order.urgent.handle`;
 * a queue the worker's roles do not
 * open is left out (`queues`). Each queue answers its first rows and its full count.
 */
import { listScope, narrowScope, type ListScope } from '../auth/list-scope';
import type { Action } from '../auth/actions';
import type { Actor } from '../auth/roles';
import type { DatabasePort } from '../kernel/database.port';
import { orThrow } from '../kernel/outcome';
import { DomainError } from '../kernel/errors';
import { AUTH_ERROR_CODES } from '../auth/authorize';
import type { PlatformConfig } from '../kernel/platform.config';
import { DEFAULT_PLATFORM_CONFIG } from '../kernel/platform.config';
import { requireIdentity } from '../kernel/identity';
import type { UseCaseInput } from '../kernel/use-case';
import { COLLECTIONS } from '../model/collections.model';
import type { FollowUp, Order } from '../model/order.model';
import { parseCommand } from '../schemas/command.parser';
import { workbenchSchema } from '../schemas/console.schema';
import { communityOf, ORDER_ROW_FIELDS, orderRows } from './console-orders.query';
import { findWithTotal, rootOf, withinRoot, type ScopeRoot } from './console-scope';
import { unitAt, unitById, unitNames } from './console-units';
import type {
  ExpiringOrderRow,
  OverdueFollowUpRow,
  UnansweredComplaintRow,
  WaitingUrgentRow,
  WorkbenchReply,
} from './console.replies';
import { supplyGaps } from './supply-gaps';
import { unansweredComplaints } from './unanswered-complaints';
import { waitingUrgentRequests } from './urgent-requests';

const HOUR_MS = 3_600_000;
/** Rows shown per queue; the count says how many more there are. */
const QUEUE_ROWS = 10;

/** A queue's scope: the action's, narrowed to the picked unit; null when the worker's roles do not open it. */
async function queueScope(
  db: DatabasePort,
  actor: Actor,
  action: Action,
  unitId?: string,
): Promise<ListScope | null> {
  const scope = listScope(actor, action);
  if (!scope.ok) return null;
  if (unitId === undefined) return scope.value;
  const unit = await unitById(db, unitId);
  const narrowed = narrowScope(scope.value, unit?.orgPath ?? null, action);
  return narrowed.ok ? narrowed.value : null;
}

export async function workbench(input: UseCaseInput): Promise<WorkbenchReply> {
  const { actor } = input;
  const { db, clock } = input.ports;
  requireIdentity(actor);
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  const q = parseCommand(workbenchSchema, input.command);
  const [orderScope, supplyScope, complaintScope, urgentScope] = await Promise.all([
    queueScope(db, actor, 'order.view', q.orgUnitId),
    queueScope(db, actor, 'dashboard.view', q.orgUnitId),
    queueScope(db, actor, 'complaint.handle', q.orgUnitId),
    queueScope(db, actor, 'order.urgent.handle', q.orgUnitId),
  ]);
  if (orderScope === null && supplyScope === null && complaintScope === null && urgentScope === null) {
    // Neither queue: no permission at all (the matrix's refusal), or a unit outside every scope.
    if (!listScope(actor, 'order.view').ok) orThrow(listScope(actor, 'dashboard.view'));
    throw new DomainError(AUTH_ERROR_CODES.outOfScope, '该单位不在您的权限范围内');
  }
  const now = clock.now();
  const orderRoot = orderScope === null ? undefined : rootOf(orderScope);
  const supplyRoot = supplyScope === null ? undefined : rootOf(supplyScope);
  const complaintRoot = complaintScope === null ? undefined : rootOf(complaintScope);
  const urgentRoot = urgentScope === null ? undefined : rootOf(urgentScope);
  const [expiring, overdue, gaps, complaints, urgent] = await Promise.all([
    orderRoot === undefined ? empty<ExpiringOrderRow>() : expiringOrders(db, orderRoot, now, config),
    orderRoot === undefined ? empty<OverdueFollowUpRow>() : overdueFollowUps(db, orderRoot, now),
    supplyRoot === undefined ? { items: [], total: 0, communities: 0 } : supplyGaps(db, supplyRoot, config),
    complaintRoot === undefined
      ? empty<UnansweredComplaintRow>()
      : unansweredComplaints(db, complaintRoot, now, config, QUEUE_ROWS),
    urgentRoot === undefined
      ? empty<WaitingUrgentRow>()
      : waitingUrgentRequests(db, urgentRoot, now, config, QUEUE_ROWS),
  ]);
  const root = orderRoot ?? supplyRoot ?? complaintRoot ?? urgentRoot ?? null;
  return {
    unit: root === null ? null : await unitAt(db, root),
    now,
    expiringWithinHours: config.console.expiringWithinHours,
    supplyGapBelow: config.console.supplyGapBelow,
    expiringOrders: expiring,
    overdueFollowUps: overdue,
    supplyGaps: gaps,
    unansweredComplaints: complaints,
    complaintAnswerHours: config.console.complaintAnswerHours,
    urgentRequests: urgent,
    urgentFeedbackMinutes: config.urgent.feedbackWithinMinutes,
    queues: {
      orders: orderRoot !== undefined,
      supply: supplyRoot !== undefined,
      complaints: complaintRoot !== undefined,
      urgent: urgentRoot !== undefined,
    },
  };
}

function empty<T>(): Promise<{ items: T[]; total: number }> {
  return Promise.resolve({ items: [], total: 0 });
}

/**
 * Waiting orders that expire within the window. An order expires `acceptWithinHours` after it was placed
 * (the expiry timer's rule, core/orders/expire-orders.usecase.ts), so the query is on `createdAt`
 * (`status_1_createdAt_1`) and the oldest come first.
 */
async function expiringOrders(db: DatabasePort, root: ScopeRoot, now: number, config: PlatformConfig) {
  const acceptMs = config.deadlines.acceptWithinHours * HOUR_MS;
  const where = {
    ...withinRoot(db, root),
    status: 'created',
    createdAt: db.command.lte(now + config.console.expiringWithinHours * HOUR_MS - acceptMs),
  };
  const { docs: orders, total } = await findWithTotal<Order>(db, COLLECTIONS.orders, where, {
    orderBy: [
      ['createdAt', 'asc'],
      ['_id', 'asc'],
    ],
    limit: QUEUE_ROWS,
    fields: ORDER_ROW_FIELDS,
  });
  const rows = await orderRows(db, orders);
  const items: ExpiringOrderRow[] = rows.map((r) => {
    const acceptBy = r.acceptBy ?? r.createdAt + acceptMs;
    return { ...r, acceptBy, msLeft: Math.max(0, acceptBy - now) };
  });
  return { items, total };
}

async function overdueFollowUps(db: DatabasePort, root: ScopeRoot, now: number) {
  const _ = db.command;
  const where = { ...withinRoot(db, root), status: _.in(['pending', 'overdue']), dueAt: _.lt(now) };
  const { docs: followUps, total } = await findWithTotal<FollowUp>(db, COLLECTIONS.followUps, where, {
    orderBy: [
      ['dueAt', 'asc'],
      ['_id', 'asc'],
    ],
    limit: QUEUE_ROWS,
  });
  const orders = await Promise.all(followUps.map((f) => db.get<Order>(COLLECTIONS.orders, f.orderId)));
  const names = await unitNames(
    db,
    followUps.map((f) => communityOf(f.orgPath)),
  );
  const items: OverdueFollowUpRow[] = followUps.map((f, i) => ({
    orderId: f.orderId,
    providerId: f.providerId,
    providerName: orders[i]?.providerName ?? '',
    itemName: orders[i]?.itemName ?? '',
    unitName: names.get(communityOf(f.orgPath)) ?? '',
    status: f.status,
    dueAt: f.dueAt,
    overdueMs: now - f.dueAt,
  }));
  return { items, total };
}
