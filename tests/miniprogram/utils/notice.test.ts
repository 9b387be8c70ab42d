/** Notices that stay: the kind said in a mark and a word, and notices left for the page the user lands on. */
import { ServiceError } from '../../../miniprogram/services/service-error';
import {
  leaveNotice,
  noticeView,
  showFailure,
  showNotice,
  takeNotice,
  type NoticeView,
} from '../../../miniprogram/utils/notice';

describe('notices', () => {
  it.each([
    ['success', '✓', '已完成'],
    ['error', '✕', '没有成功'],
    ['warning', '!', '请注意'],
    ['info', 'i', '提示'],
  ] as const)('should say a %s notice in a mark and a word, not by colour alone', (kind, mark, label) => {
    expect(noticeView({ text: '好', kind })).toEqual({ text: '好', kind, mark, label });
  });

  it('should show a notice, and a failure in its Chinese message, on the page', () => {
    let notice: NoticeView | null = null;
    const page = { setData: (d: { notice: NoticeView | null }) => void (notice = d.notice) };
    showNotice(page, '已保存称呼');
    expect(notice).toMatchObject({ text: '已保存称呼', kind: 'success' });
    showFailure(page, new ServiceError('ORDER_ALREADY_OPEN', '该服务项目已有进行中的订单'));
    expect(notice).toMatchObject({ text: '该服务项目已有进行中的订单', kind: 'error' });
  });

  it('should keep a notice left for a page until that page takes it, once', () => {
    leaveNotice('/pages/orders/orders', '下单成功');
    expect(takeNotice('/pages/order-detail/order-detail')).toBeNull();
    expect(takeNotice('/pages/orders/orders')).toEqual({ text: '下单成功', kind: 'success' });
    expect(takeNotice('/pages/orders/orders')).toBeNull();
  });

  it('should keep the latest notice left for a page', () => {
    leaveNotice('/pages/order-detail/order-detail', '下单成功');
    leaveNotice('/pages/order-detail/order-detail', '感谢您的评价', 'info');
    expect(takeNotice('/pages/order-detail/order-detail')).toEqual({ text: '感谢您的评价', kind: 'info' });
  });
});
