/**
 * Acting for residents (docs/acting-for-residents.md), the writes besides placing the order itself
 * (`placeOrderForResident` in create-order.usecase.ts):
 *
 * - `order.resident.register`: a worker finds the resident they will order for (the same phone number in the
 *   same grid: the sealed database answers it through the phone's blind index) or registers one without a
 *   WeChat account (`users` `_id` `offline-<id>`, decision 0020), with the consent to keep their name and phone.
 * - `order.urgent.handle`: a worker or leader of the unit handles a 紧急求助 not yet accepted: reassigns it to
 *   another provider of its match (the worker phoned them; a new acceptance limit), or, a worker only, resolves
 *   it otherwise (the order is cancelled for the resident, with the note as its reason).
 * - `order.duty.set`: a worker marks a worker of a community on or off duty (值班) for urgent requests.
 *
 * Each is a console write: one idempotent transaction with its audit entry.
 */
import { authorize } from '../auth/authorize';
import type { Actor } from '../auth/roles';
import { COLLECTIONS } from '../model/collections.model';
import type { Order } from '../model/order.model';
import type { OrgUnit } from '../model/org-unit.model';
import type { Provider } from '../model/provider.model';
import { residentNameOf, type User } from '../model/user.model';
import { rollUpKey, unitIdOfPath } from '../org/org-path';
import { parseCommand } from '../schemas/command.parser';
import {
  dutySetSchema,
  orderUrgentHandleSchema,
  residentRegisterSchema,
  type OrderUrgentHandleCommand,
} from '../schemas/order.schema';
import { recordEvent, runCommand, type CommandTransaction } from '../kernel/command.runner';
import { requireIdentity } from '../kernel/identity';
import { DEFAULT_PLATFORM_CONFIG, type PlatformConfig } from '../kernel/platform.config';
import type { UseCaseInput } from '../kernel/use-case';
import { deliverMessages, enqueueMessages } from '../messaging/message-outbox';
import { orderNewMessage, providerStaffOpenids } from './order-messages.builder';
import { orderLoopError } from './order-loop.errors';
import { offeringTakingOrders } from './create-order.usecase';
import { applyOrderStep, loadOrder, orderTarget } from './order-transition';
import type {
  DutySetResult,
  ResidentRegisterResult,
  UrgentHandleResult,
} from './acting-for-residents.replies';

const MINUTE_MS = 60_000;

/**
 * The `users` id of a resident a worker registered: `offline-<id>` (ids allow letters, digits, '_' and '-'
 * only). Nobody signs in as it: the functions take openids from WeChat's context, the console its accounts.
 */
export const OFFLINE_RESIDENT_PREFIX = 'offline-';

export { residentNameOf };

export async function registerResident(input: UseCaseInput): Promise<ResidentRegisterResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const command = parseCommand(residentRegisterSchema, input.command);
  const unit = await ports.db.get<OrgUnit>(COLLECTIONS.orgUnits, command.gridId);
  const placeable = unit !== null && (unit.level === 'grid' || unit.level === 'community');
  // A unit that does not exist, or is not a grid or community, answers like one outside the worker's units.
  authorize(
    actor,
    'order.place_for_resident',
    { orgPath: placeable ? unit.path : undefined },
    { roles: ['worker'] },
  );
  if (!placeable) throw orderLoopError('RESIDENT_UNIT_NOT_FOUND', { gridId: command.gridId });
  // The sealed database answers equality on the phone through its blind index.
  const holders = await ports.db.find<User>(
    COLLECTIONS.users,
    { phone: command.phone },
    { orderBy: [['_id', 'asc']], limit: 20 },
  );
  const known = holders.find((u) => u.homeOrgPath === unit.path && (u.deletedAt ?? null) === null) ?? null;

  return runCommand(ports, actor, 'order.resident.register', command, async ({ tx, now, audit }) => {
    if (known !== null) {
      return residentResult(known, unit, false);
    }
    const id = `${OFFLINE_RESIDENT_PREFIX}${ports.ids.next()}`;
    const resident: User = {
      _id: id,
      openid: id,
      nickname: command.name,
      realName: command.name,
      phone: command.phone,
      phoneConsentAt: now,
      homeUnitId: unit._id,
      homeOrgPath: unit.path,
      grants: [],
      demo: false,
      createdAt: now,
      updatedAt: now,
      offline: { registeredBy: actor.openid, registeredAt: now },
    };
    await tx.insert(COLLECTIONS.users, resident);
    audit({
      entityType: 'user',
      entityId: id,
      orgPath: unit.path,
      role: 'worker',
      summary: `登记代下单居民（${command.consent.method === 'phone' ? '电话' : '当面'}同意）：${unit.name}`,
    });
    return residentResult(resident, unit, true);
  });
}

function residentResult(user: User, unit: OrgUnit, registered: boolean): ResidentRegisterResult {
  return {
    residentId: user._id,
    name: residentNameOf(user),
    phone: user.phone,
    gridId: unit._id,
    gridName: unit.name,
    orgPath: unit.path,
    offline: user.offline !== undefined && user.offline !== null,
    registered,
  };
}

