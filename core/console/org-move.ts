/**
 * Carrying a grid's records over when it moves to another community (decision 0019): the grid's path
 * changes in one transaction with its idempotency record and audit entry (`org.unit.move`), which also
 * leaves the move on the unit (`pendingMove`); then this sweep rewrites the path on every record that
 * belongs to the grid now, collection by collection, and clears `pendingMove` when nothing is left.
 *
 * A grid is a leaf of the tree, so every record of it carries exactly its path: each step is "records whose
 * field equals the old path get the new one", which finds nothing the second time. The sweep is therefore
 * idempotent and resumable: a crash leaves `pendingMove` on the unit, and moving the grid again to the same
 * community (or any later move of it) runs the sweep again from the start and finishes it.
 *
 * Moves (what is current or still to be acted on): the users bound to the grid (`homeOrgPath`) and the
 * grants held in it, the providers managed there and the service areas naming it (with their offerings'
 * copies, which matching reads), the items added for the grid, open orders, open concerns (and the level they
 * are offered at, while that is still the old community), and the grid's party organisations, party members,
 * volunteer teams and stations. Keeps its path (what happened, where it happened, for the ledgers): closed,
 * cancelled, declined and expired orders, follow-ups, ratings, complaints, events, matches and gaps, closed
 * concerns, evaluations, funds, volunteer service logs, ledgers and the audit log.
 */
import type { DatabasePort, Where } from '../kernel/database.port';
import type { ConcernStatus } from '../lifecycle/concern.lifecycle';
import type { OrderStatus } from '../lifecycle/order.status';
import { COLLECTIONS } from '../model/collections.model';
import type { OrgUnit } from '../model/org-unit.model';

/** A move in progress, kept on the unit until its records are carried over. */
export interface PendingMove {
  readonly fromPath: string;
  readonly toPath: string;
  readonly fromParentPath: string;
  readonly toParentPath: string;
  readonly startedAt: number;
}

/** The unit as stored while a move is in progress (the field is absent otherwise). */
export type MovableUnit = OrgUnit & { readonly pendingMove?: PendingMove | null };

export const OPEN_ORDER_STATUSES: readonly OrderStatus[] = [
  'created',
  'accepted',
  'done',
  'followed_up',
  'rated',
];
export const OPEN_CONCERN_STATUSES: readonly ConcernStatus[] = [
  'submitted',
  'approved',
  'published',
  'escalated',
  'referred',
  'claimed',
  'in_progress',
  'resolved',
  'confirmed',
];

/** Collections whose records of the grid all move (their `orgPath`). */
const MOVING_WHOLE = [
  COLLECTIONS.providers,
  COLLECTIONS.offerings,
  COLLECTIONS.serviceItems,
  COLLECTIONS.partyOrgs,
  COLLECTIONS.partyMembers,
  COLLECTIONS.volunteerTeams,
  COLLECTIONS.stations,
  COLLECTIONS.stationInspections,
] as const;

/** Documents rewritten one by one (array fields) per round. */
const BATCH = 100;

type ArrayDoc = { readonly _id: string } & Readonly<Record<string, unknown>>;

/** Replace `from` by `to` in one array field of every document holding it; answers how many. */
async function rewriteArrayField(
  db: DatabasePort,
  collection: string,
  field: string,
  element: (value: unknown, from: string, to: string) => unknown,
  match: string,
  move: PendingMove,
): Promise<number> {
  let total = 0;
  for (;;) {
    const docs = await db.find<ArrayDoc>(
      collection,
      { [match]: move.fromPath },
      { limit: BATCH, fields: [field] },
    );
    if (docs.length === 0) return total;
    let changed = 0;
    for (const doc of docs) {
      const values = Array.isArray(doc[field]) ? (doc[field] as unknown[]) : [];
      const next = values.map((v) => element(v, move.fromPath, move.toPath));
      if (await db.update(collection, doc._id, { [field]: next })) changed += 1;
    }
    total += changed;
    if (changed === 0) return total;
  }
}

const samePath = (v: unknown, from: string, to: string) => (v === from ? to : v);
const grantPath = (v: unknown, from: string, to: string) =>
  typeof v === 'object' && v !== null && (v as { orgPath?: unknown }).orgPath === from
    ? { ...v, orgPath: to }
    : v;

/** Carry the grid's records over and clear the move; answers the counts per `collection.field`. */
export async function completeOrgMove(db: DatabasePort, unitId: string): Promise<Record<string, number>> {
  const unit = await db.get<MovableUnit>(COLLECTIONS.orgUnits, unitId);
  const move = unit?.pendingMove ?? null;
  if (unit === null || move === null) return {};
  const _ = db.command;
  const { fromPath, toPath } = move;
  const moved: Record<string, number> = {};
  const where = (extra: Where = {}): Where => ({ orgPath: fromPath, ...extra });

  moved['users.homeOrgPath'] = await db.updateWhere(
    COLLECTIONS.users,
    { homeOrgPath: fromPath },
    { homeOrgPath: toPath },
  );
  moved['users.grants'] = await rewriteArrayField(
    db,
    COLLECTIONS.users,
    'grants',
    grantPath,
    'grants.orgPath',
    move,
  );
  moved['providers.serviceAreaPaths'] = await rewriteArrayField(
    db,
    COLLECTIONS.providers,
    'serviceAreaPaths',
    samePath,
    'serviceAreaPaths',
    move,
  );
  moved['offerings.servedPaths'] = await rewriteArrayField(
    db,
    COLLECTIONS.offerings,
    'servedPaths',
    samePath,
    'servedPaths',
    move,
  );
  for (const collection of MOVING_WHOLE) {
    moved[`${collection}.orgPath`] = await db.updateWhere(collection, where(), { orgPath: toPath });
  }
  moved['orders.orgPath'] = await db.updateWhere(
    COLLECTIONS.orders,
    where({ status: _.in(OPEN_ORDER_STATUSES) }),
    { orgPath: toPath },
  );
  // A concern offered at its own community follows the grid to the new one; one pushed higher stays there.
  moved['concerns.levelPath'] =
    (await db.updateWhere(
      COLLECTIONS.concerns,
      where({ status: _.in(OPEN_CONCERN_STATUSES), levelPath: move.fromParentPath }),
      { levelPath: move.toParentPath },
    )) +
    (await db.updateWhere(
      COLLECTIONS.concerns,
      where({ status: _.in(OPEN_CONCERN_STATUSES), levelPath: fromPath }),
      { levelPath: toPath },
    ));
  moved['concerns.orgPath'] = await db.updateWhere(
    COLLECTIONS.concerns,
    where({ status: _.in(OPEN_CONCERN_STATUSES) }),
    { orgPath: toPath },
  );
  await db.update(COLLECTIONS.orgUnits, unitId, { pendingMove: null });
  return moved;
}
