/**
 * Calls per user per minute: every command that writes has a limit (`rateLimits` of the platform
 * configuration: its own, or the one of all writes), counted in `rate_limit_counters`, one document per user and minute (`<openid>:<minute>`)
 * with a count per command raised by an atomic increment. A call over its command's limit is refused with
 * RATE_LIMITED before anything else runs. The function kit calls `enforceRateLimit` once per call, for every
 * function alike (decision 0013); timers are never limited.
 *
 * The increment comes first and the count is read after it, so concurrent calls can never let more than the
 * limit through (each sees at least its own place in the minute). A user who stays within the limit is never
 * refused; in a concurrent burst past it a call may see later calls' increments too and be refused although
 * its own place was within the limit, which is the safe side for a burst. Refused calls count as well.
 */
import { COLLECTIONS } from '../model/collections.model';
import type { RateLimitCounter } from '../model/platform.model';
import type { DatabasePort } from './database.port';
import { domainErrorsOf } from './errors';
import type { PlatformConfig } from './platform.config';
import type { Clock } from './ports';
import { COMMANDS, isCommandName } from '../schemas/commands.registry';

const MINUTE_MS = 60_000;

export const RATE_LIMIT_ERRORS = {
  RATE_LIMITED: '操作太频繁，请稍后再试',
} as const;

export const rateLimitError = domainErrorsOf(RATE_LIMIT_ERRORS);

/** The counter key of a command: dots would make a path of it. */
export function rateLimitKey(command: string): string {
  return command.replace(/\./g, '_');
}

export function rateLimitCounterId(openid: string, minute: number): string {
  return `${openid}:${minute}`;
}

/**
 * The command's limit per minute: its own entry, else `writesPerMinute` for a command that writes (the
 * registry says which), else undefined (not limited: reads).
 */
export function rateLimitOf(config: PlatformConfig, command: string): number | undefined {
  const { perMinute, writesPerMinute } = config.rateLimits;
  if (Object.prototype.hasOwnProperty.call(perMinute, command)) return perMinute[command];
  return isCommandName(command) && COMMANDS[command].writes ? writesPerMinute : undefined;
}

/**
 * Count this call of `command` by `openid`; RATE_LIMITED (with `details.retryAfterMs`, until the next
 * minute) when it is over the command's limit. Commands without a limit cost nothing.
 */
export async function enforceRateLimit(
  ports: { readonly db: DatabasePort; readonly clock: Clock },
  openid: string,
  command: string,
  config: PlatformConfig,
): Promise<void> {
  const limit = rateLimitOf(config, command);
  if (limit === undefined) return;
  await enforceLimit(ports, openid, command, limit);
}

/**
 * Count one call of `name` by `caller` (an openid, or another key such as a console sign-in's `ip:<address>`)
 * against `limit` per minute; RATE_LIMITED (with `details.retryAfterMs`) past it.
 */
export async function enforceLimit(
  ports: { readonly db: DatabasePort; readonly clock: Clock },
  caller: string,
  name: string,
  limit: number,
): Promise<void> {
  const now = ports.clock.now();
  const minute = Math.floor(now / MINUTE_MS);
  const count = await countCall(ports.db, caller, minute, rateLimitKey(name), now);
  if (count > limit) {
    throw rateLimitError('RATE_LIMITED', {
      command: name,
      limitPerMinute: limit,
      retryAfterMs: (minute + 1) * MINUTE_MS - now,
    });
  }
}

/** Add one call to the user's minute and answer the count it reached (at least this call's place). */
async function countCall(
  db: DatabasePort,
  openid: string,
  minute: number,
  key: string,
  now: number,
): Promise<number> {
  const id = rateLimitCounterId(openid, minute);
  const field = `counts.${key}`;
  if (!(await db.update(COLLECTIONS.rateLimitCounters, id, { [field]: db.command.inc(1) }))) {
    const first: RateLimitCounter = { _id: id, openid, minute, counts: { [key]: 1 }, createdAt: now };
    if (await db.insert(COLLECTIONS.rateLimitCounters, first)) return 1;
    // Another call of this minute created it in between: count on it.
    await db.update(COLLECTIONS.rateLimitCounters, id, { [field]: db.command.inc(1) });
  }
  const counter = await db.get<RateLimitCounter>(COLLECTIONS.rateLimitCounters, id);
  return counter?.counts[key] ?? 1;
}
