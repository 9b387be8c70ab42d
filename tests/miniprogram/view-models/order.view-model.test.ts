/**
 * Orders for lists and details, read once from the core's replies (order.list, order.detail): statuses,
 * deadlines, the timeline in Shanghai time, the rating, the buttons the caller may use.
 */
import type { OrderDetail, OrderDetailResult } from 'weimin-core';
import { toOrderDetail, toOrderRow, toTimeline } from '../../../miniprogram/view-models/order.view-model';
import { orderDetail, orderSummary, T0, timelineEntry } from '../pages/support/replies';

/** order.detail with this order (free, no address, no note) and these actions. */
function detail(overrides: Partial<OrderDetail> = {}, actions: OrderDetailResult['actions'] = []) {
  return orderDetail({ price: { free: true, text: '免费' }, note: '', ...overrides }, [...actions]);
}

describe('order rows', () => {
  it('should show the row by its orderId with the Chinese status and the Shanghai time', () => {
    expect(toOrderRow({ ...orderSummary(1, 'accepted'), providerName: '邻里', createdAt: T0 }, T0)).toEqual({
      id: 'order-1',
      itemName: '家庭保洁',
      providerName: '邻里',
      status: 'accepted',
      statusLabel: '已接单',
      statusTheme: 'primary',
      createdAt: '11-29 14:30',
      label: '家庭保洁，已接单，邻里，11-29 14:30',
    });
  });
});

describe('timeline', () => {
  it('should list the steps oldest first with who acted and why', () => {
    expect(
      toTimeline([
        { ...timelineEntry('declined', 1, 'provider_staff', '师傅已排满'), from: 'created' },
        timelineEntry('created', 0, 'resident'),
      ]),
    ).toEqual([
      { title: '提交订单', content: '2026-11-29 14:30 · 居民' },
      { title: '服务机构拒单', content: '2026-11-29 14:31 · 服务机构人员\n原因：师傅已排满' },
    ]);
  });

  it('should say no reason when the step has none (null) or an empty one', () => {
    const [declined, expired] = toTimeline([
      timelineEntry('declined', 1, 'provider_staff'),
      { ...timelineEntry('expired', 2, 'system'), reason: '' },
    ]);
    expect(declined!.content).toBe('2026-11-29 14:31 · 服务机构人员');
    expect(expired!.content).not.toContain('原因');
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

  it('should say when the provider must answer while the order waits, and nothing without a deadline', () => {
    expect(toOrderDetail(detail()).deadline).toBe('服务机构需在 2026-11-29 16:30 前答复');
    expect(toOrderDetail(detail({ acceptBy: null })).deadline).toBe('');
    expect(toOrderDetail(detail({ status: 'accepted' })).deadline).toBe('');
  });

  it('should say when the follow-up is due once the job is done', () => {
    const due = Date.UTC(2026, 11, 2, 2, 0);
    expect(toOrderDetail(detail({ status: 'done', followUpDueAt: due })).deadline).toBe(
      '回访截止 2026-12-02 10:00',
    );
    expect(toOrderDetail(detail({ status: 'done', followUpDueAt: null })).deadline).toBe('');
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

  it('should show a given rating as stars, sent beside the order', () => {
    const rated = orderDetail({ status: 'rated', rating: { stars: 3, text: '一般' } });
    // The stars are said in words beside them: not by the glyphs alone.
    expect(toOrderDetail(rated)).toMatchObject({
      ratingStars: '★★★☆☆',
      ratingLabel: '3 星',
      ratingText: '一般',
    });
    expect(toOrderDetail(detail({ status: 'rated' }))).toMatchObject({
      ratingStars: '',
      ratingLabel: '',
      ratingText: '',
    });
  });

  it('should show the stars of a rating whose text waits for review, and no text', () => {
    const held = { ...orderDetail({ status: 'rated' }), rating: { stars: 2, text: null, createdAt: T0 } };
    expect(toOrderDetail(held)).toMatchObject({ ratingStars: '★★☆☆☆', ratingText: '' });
  });
});
