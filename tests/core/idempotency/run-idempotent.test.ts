/**
 * A retried command never runs twice: replays return the first result; a reused request id with another
 * command or payload is refused.
 */
import {
  idempotencyKey,
  runIdempotent,
  runIdempotentDetailed,
} from '../../../core/idempotency/run-idempotent';
import { canonicalJson, requestFingerprint } from '../../../core/idempotency/request.fingerprint';
import { DomainError } from '../../../core/kernel/errors';
import { MemoryIdempotencyStore } from './memory-idempotency.store';

const NOW = Date.UTC(2024, 4, 1);
const request = {
  actorOpenid: 'o-resident-1',
  command: 'order.create',
  clientRequestId: 'req-0001-abcd',
  payload: { clientRequestId: 'req-0001-abcd', matchId: 'm1', itemId: 'i1', providerId: 'p1', note: '' },
  now: NOW,
};

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).message).toMatch(/[\u4e00-\u9fa5]/);
    return (e as DomainError).code;
  }
  return 'none';
}

describe('runIdempotent', () => {
  test('the first call runs the command and stores its result', async () => {
    const store = new MemoryIdempotencyStore();
    const fn = jest.fn(async () => ({ orderId: 'order-1' }));
    expect(await runIdempotentDetailed(store, request, fn)).toEqual({
      result: { orderId: 'order-1' },
      replayed: false,
    });
    expect(fn).toHaveBeenCalledTimes(1);
    const stored = await store.get(idempotencyKey(request.actorOpenid, request.clientRequestId));
    expect(stored).toMatchObject({
      actorOpenid: 'o-resident-1',
      command: 'order.create',
      result: { orderId: 'order-1' },
      at: NOW,
    });
  });

  test('a replay returns the first result and does not run the command again', async () => {
    const store = new MemoryIdempotencyStore();
    let n = 0;
    const fn = jest.fn(async () => ({ orderId: `order-${++n}` }));
    const first = await runIdempotent(store, request, fn);
    const second = await runIdempotentDetailed(store, request, fn);
    const third = await runIdempotent(store, { ...request, payload: { ...request.payload } }, fn);
    expect(first).toEqual({ orderId: 'order-1' });
    expect(second).toEqual({ result: { orderId: 'order-1' }, replayed: true });
    expect(third).toEqual({ orderId: 'order-1' });
    expect(fn).toHaveBeenCalledTimes(1);
    expect(store.records.size).toBe(1);
  });

  test('key order in the payload does not matter; the request id inside it does not either', async () => {
    const store = new MemoryIdempotencyStore();
    await runIdempotent(store, request, async () => 'ok');
    const reordered = { note: '', providerId: 'p1', itemId: 'i1', matchId: 'm1' };
    const fn = jest.fn(async () => 'again');
    expect(await runIdempotent(store, { ...request, payload: reordered }, fn)).toBe('ok');
    expect(fn).not.toHaveBeenCalled();
  });

  test('the same request id with another payload is refused', async () => {
    const store = new MemoryIdempotencyStore();
    await runIdempotent(store, request, async () => 'ok');
    const fn = jest.fn(async () => 'no');
    const other = { ...request, payload: { ...request.payload, providerId: 'p2' } };
    expect(await codeOf(runIdempotent(store, other, fn))).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(fn).not.toHaveBeenCalled();
  });

  test('the same request id with another command is refused', async () => {
    const store = new MemoryIdempotencyStore();
    await runIdempotent(store, request, async () => 'ok');
    const fn = jest.fn(async () => 'no');
    expect(await codeOf(runIdempotent(store, { ...request, command: 'order.cancel' }, fn))).toBe(
      'IDEMPOTENCY_KEY_REUSED',
    );
    expect(fn).not.toHaveBeenCalled();
  });

  test('request ids are per user: another user’s identical id runs separately', async () => {
    const store = new MemoryIdempotencyStore();
    await runIdempotent(store, request, async () => 'first user');
    expect(
      await runIdempotent(store, { ...request, actorOpenid: 'o-resident-2' }, async () => 'second user'),
    ).toBe('second user');
    expect(store.records.size).toBe(2);
  });

  test('a failed command stores nothing, so the retry runs it', async () => {
    const store = new MemoryIdempotencyStore();
    const failing = jest.fn(async () => {
      throw new DomainError('ORDER_ILLEGAL_TRANSITION', '订单状态已变化');
    });
    expect(await codeOf(runIdempotent(store, request, failing))).toBe('ORDER_ILLEGAL_TRANSITION');
    expect(store.records.size).toBe(0);
    expect(await runIdempotent(store, request, async () => 'second try')).toBe('second try');
  });

  test('a concurrent duplicate that loses the race is told to retry, and the retry replays', async () => {
    const store = new MemoryIdempotencyStore();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = runIdempotent(store, request, async () => {
      await gate;
      return 'slow';
    });
    const fast = runIdempotent(store, request, async () => 'fast');
    expect(await fast).toBe('fast');
    release();
    // The adapter writes the key in the command's transaction, so this error rolls the loser's writes back.
    expect(await codeOf(slow)).toBe('IDEMPOTENCY_CONFLICT');
    expect(await runIdempotent(store, request, async () => 'never')).toBe('fast');
  });

  test('a concurrent request with the same id but another payload is refused, not told to retry', async () => {
    const store = new MemoryIdempotencyStore();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = runIdempotent(store, { ...request, payload: { other: 1 } }, async () => {
      await gate;
      return 'slow';
    });
    await runIdempotent(store, request, async () => 'fast');
    release();
    expect(await codeOf(slow)).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  test.each(['', 'short', 'x'.repeat(65), 'has space', '中文请求编号abc'])(
    'request id %p is refused as INVALID_INPUT',
    async (id) => {
      const store = new MemoryIdempotencyStore();
      const fn = jest.fn(async () => 'no');
      expect(await codeOf(runIdempotent(store, { ...request, clientRequestId: id }, fn))).toBe(
        'INVALID_INPUT',
      );
      expect(fn).not.toHaveBeenCalled();
      expect(store.gets).toBe(0);
    },
  );

  test('synchronous commands work too, and a missing now is stored as null', async () => {
    const store = new MemoryIdempotencyStore();
    const { now: _now, ...withoutNow } = request;
    expect(await runIdempotent(store, withoutNow, () => 42)).toBe(42);
    expect((await store.get(idempotencyKey(request.actorOpenid, request.clientRequestId)))?.at).toBeNull();
  });
});

describe('request fingerprint', () => {
  test('canonical JSON sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: undefined }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"z":1}]},"b":1}',
    );
    expect(canonicalJson([undefined, 'x'])).toBe('[null,"x"]');
    expect(canonicalJson(undefined)).toBe('null');
  });

  test('equal commands share a fingerprint; any difference changes it', () => {
    const a = requestFingerprint('order.rate', { orderId: 'o1', stars: 5, text: '好' });
    expect(
      requestFingerprint('order.rate', { text: '好', stars: 5, orderId: 'o1', clientRequestId: 'zzz' }),
    ).toBe(a);
    expect(requestFingerprint('order.rate', { orderId: 'o1', stars: 4, text: '好' })).not.toBe(a);
    expect(requestFingerprint('order.rate', { orderId: 'o1', stars: '5', text: '好' })).not.toBe(a);
    expect(requestFingerprint('order.cancel', { orderId: 'o1', stars: 5, text: '好' })).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]+-[0-9a-f]+$/);
  });
});
