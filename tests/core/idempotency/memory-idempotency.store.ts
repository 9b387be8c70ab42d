/** An in-memory IdempotencyStore for tests: put is insert-only, like a collection keyed by `_id`. */
import type { IdempotencyRecord, IdempotencyStore } from '../../../core/idempotency/idempotency.port';

export class MemoryIdempotencyStore implements IdempotencyStore {
  readonly records = new Map<string, string>();
  gets = 0;
  puts = 0;

  async get(key: string): Promise<IdempotencyRecord | null> {
    this.gets += 1;
    const json = this.records.get(key);
    // Stored as JSON, as a database would: a replay gets an equal copy, not the same object.
    return json === undefined ? null : (JSON.parse(json) as IdempotencyRecord);
  }

  async put(key: string, record: IdempotencyRecord): Promise<boolean> {
    this.puts += 1;
    if (this.records.has(key)) return false;
    this.records.set(key, JSON.stringify(record));
    return true;
  }
}
