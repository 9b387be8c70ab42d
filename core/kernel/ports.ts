/**
 * Ports the core is handed by its adapters (cloud functions, scripts, tests). The core never reads the
 * system clock or generates randomness by itself, so tests and the local cloud's controllable clock
 * decide what "now" is.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export interface IdGenerator {
  /** A new unique string id (used for `_id`s and event ids). */
  next(): string;
}
