/** Order replies as the core's use cases send them (docs/functions.md), read once into the view's shapes. */
import {
  readOrderDetail,
  readOrderList,
  type OrderWire,
} from '../../../miniprogram/services/orders/orders.wire';

const order: OrderWire = {
  orderId: 'o1',
  status: 'done',
  itemName: '家电维修',
  providerName: '邻里家电维修',
  residentName: '李阿姨',
  residentPhone: '138****1234',
  serviceAddress: null,
  serviceAddressHidden: true,
  price: { free: true },
  note: '',
  createdAt: 1,
  acceptBy: null,
  followUpDueAt: null,
};

const base = {
  status: 'done',
  itemName: '家电维修',
  providerName: '邻里家电维修',
  price: { free: true as const },
  residentName: '李阿姨',
  residentPhone: '138****1234',
  serviceAddress: null,
  serviceAddressHidden: true,
  note: '',
  createdAt: 1,
};

describe('order replies', () => {
  it('should read the order with its deadlines and the rating beside it', () => {
    const reply = readOrderDetail({
      order: { ...order, acceptBy: 5, followUpDueAt: 9 },
      timeline: [{ at: 1, from: null, to: 'created', actorRole: 'resident', reason: null }],
      rating: { stars: 4, text: '好', createdAt: 8 },
      actions: ['order.rate'],
    });
    expect(reply.order).toEqual({
      ...base,
      _id: 'o1',
      acceptDeadline: 5,
      followUpDueAt: 9,
      rating: { stars: 4, text: '好' },
    });
    expect(reply.timeline).toEqual([{ at: 1, from: null, to: 'created', actorRole: 'resident' }]);
    expect(reply.actions).toEqual(['order.rate']);
  });

  it('should leave out what is null: no deadline, no rating, no reason; hidden rating text reads as empty', () => {
    const reply = readOrderDetail({
      order,
      timeline: [{ at: 1, from: 'created', to: 'declined', actorRole: 'provider_staff', reason: null }],
      rating: null,
      actions: [],
    });
    expect(reply.order).toEqual({ ...base, _id: 'o1' });
    expect(reply.timeline[0]).not.toHaveProperty('reason');
    expect(
      readOrderDetail({ order, timeline: [], rating: { stars: 3, text: null, createdAt: 8 }, actions: [] })
        .order.rating,
    ).toEqual({ stars: 3, text: '' });
  });

  it('should read list items by their orderId', () => {
    const item = {
      status: 'created',
      itemName: 'x',
      providerName: 'y',
      residentName: 'z',
      price: { free: true as const },
      createdAt: 1,
      acceptBy: 2,
      stars: null,
    };
    const list = readOrderList({
      items: [
        { ...item, orderId: 'a' },
        { ...item, orderId: 'b' },
      ],
      total: 2,
      page: 1,
      pageSize: 20,
      hasMore: false,
    });
    expect(list).toEqual({
      total: 2,
      items: [
        { _id: 'a', status: 'created', itemName: 'x', providerName: 'y', createdAt: 1 },
        { _id: 'b', status: 'created', itemName: 'x', providerName: 'y', createdAt: 1 },
      ],
    });
    const jobs = readOrderList({
      items: [],
      total: 0,
      page: 1,
      pageSize: 20,
      hasMore: false,
      staff: { providerId: 'p1', position: 'manager' },
    });
    expect(jobs).toEqual({ total: 0, items: [], staff: { providerId: 'p1', position: 'manager' } });
  });
});
