/**
 * Idempotency keys for writing commands (`clientRequestId`: 8-64 of [A-Za-z0-9_-]). A retry of the same
 * intent must reuse its key so the function answers with the first reply instead of booking twice; a new
 * intent gets a new key. The mini-program has no crypto random source on every base library version, and a
 * key only has to be unique per user, so time plus Math.random is enough.
 */

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

export function newRequestId(now: number = Date.now(), random: () => number = Math.random): string {
  let tail = '';
  for (let i = 0; i < 12; i += 1) tail += ALPHABET[Math.floor(random() * ALPHABET.length) % ALPHABET.length];
  return `r${now.toString(36)}${tail}`;
}

/**
 * The keys of writes whose outcome is unknown (the call did not come back), by intent (e.g.
 * `order.accept:<orderId>`). A reply of any kind settles the intent: the next attempt is a new request.
 */
export class RequestIdBook {
  private readonly pending = new Map<string, string>();

  constructor(private readonly generate: () => string = () => newRequestId()) {}

  idFor(intent: string): string {
    let id = this.pending.get(intent);
    if (id === undefined) {
      id = this.generate();
      this.pending.set(intent, id);
    }
    return id;
  }

  settle(intent: string): void {
    this.pending.delete(intent);
  }
}
