/**
 * The port the idempotency helper stores first results in. Adapters back it with a collection whose
 * `_id` is the key (CloudBase: `idempotency_keys`), so "put if absent" is a plain insert that fails on a
 * duplicate id.
 */

export interface IdempotencyRecord<R = unknown> {
  readonly key: string;
  readonly actorOpenid: string;
  readonly command: string;
  /** Hash of the command name and its payload (without the request id), to recognise a different request. */
  readonly fingerprint: string;
  /** The first result, replayed to every retry. Must be plain JSON data. */
  readonly result: R;
  /** When the first request completed (ms since the epoch), if the caller said; lets a timer purge old keys. */
  readonly at: number | null;
}

export interface IdempotencyStore {
  get(key: string): Promise<IdempotencyRecord | null>;
  /**
   * Store `record` under `key` only if the key is absent; resolve false when it exists already (a
   * concurrent request with the same key got there first). Adapters write it in the same transaction as
   * the command's own writes, so a false here, thrown as IDEMPOTENCY_CONFLICT, rolls those writes back.
   */
  put(key: string, record: IdempotencyRecord): Promise<boolean>;
}
