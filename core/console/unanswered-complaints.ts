/**
 * The workbench's queue of complaints nobody has answered: residents' complaints about an order (after a
 * poor rating) still 待核实 (`submitted`), oldest first, with how long each has waited and whether it is past
 * `complaintAnswerHours` (the time a unit gives itself to verify and answer). Scope: `complaint.handle`.
 */
import type { DatabasePort } from '../kernel/database.port';
import type { PlatformConfig } from '../kernel/platform.config';
import { COLLECTIONS } from '../model/collections.model';
import type { Complaint, Order } from '../model/order.model';
import { communityOf } from './console-orders.query';
import { findWithTotal, withinRoot, type ScopeRoot } from './console-scope';
import { unitNames } from './console-units';
import type { UnansweredComplaintRow } from './console.replies';

const HOUR_MS = 3_600_000;

export async function unansweredComplaints(
  db: DatabasePort,
  root: ScopeRoot,
  now: number,
  config: PlatformConfig,
  rows: number,
): Promise<{ items: UnansweredComplaintRow[]; total: number }> {
  const where = { ...withinRoot(db, root), status: 'submitted' };
  const { docs: complaints, total } = await findWithTotal<Complaint>(db, COLLECTIONS.complaints, where, {
    orderBy: [
      ['createdAt', 'asc'],
      ['_id', 'asc'],
    ],
    limit: rows,
    fields: ['orderId', 'providerId', 'orgPath', 'createdAt', 'status'],
  });
  const [orders, names] = await Promise.all([
    Promise.all(complaints.map((c) => db.get<Order>(COLLECTIONS.orders, c.orderId))),
    unitNames(
      db,
      complaints.map((c) => communityOf(c.orgPath)),
    ),
  ]);
  const limitMs = config.console.complaintAnswerHours * HOUR_MS;
  const items = complaints.map((c, i) => ({
    complaintId: c._id,
    orderId: c.orderId,
    providerId: c.providerId,
    providerName: orders[i]?.providerName ?? '',
    itemName: orders[i]?.itemName ?? '',
    unitName: names.get(communityOf(c.orgPath)) ?? '',
    filedAt: c.createdAt,
    waitedMs: now - c.createdAt,
    overdue: now - c.createdAt > limitMs,
  }));
  return { items, total };
}
