/** Orders for lists and details: statuses, the timeline in Shanghai time, the buttons the caller may use. */
import type { OrderDetailReply } from '../../../miniprogram/services/orders/orders.service';
import { toOrderDetail, toOrderRow, toTimeline } from '../../../miniprogram/view-models/order.view-model';

const T0 = Date.UTC(2026, 10, 29, 6, 30); // 14:30 in Shanghai

function detail(
  overrides: Partial<OrderDetailReply['order']> = {},
  actions: string[] = [],
): OrderDetailReply {
  return {
    order: {
      _id: 'o1',
      status: 'created',
      itemName: '家电维修',
      providerName: '邻里家电维修',
      price: { free: true },
      residentName: '李阿姨',
      residentPhone: '138****1234',
      serviceAddress: null,
      serviceAddressHidden: false,
      note: '',
      createdAt: T0,
      acceptDeadline: T0 + 2 * 3_600_000,
      ...overrides,
    },
    timeline: [],
    actions,
  };
}

describe('order rows', () => {
  it('should show the Chinese status and the Shanghai time', () => {
    expect(
      toOrderRow(
        { _id: 'o1', status: 'accepted', itemName: '家电维修', providerName: '邻里', createdAt: T0 },
        T0,
      ),
    ).toEqual({
      id: 'o1',
      itemName: '家电维修',
      providerName: '邻里',
      status: 'accepted',
      statusLabel: '已接单',
      statusTheme: 'primary',
      createdAt: '11-29 14:30',
    });
  });
});

describe('timeline', () => {
  it('should list the steps oldest first with who acted and why', () => {
    expect(
      toTimeline([
        {
          at: T0 + 60_000,
          from: 'created',
          to: 'declined',
          actorRole: 'provider_staff',
          reason: '师傅已排满',
        },
        { at: T0, from: null, to: 'created', actorRole: 'resident' },
      ]),
    ).toEqual([
      { title: '提交订单', content: '2026-11-29 14:30 · 居民' },
      { title: '服务机构拒单', content: '2026-11-29 14:31 · 服务机构人员\n原因：师傅已排满' },
    ]);
  });
});

describe('order detail', () => {
  it('should offer only the actions the function allows', () => {
    const view = toOrderDetail(detail({}, ['order.cancel']));
    expect(view).toMatchObject({ canCancel: true, canRate: false, canAccept: false, canFinish: false });
    expect(toOrderDetail(detail({ status: 'done' }, ['order.rate', 'order.follow_up']))).toMatchObject({
      canCancel: false,
      canRate: true,
      canFollowUp: true,
    });
  });

  it('should say when the provider must answer while the order waits', () => {
    expect(toOrderDetail(detail()).deadline).toBe('服务机构需在 2026-11-29 16:30 前答复');
    expect(toOrderDetail(detail({ status: 'accepted' })).deadline).toBe('');
  });

  it('should let the phone be called only when it arrives unmasked', () => {
    expect(toOrderDetail(detail()).canCall).toBe(false);
    expect(toOrderDetail(detail({ residentPhone: '13812341234' })).canCall).toBe(true);
    expect(toOrderDetail(detail({ residentPhone: null }))).toMatchObject({
      canCall: false,
      residentPhone: '未留电话',
    });
  });

  it('should show the service address, say when a hidden one becomes visible, and leave out none', () => {
    expect(toOrderDetail(detail({ serviceAddress: '3 栋 2 单元 501' })).serviceAddress).toBe(
      '3 栋 2 单元 501',
    );
    expect(toOrderDetail(detail({ serviceAddressHidden: true })).serviceAddress).toBe('接单后可见');
    expect(toOrderDetail(detail({ status: 'closed', serviceAddressHidden: true })).serviceAddress).toBe(
      '服务结束后不再显示',
    );
    expect(toOrderDetail(detail()).serviceAddress).toBe('');
  });

  it('should say why a masked phone is masked: not yet accepted, or the job has ended', () => {
    expect(toOrderDetail(detail()).phoneHint).toBe('接单后可见完整号码');
    expect(toOrderDetail(detail({ status: 'cancelled' })).phoneHint).toBe('服务结束后不再显示完整号码');
    expect(toOrderDetail(detail({ status: 'accepted', residentPhone: '13812341234' })).phoneHint).toBe('');
  });

  it('should show a given rating as stars', () => {
    expect(toOrderDetail(detail({ status: 'rated', rating: { stars: 3, text: '一般' } }))).toMatchObject({
      ratingStars: '★★★☆☆',
      ratingText: '一般',
    });
  });
});
