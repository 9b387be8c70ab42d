/** Long lists append a page at a time by index; lists shown whole are read to their last page. */
import { appendPatch, hasMoreRows, readAllPages } from '../../../miniprogram/utils/paging';

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

  it('should read a list shown whole to its last page, in order', async () => {
    const asked: number[] = [];
    const pages = await readAllPages(async (page) => {
      asked.push(page);
      return { page, hasMore: page < 3 };
    });
    expect(asked).toEqual([1, 2, 3]);
    expect(pages.map((p) => p.page)).toEqual([1, 2, 3]);
  });

  it('should stop at the guard when a server never says the list ends', async () => {
    const pages = await readAllPages(async (page) => ({ page, hasMore: true }), 4);
    expect(pages).toHaveLength(4);
  });
});
