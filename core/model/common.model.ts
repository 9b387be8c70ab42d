/**
 * Shapes every stored document shares. Times are numbers (milliseconds since the epoch, from the Clock
 * port) so that range queries, sorting and the timers need no date type; money is integer fen (分) so that
 * no price is ever a float.
 */

/** Milliseconds since the epoch (Asia/Shanghai is only a display concern). */
export type Millis = number;

/** Money in fen (分), a non-negative integer. 100 fen = 1 yuan. */
export type Fen = number;

/** A calendar day as typed by a person, 'YYYY-MM-DD' in Asia/Shanghai. */
export type CalendarDate = string;

/** Every document has a string `_id` (never an ObjectId: the ids travel through the mini-program as text). */
export interface BaseDocument {
  readonly _id: string;
}

export interface Timestamps {
  readonly createdAt: Millis;
  readonly updatedAt: Millis;
}

/**
 * A record that belongs to a place in the org tree. `orgPath` is the path of its org unit (see
 * core/org/org-path.ts): "is it inside my unit" is `orgPath.startsWith(myPath)`, served by an index.
 */
export interface Located {
  readonly orgPath: string;
}

/** Who did something, as stored on a record (the openid plus the name shown at the time). */
export interface PersonRef {
  readonly openid: string;
  readonly name: string;
}
