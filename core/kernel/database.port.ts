/**
 * The database port: the few operations the domain core's use cases need, in the core's own terms. The
 * core never imports an SDK; the adapters (wx-server-sdk in the mini-program's functions, @cloudbase/node-sdk
 * in the admin function, an in-memory double in the core tests) implement this interface.
 *
 * Why a port of our own rather than the SDKs' chainable API: the two SDKs differ where it matters (wx-server-sdk
 * wraps writes in `{ data }` and throws on a missing `doc().get()`; node-sdk takes the plain object and answers
 * `{ data: [doc] }`), and the use cases need a handful of operations with one meaning each.
 *
 * Semantics every adapter keeps (tests/core/support/database-port.contract.ts checks them):
 * - Documents are plain JSON with a string `_id`. Reads return copies; changing them changes nothing stored.
 * - `Where` is a conjunction of field conditions. A field path may use dots (`grants.providerId`); a path
 *   through an array matches when any element matches (CloudBase and MongoDB semantics). A plain value means
 *   equality; anything else is an operand built with `command`.
 * - A `Patch` maps field paths (dots allowed, `starCounts.2` reaches an array element) to a new value, which
 *   replaces the field whole (an adapter whose SDK would merge a nested object wraps it in `_.set`), or to an
 *   update operand (`command.inc`).
 * - `find` without `limit` returns at most DEFAULT_QUERY_LIMIT documents; no caller asks for more than
 *   MAX_QUERY_LIMIT at once (CloudBase's server-side limits).
 * - Queries (`find`, `findOne`, `count`) and `updateWhere` never take part in a transaction (as on CloudBase);
 *   `runTransaction` covers point reads and writes by `_id` only.
 */

declare const queryOperandBrand: unique symbol;
declare const updateOperandBrand: unique symbol;

/** A query condition built by `DatabasePort.command`; opaque to the core (only its adapter reads it). */
export interface QueryOperand {
  readonly [queryOperandBrand]: 'query';
}

/** An update operator built by `DatabasePort.command` (e.g. an atomic increment). */
export interface UpdateOperand {
  readonly [updateOperandBrand]: 'update';
}

export type Scalar = string | number | boolean | null;

/** Equality with a scalar, or an operand. */
export type Condition = Scalar | QueryOperand;

/** Field path -> condition; all must hold. */
export type Where = Readonly<Record<string, Condition>>;

/** Field path -> new value (replaces the field) or update operand. */
export type Patch = Readonly<Record<string, unknown>>;

/** The query and update operators, as the adapter's SDK builds them (`db.command` on CloudBase). */
export interface QueryCommands {
  eq(value: Scalar): QueryOperand;
  neq(value: Scalar): QueryOperand;
  gt(value: number | string): QueryOperand;
  gte(value: number | string): QueryOperand;
  lt(value: number | string): QueryOperand;
  lte(value: number | string): QueryOperand;
  in(values: readonly Scalar[]): QueryOperand;
  nin(values: readonly Scalar[]): QueryOperand;
  exists(present: boolean): QueryOperand;
  /**
   * The string field starts with `value` (an org path prefix). Adapters send an anchored, case-sensitive
   * regular expression (`db.RegExp({ regexp: '^' + escaped, options: '' })`) so an index serves it.
   */
  prefix(value: string): QueryOperand;
  /** Several conditions on one field, e.g. `and([gt(a), lte(b)])`. */
  and(operands: readonly QueryOperand[]): QueryOperand;
  /** Atomic increment (`_.inc`): constant work, no read-modify-write. */
  inc(by: number): UpdateOperand;
}

export type SortDirection = 'asc' | 'desc';

export interface FindOptions {
  /** Sort keys in order; add `['_id', 'asc']` last where a stable order matters. */
  readonly orderBy?: readonly (readonly [field: string, direction: SortDirection])[];
  readonly skip?: number;
  /** At most MAX_QUERY_LIMIT; absent: DEFAULT_QUERY_LIMIT. */
  readonly limit?: number;
  /** Projection: only these fields (and `_id`). */
  readonly fields?: readonly string[];
}

