/**
 * The workbench's queue of urgent requests (紧急求助) not yet handled: those still waiting for the provider
 * within their limit and those nobody accepted in time (待社区处理), the latter first, each with the minutes
 * since the request against the feedback limit (`urgent.feedbackWithinMinutes`; 12345 gives emergencies 120).
 * Acted on in 代办服务 › 紧急求助 (core/orders/acting-for-residents.usecase.ts). Scope: `order.urgent.handle`.
 */
import type { DatabasePort } from '../kernel/database.port';
import type { PlatformConfig } from '../kernel/platform.config';
import { COLLECTIONS } from '../model/collections.model';
import { URGENT_STATE_LABELS, type Order } from '../model/order.model';
import { communityOf } from './console-orders.query';
import { findWithTotal, withinRoot, type ScopeRoot } from './console-scope';
import { unitNames } from './console-units';
import type { WaitingUrgentRow } from './console.replies';

export async function waitingUrgentRequests(
  db: DatabasePort,
  root: ScopeRoot,
  now: number,
  config: PlatformConfig,
  rows: number,
): Promise<{ items: WaitingUrgentRow[]; total: number }> {
  const where = {
    ...withinRoot(db, root),
    status: 'created',
    'urgent.state': db.command.in(['queued', 'waiting']),
  };
  const { docs: orders, total } = await findWithTotal<Order>(db, COLLECTIONS.orders, where, {
    orderBy: [
      ['urgent.acceptBy', 'asc'],
      ['_id', 'asc'],
    ],
    limit: rows,
  });
  const names = await unitNames(
    db,
    orders.map((o) => communityOf(o.orgPath)),
  );
  const items = orders
    .filter((o) => o.urgent !== undefined)
    .map((o) => {
      const urgent = o.urgent!;
      const waitedMs = now - urgent.requestedAt;
      return {
        orderId: o._id,
        itemName: o.itemName,
        providerName: o.providerName,
        residentName: o.residentName,
        unitName: names.get(communityOf(o.orgPath)) ?? '',
        state: urgent.state,
        stateLabel: URGENT_STATE_LABELS[urgent.state],
        requestedAt: urgent.requestedAt,
        acceptBy: urgent.acceptBy,
        waitedMs,
        feedbackWithinMinutes: config.urgent.feedbackWithinMinutes,
        pastFeedbackLimit: waitedMs > config.urgent.feedbackWithinMinutes * 60_000,
      };
    });
  // Nobody accepted these in time: they come first.
  items.sort((a, b) => Number(b.state === 'queued') - Number(a.state === 'queued'));
  return { items, total };
}
