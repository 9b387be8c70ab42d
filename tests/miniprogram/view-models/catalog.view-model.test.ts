/** The home page's catalog view, from every page of catalog.list. */
import type { CatalogListReply } from 'weimin-core';
import { tickedItemIds, toCatalogView } from '../../../miniprogram/view-models/catalog.view-model';

type Category = CatalogListReply['categories'][number];

const item = (id: string, available = true) => ({ _id: id, name: id, description: `${id} 说明`, available });

/** catalog.list's reply: these categories, on one page. */
const catalog = (...categories: Category[]): CatalogListReply => ({
  categories,
  page: 1,
  pageSize: 50,
  hasMore: false,
});

describe('catalog view', () => {
  it('should put the case study’s three categories first, in its order, then the others', () => {
    const view = toCatalogView([
      catalog(
        { _id: 'c-health', name: '医疗保健', items: [item('i1')] },
        { _id: 'c-conv', name: '便民服务', items: [item('i2')] },
        { _id: 'c-house', name: '家政服务', items: [item('i3')] },
        { _id: 'c-child', name: '托育托管', items: [item('i4')] },
        { _id: 'c-leisure', name: '休闲活动', items: [item('i5')] },
      ),
    ]);
    expect(view.map((c) => c.name)).toEqual(['家政服务', '休闲活动', '便民服务', '医疗保健', '托育托管']);
  });

  it('should drop empty categories', () => {
    expect(toCatalogView([catalog({ _id: 'c', name: '家政服务', items: [] })])).toEqual([]);
  });

  it('should say why an item cannot be ticked here', () => {
    const [category] = toCatalogView([
      catalog({ _id: 'c', name: '家政服务', items: [item('a'), item('b', false)] }),
    ]);
    expect(category!.items).toEqual([
      { id: 'a', name: 'a', note: 'a 说明', available: true },
      { id: 'b', name: 'b', note: '您所在的社区暂未开放', available: false },
    ]);
  });

  it('should join a category split across pages into one, in page order, each item once', () => {
    const view = toCatalogView([
      catalog({ _id: 'c-house', name: '家政服务', items: [item('a'), item('b')] }),
      catalog(
        { _id: 'c-house', name: '家政服务', items: [item('b'), item('c')] },
        { _id: 'c-conv', name: '便民服务', items: [item('d')] },
      ),
    ]);
    expect(view.map((c) => [c.name, c.items.map((i) => i.id)])).toEqual([
      ['家政服务', ['a', 'b', 'c']],
      ['便民服务', ['d']],
    ]);
  });

  it('should list the ticked items in the order they were ticked', () => {
    expect(tickedItemIds({ b: true, a: true, c: false })).toEqual(['b', 'a']);
  });
});
