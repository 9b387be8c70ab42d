/**
 * The concerns that need a worker now (`GET /console/api/concerns/queues`, action `concern.view`), in their
 * unit and below: those waiting for review (待审核, oldest first) and those waiting for a claimer past their
 * claim deadline (published, pushed up or referred; the most overdue first). Each queue answers its first rows
 * and its full count. The concerns screens show the counts on their tabs; the workbench can show the queues
 * with `concernQueues` (one call with the `concern.view` scope's root).
 */
import type { Actor } from '../auth/roles';
import { listItemOf, WAITING_STATUSES, type ConcernListItem } from '../auth/concern-access';
import type { DatabasePort } from '../kernel/database.port';
import { requireIdentity } from '../kernel/identity';
import type { UseCaseInput } from '../kernel/use-case';
import { COLLECTIONS } from '../model/collections.model';
import type { Concern } from '../model/concern.model';
import { parseCommand } from '../schemas/command.parser';
import { workbenchSchema } from '../schemas/console.schema';
import { findWithTotal, scopeRootFor, withinRoot, type ScopeRoot } from './console-scope';

/** Rows shown per queue; the count says how many there are. */
export const CONCERN_QUEUE_ROWS = 10;

export interface ConcernQueue {
  readonly items: readonly ConcernListItem[];
  readonly total: number;
}

export interface ConcernQueuesReply {
  readonly now: number;
  /** Submitted, waiting for a leader's review: oldest first. */
  readonly toReview: ConcernQueue;
  /** Waiting for a claimer (or the joint meeting) past the claim deadline: the most overdue first. */
  readonly overdueUnclaimed: ConcernQueue;
}

/** The two queues within `root` (null: everywhere), as `actor` may see their rows. */
export async function concernQueues(
  db: DatabasePort,
  actor: Actor,
  root: ScopeRoot,
  now: number,
  rows = CONCERN_QUEUE_ROWS,
): Promise<ConcernQueuesReply> {
  const _ = db.command;
  const within = withinRoot(db, root);
  const [review, overdue] = await Promise.all([
    findWithTotal<Concern>(
      db,
      COLLECTIONS.concerns,
      { ...within, status: 'submitted' },
      {
        orderBy: [
          ['createdAt', 'asc'],
          ['_id', 'asc'],
        ],
        limit: rows,
      },
    ),
    findWithTotal<Concern>(
      db,
      COLLECTIONS.concerns,
      { ...within, status: _.in([...WAITING_STATUSES]), claimDeadline: _.lte(now) },
      {
        orderBy: [
          ['claimDeadline', 'asc'],
          ['_id', 'asc'],
        ],
        limit: rows,
      },
    ),
  ]);
  const item = (c: Concern) => listItemOf(actor, c, now);
  return {
    now,
    toReview: { items: review.docs.map(item), total: review.total },
    overdueUnclaimed: { items: overdue.docs.map(item), total: overdue.total },
  };
}

export async function concernQueuesQuery(input: UseCaseInput): Promise<ConcernQueuesReply> {
  const { actor } = input;
  const { db, clock } = input.ports;
  requireIdentity(actor);
  const q = parseCommand(workbenchSchema, input.command);
  const root = await scopeRootFor(db, actor, 'concern.view', q.orgUnitId);
  return concernQueues(db, actor, root, clock.now());
}
