/**
 * 紧急求助 (docs/acting-for-residents.md): an order placed as urgent gets an acceptance limit in minutes
 * (`PlatformConfig.urgent.acceptWithinMinutes`) and tells, at once, the workers of the resident's grid and the
 * community's on-duty workers (`users.duty`), by subscribe message through the outbox. Nobody accepting within
 * the limit, the order timer puts it in the community workers' urgent queue (`urgent.state: 'queued'`).
 */
import type { Order, UrgentRequest } from '../model/order.model';
import type { User } from '../model/user.model';
import { COLLECTIONS } from '../model/collections.model';
import type { DatabasePort } from '../kernel/database.port';
import type { SubscribeMessage } from '../kernel/notifier.port';
import type { PlatformConfig } from '../kernel/platform.config';
import { formatShanghaiMinute } from '../kernel/shanghai-time';
import { rollUpKey } from '../org/org-path';
import { fitThing } from './order-messages.builder';

const MINUTE_MS = 60_000;

/** The community whose workers' queue takes an order of `orgPath` (itself above that level). */
export function urgentQueuePath(orgPath: string): string {
  return rollUpKey(orgPath, 'community') ?? orgPath;
}

/** A new urgent request: waiting for a provider until `acceptBy`. */
export function newUrgentRequest(
  now: number,
  orgPath: string,
  notified: readonly string[],
  config: PlatformConfig,
): UrgentRequest {
  const limit = config.urgent.acceptWithinMinutes;
  return {
    requestedAt: now,
    limitMinutes: limit,
    acceptBy: now + limit * MINUTE_MS,
    state: 'waiting',
    queuePath: urgentQueuePath(orgPath),
    notified: [...notified],
    queuedAt: null,
    handledAt: null,
    handledBy: null,
    resolution: null,
    note: '',
  };
}

/** Whole minutes since the request (the clock the console shows). */
export function minutesSince(requestedAt: number, now: number): number {
  return Math.max(0, Math.floor((now - requestedAt) / MINUTE_MS));
}

const MAX_RECIPIENTS = 50;

/**
 * Who is told at once: the workers whose unit is the order's grid (or community), and the on-duty workers of
 * its community, each once. Read outside the transaction (queries).
 */
export async function urgentRecipients(db: DatabasePort, orgPath: string): Promise<string[]> {
  const community = urgentQueuePath(orgPath);
  const [gridWorkers, onDuty] = await Promise.all([
    db.find<User>(
      COLLECTIONS.users,
      { 'grants.role': 'worker', 'grants.orgPath': orgPath },
      { fields: ['grants'], orderBy: [['_id', 'asc']], limit: MAX_RECIPIENTS },
    ),
    db.find<User>(
      COLLECTIONS.users,
      { 'duty.orgPath': community },
      { fields: ['grants', 'duty'], orderBy: [['_id', 'asc']], limit: MAX_RECIPIENTS },
    ),
  ]);
  const grid = gridWorkers.filter((u) => u.grants.some((g) => g.role === 'worker' && g.orgPath === orgPath));
  const duty = onDuty.filter((u) => u.duty?.orgPath === community);
  return [...new Set([...grid, ...duty].map((u) => u._id))];
}

/** TPL_URGENT_REQUEST to one worker: the item, the estate or community, when, and the limit. */
export function urgentRequestMessage(
  config: PlatformConfig,
  touser: string,
  order: Pick<Order, '_id' | 'itemName' | 'createdAt'>,
  unitName: string,
): SubscribeMessage {
  return {
    touser,
    templateId: config.templates.urgentRequest,
    // Workers follow it in the console; the mini-program's order page is where a message can lead.
    page: `${config.pages.residentOrder}?orderId=${encodeURIComponent(order._id)}`,
    data: {
      thing1: { value: fitThing(`紧急求助：${order.itemName}`) },
      thing2: { value: fitThing(unitName, '本社区') },
      time3: { value: formatShanghaiMinute(order.createdAt) },
      thing4: { value: fitThing(`${config.urgent.acceptWithinMinutes}分钟内无人接单转社区处理`) },
    },
  };
}
