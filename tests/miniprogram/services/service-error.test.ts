/** Failures as the user reads them: the function's Chinese message, else one of ours. */
import { CallError } from '../../../miniprogram/services/cloud-api';
import {
  messageOf,
  ServiceError,
  toServiceError,
  userMessage,
} from '../../../miniprogram/services/service-error';

describe('user messages', () => {
  it('should show the function’s own Chinese message', () => {
    expect(userMessage('ORDER_ALREADY_RATED', '该订单已评价，每个订单只能评价一次')).toBe(
      '该订单已评价，每个订单只能评价一次',
    );
  });

  it.each([
    ['PERMISSION_DENIED', 'forbidden', '您没有权限进行此操作'],
    ['INTERNAL', undefined, '系统繁忙，请稍后重试'],
    ['CLOUD_-1', 'timeout', '网络繁忙，请稍后重试'],
    ['HTTP_502', undefined, '网络繁忙，请稍后重试'],
    ['SOMETHING_NEW', 'boom', '操作失败，请稍后重试'],
  ])('should never show English: %s', (code, message, shown) => {
    expect(userMessage(code, message)).toBe(shown);
  });

  it('should treat a call that did not come back as a transport failure', () => {
    const e = toServiceError(new CallError('NETWORK_ERROR', '无法连接本地云:request:fail'));
    expect(e).toBeInstanceOf(ServiceError);
    expect(e.transport).toBe(true);
    expect(e.code).toBe('NETWORK_ERROR');
  });

  it('should not leak a bug’s message to the user', () => {
    expect(messageOf(new TypeError('x is undefined'))).toBe('操作失败，请稍后重试');
  });
});
