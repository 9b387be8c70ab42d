/** Idempotency keys: well-formed, new per intent, kept while an attempt's outcome is unknown. */
import { newRequestId, RequestIdBook } from '../../../miniprogram/services/request-id';

describe('request ids', () => {
  it('should satisfy the functions’ clientRequestId format', () => {
    for (let i = 0; i < 200; i += 1) expect(newRequestId()).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });

  it('should differ between calls even in the same millisecond', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newRequestId(1_700_000_000_000)));
    expect(ids.size).toBe(1000);
  });

  it('should be reproducible from its time and random source', () => {
    expect(newRequestId(0, () => 0)).toBe('r0000000000000');
  });

  it('should give a retry of the same intent the same id until the intent is settled', () => {
    let n = 0;
    const book = new RequestIdBook(() => `id-${(n += 1)}-padding`);
    expect(book.idFor('order.accept:o1')).toBe('id-1-padding');
    expect(book.idFor('order.accept:o1')).toBe('id-1-padding');
    expect(book.idFor('order.accept:o2')).toBe('id-2-padding');
    book.settle('order.accept:o1');
    expect(book.idFor('order.accept:o1')).toBe('id-3-padding');
  });
});
