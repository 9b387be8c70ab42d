/**
 * The provider offered next after a decline or an expiry (order.detail's `nextOffer`): what the resident
 * sees of it, and the order.create one tap sends.
 */
import type { OrderDetailResult } from 'weimin-core';
import { nextOfferOrder, toNextOffer } from '../../../miniprogram/view-models/next-offer.view-model';
import { asStaff, candidate, orderDetail } from '../pages/support/replies';

function declined(overrides: Partial<OrderDetailResult> = {}): OrderDetailResult {
  return {
    ...orderDetail({ status: 'declined', acceptBy: null, serviceAddress: '3 栋 2 单元 501' }),
    nextOffer: candidate(),
    ...overrides,
  };
}

describe('the provider offered next', () => {
  it('should show its name, price beside the market price, stars, reputation and reach', () => {
    expect(toNextOffer(declined())).toEqual({
      providerName: '东门社区志愿维修队',
      free: false,
      price: '¥8.00',
      unit: '/次',
      marketPrice: '¥25.00',
      stars: '★★★★★',
      starsLabel: '5 星',
      reputation: '91.2',
      reach: '本社区',
      canOrder: true,
    });
  });

  it('should say 免费 for a free offering, and where a widened search found it', () => {
    const offer = candidate({ pricing: { kind: 'free' }, foundAt: 'street', starLevel: 3 });
    expect(toNextOffer(declined({ nextOffer: offer }))).toMatchObject({
      free: true,
      price: '免费',
      marketPrice: '',
      stars: '★★★☆☆',
      reach: '街道内',
    });
  });

  it('should show nothing when nobody is left, or to anyone but the order’s resident', () => {
    expect(toNextOffer(declined({ nextOffer: null }))).toBeNull();
    expect(toNextOffer(declined({ viewerRole: 'worker' }))).toBeNull();
    expect(toNextOffer({ ...asStaff(declined()), nextOffer: candidate() })).toBeNull();
  });

  it('should order from the same match and item, with the order’s address and note', () => {
    expect(nextOfferOrder(declined())).toEqual({
      matchId: 'match-1',
      itemId: 'item-appliance-repair',
      providerId: 'prov-2',
      serviceAddress: '3 栋 2 单元 501',
      note: '下午在家',
    });
    const noAddress = declined();
    expect(
      nextOfferOrder({ ...noAddress, order: { ...noAddress.order, serviceAddress: null } })?.serviceAddress,
    ).toBe('');
  });

  it('should not offer the tap for an order made without a match', () => {
    const reply = declined();
    const unmatched = { ...reply, order: { ...reply.order, matchId: null } };
    expect(toNextOffer(unmatched)?.canOrder).toBe(false);
    expect(nextOfferOrder(unmatched)).toBeNull();
    expect(nextOfferOrder(declined({ nextOffer: null }))).toBeNull();
  });
});