/** CloudBase answers at most 100 documents to a server-side query that names no limit... */
export const DEFAULT_QUERY_LIMIT = 100;
/** ...and at most 1000 to one that does. */
export const MAX_QUERY_LIMIT = 1000;

export interface StoredDocument {
  readonly _id: string;
}

/**
 * The operations allowed inside a transaction: point reads and writes by `_id` (what CloudBase transactions
 * support). Reads see the transaction's own writes. The transaction commits when the callback resolves and
 * writes nothing when it throws; a write conflict with a concurrent transaction makes the adapter run the
 * callback again (so the callback must not do anything it cannot repeat, such as sending a message).
 */
export interface TransactionPort {
  get<T extends StoredDocument>(collection: string, id: string): Promise<T | null>;
  /** Insert a new document; an existing `_id` makes the transaction fail (a conflict or a duplicate). */
  insert(collection: string, doc: StoredDocument): Promise<void>;
  /** Update an existing document (the callback has read it in this transaction). */
  update(collection: string, id: string, patch: Patch): Promise<void>;
}

export interface UpdateOptions {
  /**
   * Compare-and-set: update only if the document also matches these conditions (e.g. `{ status: 'pending' }`),
   * so a timer that runs twice changes nothing the second time.
   */
  readonly ifMatch?: Where;
}

/**
 * An aggregation expression as CloudBase (MongoDB) evaluates it: a field reference (`'$createdAt'`), a
 * literal, an array, or an operator object (`{ $sum: 1 }`, `{ $cond: [..., 1, 0] }`).
 */
export type AggregateExpression =
  Scalar | readonly AggregateExpression[] | { readonly [operatorOrArgument: string]: AggregateExpression };

/** The aggregation stages the core uses: a `$match` first (served by an index), then grouping. */
export type AggregateStage =
  | { readonly $match: Where }
  | {
      readonly $group: {
        readonly _id: AggregateExpression;
        readonly [accumulator: string]: AggregateExpression;
      };
    }
  | { readonly $sort: Readonly<Record<string, 1 | -1>> }
  | { readonly $limit: number };

/** CloudBase answers at most this many documents to an aggregation (20 when it names no `$limit`). */
export const MAX_AGGREGATE_ROWS = 10_000;

export interface DatabasePort {
  /** Operand builders for `Where` and `Patch`. */
  readonly command: QueryCommands;

  /** The document with this `_id`, or null (never throws for a missing document). */
  get<T extends StoredDocument>(collection: string, id: string): Promise<T | null>;
  /** The first match in `orderBy` order, or null. */
  findOne<T extends StoredDocument>(
    collection: string,
    where: Where,
    options?: Omit<FindOptions, 'limit'>,
  ): Promise<T | null>;
  find<T extends StoredDocument>(collection: string, where: Where, options?: FindOptions): Promise<T[]>;
  count(collection: string, where: Where): Promise<number>;
  /**
   * Run an aggregation pipeline; resolves its result documents, at most MAX_AGGREGATE_ROWS (the adapter ends
   * the pipeline with that `$limit` when it names none). Optional: the in-memory double of the core tests
   * has none, and a use case that needs it says so. Never part of a transaction.
   */
  aggregate?<R>(collection: string, pipeline: readonly AggregateStage[]): Promise<R[]>;

  /** Insert `doc`; resolves false (and writes nothing) when a document with its `_id` exists. */
  insert(collection: string, doc: StoredDocument): Promise<boolean>;
  /**
   * Update the document `id` (only if it matches `ifMatch`); resolves true when it did. Callers' patches always
   * change a field, so "matched" and "updated" are the same thing.
   */
  update(collection: string, id: string, patch: Patch, options?: UpdateOptions): Promise<boolean>;
  /** Update every matching document; resolves the number updated. Not atomic across documents. */
  updateWhere(collection: string, where: Where, patch: Patch): Promise<number>;
  /**
   * Delete every matching document; resolves the number deleted. Not atomic across documents, never part of
   * a transaction: only for records no transaction reads any more (housekeeping of ended sessions and old
   * counters).
   */
  removeWhere(collection: string, where: Where): Promise<number>;

  runTransaction<R>(fn: (tx: TransactionPort) => Promise<R>): Promise<R>;
}
