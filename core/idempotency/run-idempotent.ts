/**
 * `runIdempotent(store, request, fn)`: run a writing command at most once per (actor, clientRequestId).
 * A replay (same actor, same request id, same command and payload) returns the first result without
 * calling `fn`; the same request id with another command or payload is refused. Failed attempts store
 * nothing, so the client may retry them with the same id.
 */
import { DomainError } from '../kernel/errors';
import type { IdempotencyRecord, IdempotencyStore } from './idempotency.port';
import { requestFingerprint } from './request.fingerprint';

export const IDEMPOTENCY_ERROR_CODES = {
  /** The request id was used before for a different command or payload. */
  keyReused: 'IDEMPOTENCY_KEY_REUSED',
  /** A concurrent request with the same id completed first; retrying replays its result. */
  conflict: 'IDEMPOTENCY_CONFLICT',
  /** The request id is missing or malformed. */
  invalidKey: 'INVALID_INPUT',
} as const;

export interface IdempotentRequest {
  readonly actorOpenid: string;
  /** The command name (see COMMANDS in core/schemas). */
  readonly command: string;
  readonly clientRequestId: string;
  /** The validated command input; part of the fingerprint (its `clientRequestId` is ignored). */
  readonly payload?: unknown;
  /** When the command runs (clock.now()); stored with the result. */
  readonly now?: number;
}

export interface IdempotentOutcome<R> {
  readonly result: R;
  /** True when the result is the stored one of an earlier identical request. */
  readonly replayed: boolean;
}

const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** The store key: one namespace per user, so one user's ids never collide with another's. */
export function idempotencyKey(actorOpenid: string, clientRequestId: string): string {
  return `${actorOpenid}:${clientRequestId}`;
}

function checkReplay<R>(record: IdempotencyRecord, request: IdempotentRequest, fingerprint: string): R {
  if (record.command !== request.command || record.fingerprint !== fingerprint) {
    throw new DomainError(IDEMPOTENCY_ERROR_CODES.keyReused, '该请求编号已用于另一项操作，请刷新页面后重试', {
      clientRequestId: request.clientRequestId,
      command: request.command,
      firstCommand: record.command,
    });
  }
  return record.result as R;
}

export async function runIdempotentDetailed<R>(
  store: IdempotencyStore,
  request: IdempotentRequest,
  fn: () => Promise<R> | R,
): Promise<IdempotentOutcome<R>> {
  if (typeof request.clientRequestId !== 'string' || !REQUEST_ID.test(request.clientRequestId)) {
    throw new DomainError(
      IDEMPOTENCY_ERROR_CODES.invalidKey,
      '请求编号应为 8 到 64 个字母、数字、下划线或短横线',
      {
        issues: [{ path: 'clientRequestId', message: '请求编号应为 8 到 64 个字母、数字、下划线或短横线' }],
      },
    );
  }
  const key = idempotencyKey(request.actorOpenid, request.clientRequestId);
  const fingerprint = requestFingerprint(request.command, request.payload ?? null);

  const existing = await store.get(key);
  if (existing !== null) return { result: checkReplay<R>(existing, request, fingerprint), replayed: true };

  const result = await fn();
  const record: IdempotencyRecord<R> = {
    key,
    actorOpenid: request.actorOpenid,
    command: request.command,
    fingerprint,
    result,
    at: request.now ?? null,
  };
  if (!(await store.put(key, record))) {
    const winner = await store.get(key);
    if (winner !== null) checkReplay<R>(winner, request, fingerprint);
    throw new DomainError(IDEMPOTENCY_ERROR_CODES.conflict, '相同的请求正在处理，请稍后重试', {
      clientRequestId: request.clientRequestId,
      command: request.command,
    });
  }
  return { result, replayed: false };
}

/** Run once; a replay returns the first result. */
export async function runIdempotent<R>(
  store: IdempotencyStore,
  request: IdempotentRequest,
  fn: () => Promise<R> | R,
): Promise<R> {
  return (await runIdempotentDetailed(store, request, fn)).result;
}
