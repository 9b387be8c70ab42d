/** The provider choice list: ranked cards with price, stars, reach and the score explained. */
import type { MatchedItem, MatchedProvider } from 'weimin-core';
import {
  itemNotice,
  toProviderCard,
  toProviderChoices,
  toScorePart,
} from '../../../miniprogram/view-models/provider-choice.view-model';
import { matchReply, provider as matched } from '../pages/support/replies';

function provider(overrides: Partial<MatchedProvider> = {}): MatchedProvider {
  return matched({
    providerId: 'p1',
    price: { free: false, feeFen: 1200, marketPriceFen: 3000, unit: '', text: '¥12.00（市场价 ¥30.00）' },
    reputation: 86.54,
    distance: 0,
    foundAt: 'grid',
    scoreParts: [],
    ...overrides,
  });
}

function item(providers: MatchedProvider[], gap = false): MatchedItem {
  return {
    itemId: 'i1',
    itemName: '家电维修',
    searchedLevel: 'community',
    widened: providers.some((p) => p.widened),
    gap,
    providers,
  };
}

describe('provider cards', () => {
  it('should show price, market price, stars, reputation and reach', () => {
    expect(toProviderCard(provider())).toMatchObject({
      rank: 1,
      price: '¥12.00',
      marketPrice: '¥30.00',
      stars: '★★★★☆',
      starsLabel: '4 星',
      reputation: '86.5',
      reach: '本小区',
      widened: false,
      open: false,
    });
  });

  it('should not bury a newcomer: it says 新入驻 instead of a low star count', () => {
    expect(toProviderCard(provider({ rank: 3, newcomer: true, starLevel: 3 }))).toMatchObject({
      rank: 3,
      newcomer: true,
      starsLabel: '新入驻，评价较少',
    });
  });

  it('should explain each part of the score with its points and its weight', () => {
    expect(
      toScorePart({
        key: 'rating',
        label: '居民评价',
        value: 0.9,
        weight: 60,
        points: 54,
        explanation: '平均 4.6 星',
      }),
    ).toEqual({
      key: 'rating',
      label: '居民评价',
      points: '+54.0 分',
      weight: '满分 60 分',
      explanation: '平均 4.6 星',
    });
    expect(
      toScorePart({
        key: 'complaints',
        label: '投诉',
        value: 1,
        weight: -10,
        points: -2.5,
        explanation: '1 次投诉属实',
      }),
    ).toMatchObject({ points: '-2.5 分', weight: '最多扣 10 分' });
    expect(
      toScorePart({ key: 'complaints', label: '投诉', value: 0, weight: -10, points: 0, explanation: '' }),
    ).toMatchObject({ points: '+0.0 分' });
  });
});

describe('item notices', () => {
  it.each([
    ['three nearby providers', item([provider(), provider(), provider()]), ''],
    [
      'widened search',
      item([provider(), provider(), provider({ widened: true, distance: 2 })]),
      '本社区服务机构不足，已为您扩大范围查找',
    ],
    [
      'a gap',
      item([provider(), provider()], true),
      '仅找到 2 家服务机构，我们已记录您的需求，社区将尽快补充',
    ],
    ['nobody', item([], true), '附近暂无提供该服务的机构，我们已记录您的需求，社区将尽快协调'],
  ])('should tell the resident about %s', (_case, it, notice) => {
    expect(itemNotice(it)).toBe(notice);
  });
});

describe('choices', () => {
  it('should keep the ranking order of the function and start with nothing chosen', () => {
    const view = toProviderChoices({
      ...matchReply(),
      items: [item([provider({ providerId: 'a' }), provider({ rank: 2, providerId: 'b' })])],
    });
    expect(view[0]!.providers.map((p) => [p.rank, p.providerId])).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
    expect(view[0]).toMatchObject({ chosenId: '', orderId: '' });
  });
});
