/** Long lists append a page at a time by index. */
import { appendPatch, hasMoreRows } from '../../../miniprogram/utils/paging';

describe('paging', () => {
  it('should append rows after those already shown, by index', () => {
    expect(appendPatch('orders', 20, ['a', 'b'])).toEqual({ 'orders[20]': 'a', 'orders[21]': 'b' });
    expect(appendPatch('orders', 0, [])).toEqual({});
  });

  it.each([
    [0, 20, 45, true],
    [40, 5, 45, false],
    [20, 0, 45, false],
    [0, 3, 3, false],
  ])('after %i rows, %i more of %i total: more to load is %p', (before, received, total, more) => {
    expect(hasMoreRows(before, received, total)).toBe(more);
  });
});
