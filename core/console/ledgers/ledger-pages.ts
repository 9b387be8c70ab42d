/**
 * Reading a ledger's records a page at a time, never all at once: in the order of an indexed number field
 * (`createdAt`, `dueAt`), then `_id`, resuming after the last record read (keyset paging, so page 200 costs
 * what page 1 costs; `skip` would read every earlier page again). The port's `Where` is a conjunction, so
 * "after (t, id)" is read in two steps: the records at exactly `t` with a larger `_id`, then those after `t`.
 *
 * The ledgers pass `status in <every status>` with the path prefix: a condition every record meets, which
 * lets the database serve the time range from `status_1_<field>_1` (an equality on the index's first field,
 * then the range) as well as from `orgPath_1_<field>_-1` (a prefix, then the range); the local cloud's
 * planner reads it in order from the first (docs/ledgers.md "How rows are read").
 */
import type { DatabasePort, Scalar, StoredDocument, Where } from '../../kernel/database.port';

/** Records per read: well under CloudBase's 1,000 per query, and what the writer holds at once. */
export const LEDGER_PAGE_SIZE = 500;

export interface TimePaging {
  readonly collection: string;
  /** The conditions besides the time range (scope, statuses). */
  readonly where: Where;
  /** The indexed field the ledger is ordered by: a time (ms) or a calendar day 'YYYY-MM-DD' (funds). */
  readonly field: string;
  /** Inclusive start, exclusive end (ms, or days). */
  readonly start: number | string;
  readonly end: number | string;
  readonly fields: readonly string[];
  readonly pageSize?: number;
}

/** The records in (field, _id) order, a page at a time. */
export async function* pagesByTime<T extends StoredDocument>(
  db: DatabasePort,
  paging: TimePaging,
): AsyncGenerator<T[]> {
  const _ = db.command;
  const size = paging.pageSize ?? LEDGER_PAGE_SIZE;
  const order = [
    [paging.field, 'asc'],
    ['_id', 'asc'],
  ] as const;
  let after: { t: number | string; id: string } | null = null;
  for (;;) {
    let page: T[] = [];
    if (after !== null) {
      // The rest of the records at exactly the last time read.
      page = await db.find<T>(
        paging.collection,
        { ...paging.where, [paging.field]: after.t, _id: _.gt(after.id) },
        { orderBy: [['_id', 'asc']], limit: size, fields: paging.fields },
      );
    }
    if (page.length < size) {
      const from = after === null ? _.gte(paging.start) : _.gt(after.t);
      const more = await db.find<T>(
        paging.collection,
        { ...paging.where, [paging.field]: _.and([from, _.lt(paging.end)]) },
        { orderBy: order, limit: size - page.length, fields: paging.fields },
      );
      page = page.concat(more);
    }
    if (page.length === 0) return;
    const last = page[page.length - 1]! as T & Record<string, unknown>;
    after = { t: last[paging.field] as number | string, id: last._id };
    yield page;
    if (page.length < size) return;
  }
}

/** The records in `_id` order, a page at a time (small collections: providers). */
export async function* pagesById<T extends StoredDocument>(
  db: DatabasePort,
  collection: string,
  where: Where,
  fields: readonly string[],
  pageSize = LEDGER_PAGE_SIZE,
): AsyncGenerator<T[]> {
  let after: string | null = null;
  for (;;) {
    const page: T[] = await db.find<T>(
      collection,
      after === null ? where : { ...where, _id: db.command.gt(after) },
      { orderBy: [['_id', 'asc']], limit: pageSize, fields },
    );
    if (page.length === 0) return;
    after = page[page.length - 1]!._id;
    yield page;
    if (page.length < pageSize) return;
  }
}

/** `status in [every status]`: the no-op condition that opens the status-first index (see above). */
export function anyStatus(db: DatabasePort, statuses: readonly Scalar[]): Where {
  return { status: db.command.in(statuses) };
}
