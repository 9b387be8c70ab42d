/** Order replies read once, whichever spelling the functions use (docs/functions.md or the core's). */
import { readOrderDetail, readOrderList } from '../../../miniprogram/services/orders/orders.wire';

const base = {
  status: 'done',
  itemName: '家电维修',
  providerName: '邻里家电维修',
  price: { free: true as const },
  residentName: '李阿姨',
  residentPhone: '138****1234',
  note: '',
  createdAt: 1,
};

describe('order replies', () => {
  it('should read the documented shape as it is', () => {
    const reply = readOrderDetail({
      order: { ...base, _id: 'o1', address: '3 栋', acceptDeadline: 5, rating: { stars: 4, text: '好' } },
      timeline: [{ at: 1, from: null, to: 'created', actorRole: 'resident' }],
      actions: ['order.rate'],
    });
    expect(reply.order).toMatchObject({
      _id: 'o1',
      address: '3 栋',
      acceptDeadline: 5,
      rating: { stars: 4, text: '好' },
    });
    expect(reply.timeline).toEqual([{ at: 1, from: null, to: 'created', actorRole: 'resident' }]);
  });

  it('should read the core use case’s spelling into the same shape', () => {
    const reply = readOrderDetail({
      order: { ...base, orderId: 'o1', acceptBy: 5, followUpDueAt: null },
      timeline: [{ at: 1, from: 'created', to: 'declined', actorRole: 'provider_staff', reason: null }],
      actions: [],
      rating: { stars: 3, text: null },
    });
    expect(reply.order).toEqual({
      ...base,
      _id: 'o1',
      address: '',
      acceptDeadline: 5,
      rating: { stars: 3, text: '' },
    });
    expect(reply.timeline[0]).not.toHaveProperty('reason');
  });

  it('should read list items with either id name', () => {
    const item = { status: 'created', itemName: 'x', providerName: 'y', createdAt: 1 };
    expect(
      readOrderList({
        items: [
          { ...item, orderId: 'a' },
          { ...item, _id: 'b' },
        ],
        total: 2,
      }).items.map((o) => o._id),
    ).toEqual(['a', 'b']);
  });
});
