/**
 * What the runtime refuses before it takes an instance: an event CloudBase would not accept, or one that
 * could not even be handed to a worker thread (structured clone recurses once per level and throws
 * `RangeError: Maximum call stack size exceeded` somewhere past a few thousand levels).
 *
 * - Size: 6 MB of JSON, SCF's limit for a synchronous invocation's event (CloudBase answers
 *   `EXCEED_MAX_PAYLOAD_SIZE`).
 * - Nesting: 64 levels of objects and arrays. CloudBase documents no depth limit of its own; 64 is far above
 *   what any command here sends (under 10) and below the 100 levels a MongoDB/CloudBase document may nest,
 *   so an accepted event can still be stored, and it keeps every recursive walk of the event (clone,
 *   JSON.stringify, EJSON, mingo) nowhere near the stack's limit.
 */
import { CloudError, CloudErrorCode, invalidParam } from '../protocol/cloud-error';

export const MAX_SYNC_EVENT_BYTES = 6 * 1024 * 1024;
export const MAX_EVENT_DEPTH = 64;

/** Whether objects and arrays nest deeper than `limit` in `value`; iterative, so no depth can overflow it. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<{ v: object; depth: number }> = [];
  if (value !== null && typeof value === 'object') stack.push({ v: value, depth: 1 });
  while (stack.length > 0) {
    const { v, depth } = stack.pop()!;
    if (depth > limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (child !== null && typeof child === 'object') stack.push({ v: child as object, depth: depth + 1 });
    }
  }
  return false;
}

/** Throws the coded error CloudBase's shape calls for when `event` may not be sent to function `name`. */
export function checkEvent(name: string, event: unknown): void {
  if (nestsDeeperThan(event, MAX_EVENT_DEPTH)) {
    throw invalidParam(
      `云函数 ${name} 的事件嵌套超过 ${MAX_EVENT_DEPTH} 层(event nested deeper than ${MAX_EVENT_DEPTH} levels)`,
    );
  }
  let text: string | undefined;
  try {
    text = JSON.stringify(event);
  } catch (e) {
    throw invalidParam(
      `云函数 ${name} 的事件无法序列化为 JSON:${e instanceof Error ? e.message : String(e)}`,
    );
  }
  const bytes = text === undefined ? 0 : Buffer.byteLength(text);
  if (bytes > MAX_SYNC_EVENT_BYTES) {
    throw new CloudError(
      CloudErrorCode.PayloadTooLarge,
      `云函数 ${name} 的事件过大:${(bytes / 1024 / 1024).toFixed(1)} MB,同步调用上限 6 MB` +
        '(request body size exceeds the limit of 6 MB)',
    );
  }
}