export async function handleUrgentOrder(input: UseCaseInput): Promise<UrgentHandleResult> {
  const { ports, actor } = input;
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  requireIdentity(actor);
  const command = parseCommand(orderUrgentHandleSchema, input.command);
  return runCommand(ports, actor, 'order.urgent.handle', command, async (ctx) => {
    const order = await loadOrder(ctx.tx, actor, command.orderId);
    const { role } = authorize(actor, 'order.urgent.handle', orderTarget(order));
    const urgent = order.urgent;
    if (urgent === undefined || urgent.state === 'handled' || order.status !== 'created') {
      throw orderLoopError('URGENT_REQUEST_NOT_QUEUED', { orderId: order._id });
    }
    const handled = {
      'urgent.handledAt': ctx.now,
      'urgent.handledBy': actor.openid,
      'urgent.note': command.note,
    };
    if (command.resolution === 'resolve') {
      // Resolving ends the resident's order: a worker does it for the resident (order.place_for_resident);
      // a leader of the unit may see the queue and reassign, not cancel.
      authorize(actor, 'order.place_for_resident', orderTarget(order), { roles: ['worker'] });
      await applyOrderStep({
        tx: ctx.tx,
        ids: ports.ids,
        actor,
        order,
        to: 'cancelled',
        now: ctx.now,
        reason: `紧急求助已处理：${command.note}`,
        patch: { ...handled, 'urgent.state': 'handled', 'urgent.resolution': 'resolved' },
        details: { urgent: 'resolved' },
      });
      ctx.audit({
        entityType: 'order',
        entityId: order._id,
        orgPath: order.orgPath,
        role,
        summary: `处理紧急求助：${order.itemName}（${command.note}）`,
      });
      return {
        orderId: order._id,
        status: 'cancelled',
        urgentState: 'handled',
        providerId: order.providerId,
      };
    }
    const provider = await reassign(ctx, input, config, order, command, handled, role);
    return { orderId: order._id, status: 'created', urgentState: 'waiting', providerId: provider._id };
  });
}

/**
 * Reassign an urgent request to another provider of its match (one the worker reached by phone): the order
 * is theirs to accept within a new limit; their staff are told. Recorded on the timeline as a step that
 * keeps the status (待接单).
 */
async function reassign(
  ctx: CommandTransaction,
  input: UseCaseInput,
  config: PlatformConfig,
  order: Order,
  command: OrderUrgentHandleCommand,
  handled: Record<string, unknown>,
  role: Actor['grants'][number]['role'],
): Promise<Provider> {
  const { ports, actor } = input;
  const { tx, now } = ctx;
  const candidate = (order.matchCandidates ?? []).find((c) => c.providerId === command.providerId);
  if (candidate === undefined || candidate.providerId === order.providerId) {
    throw orderLoopError('MATCH_CANDIDATE_NOT_FOUND', {
      orderId: order._id,
      providerId: command.providerId ?? null,
    });
  }
  const { offering, provider } = await offeringTakingOrders(tx, candidate);
  await tx.update(COLLECTIONS.orders, order._id, {
    ...handled,
    providerId: provider._id,
    providerName: provider.name,
    offeringId: offering._id,
    categoryId: offering.categoryId,
    pricing: offering.pricing,
    matchRank: candidate.rank,
    'urgent.state': 'waiting',
    'urgent.resolution': 'reassigned',
    'urgent.acceptBy': now + config.urgent.acceptWithinMinutes * MINUTE_MS,
    'urgent.queuedAt': null,
    updatedAt: now,
  });
  await recordEvent(tx, ports.ids, order.orgPath, {
    entityType: 'order',
    entityId: order._id,
    from: 'created',
    to: 'created',
    action: 'order.urgent.handle',
    actor: { openid: actor.openid, role },
    at: now,
    reason: command.note,
    details: { urgent: 'reassigned', fromProviderId: order.providerId, providerId: provider._id },
  });
  const staff = await providerStaffOpenids(ports.db, provider._id);
  const unit = await ports.db.get<OrgUnit>(COLLECTIONS.orgUnits, unitIdOfPath(order.orgPath));
  const reassigned = { ...order, providerName: provider.name };
  const messages = await enqueueMessages(
    tx,
    ports.ids,
    order._id,
    staff.map((openid) => orderNewMessage(config, openid, reassigned, unit?.name ?? '')),
    now,
  );
  ctx.afterCommit(async () => {
    await deliverMessages(ports.db, ports.notifier, messages, now);
  });
  ctx.audit({
    entityType: 'order',
    entityId: order._id,
    orgPath: order.orgPath,
    role,
    summary: `紧急求助改派：${order.providerName} → ${provider.name}（${command.note}）`,
  });
  return provider;
}

/** The community a worker's grants put them in (a community or a grid grant). */
function communityOfWorker(user: User): string | null {
  for (const grant of user.grants) {
    if (grant.role !== 'worker' || grant.orgPath === undefined) continue;
    const community = rollUpKey(grant.orgPath, 'community');
    if (community !== null) return community;
  }
  return null;
}

export async function setDuty(input: UseCaseInput): Promise<DutySetResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const command = parseCommand(dutySetSchema, input.command);
  const target = await ports.db.get<User>(COLLECTIONS.users, command.openid);
  const community = target === null ? null : communityOfWorker(target);
  // Someone who is no worker of a community answers like one outside the caller's units.
  const { role } = authorize(actor, 'order.urgent.handle', { orgPath: community ?? undefined });
  if (target === null || community === null) {
    throw orderLoopError('DUTY_WORKER_NOT_FOUND', { openid: command.openid });
  }
  return runCommand(ports, actor, 'order.duty.set', command, async ({ tx, now, audit }) => {
    const duty = command.onDuty ? { orgPath: community, since: now, markedBy: actor.openid } : null;
    await tx.update(COLLECTIONS.users, target._id, { duty, updatedAt: now });
    audit({
      entityType: 'user',
      entityId: target._id,
      orgPath: community,
      role,
      summary: command.onDuty ? '安排紧急求助值班' : '取消紧急求助值班',
    });
    return { openid: target._id, onDuty: command.onDuty, orgPath: community, since: duty?.since ?? null };
  });
}
