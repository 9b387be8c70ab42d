/**
 * A DatabasePort that counts the calls a use case makes on the port it wraps, by operation, inside
 * transactions too (`tx.get`, `tx.insert`, `tx.update`, each a request of its own on CloudBase): what a
 * benchmark prints as "database calls". Wrap the SDK adapter itself (under `sealedDatabase`, as the functions
 * stack them), so what is counted is what reaches the database.
 */
import type { DatabasePort, TransactionPort } from '../core/kernel/database.port';

export interface CountingDatabase {
  readonly db: DatabasePort;
  /** Calls by operation since the last `reset` (`find`, `runTransaction`, `tx.get`...). */
  counts(): Record<string, number>;
  total(): number;
  reset(): void;
}

export function countingDatabase(inner: DatabasePort): CountingDatabase {
  let counts: Record<string, number> = {};
  const count = (op: string) => {
    counts[op] = (counts[op] ?? 0) + 1;
  };
  const countingTx = (tx: TransactionPort): TransactionPort => ({
    get: (collection, id) => {
      count('tx.get');
      return tx.get(collection, id);
    },
    insert: (collection, doc) => {
      count('tx.insert');
      return tx.insert(collection, doc);
    },
    update: (collection, id, patch) => {
      count('tx.update');
      return tx.update(collection, id, patch);
    },
  });
  const db: DatabasePort = {
    command: inner.command,
    get: (collection, id) => {
      count('get');
      return inner.get(collection, id);
    },
    findOne: (collection, where, options) => {
      count('findOne');
      return inner.findOne(collection, where, options);
    },
    find: (collection, where, options) => {
      count('find');
      return inner.find(collection, where, options);
    },
    count: (collection, where) => {
      count('count');
      return inner.count(collection, where);
    },
    ...(inner.aggregate === undefined
      ? {}
      : {
          aggregate: <R>(
            collection: string,
            pipeline: Parameters<NonNullable<DatabasePort['aggregate']>>[1],
          ) => {
            count('aggregate');
            return inner.aggregate!<R>(collection, pipeline);
          },
        }),
    insert: (collection, doc) => {
      count('insert');
      return inner.insert(collection, doc);
    },
    update: (collection, id, patch, options) => {
      count('update');
      return inner.update(collection, id, patch, options);
    },
    updateWhere: (collection, where, patch) => {
      count('updateWhere');
      return inner.updateWhere(collection, where, patch);
    },
    removeWhere: (collection, where) => {
      count('removeWhere');
      return inner.removeWhere(collection, where);
    },
    runTransaction: (fn) => {
      count('runTransaction');
      return inner.runTransaction((tx) => fn(countingTx(tx)));
    },
  };
  return {
    db,
    counts: () => ({ ...counts }),
    total: () => Object.values(counts).reduce((s, n) => s + n, 0),
    reset: () => {
      counts = {};
    },
  };
}
