/**
 * 更正与申请 on its real WXML: the resident's requests with status, deadline and answer; a new request
 * checked as the function checks it, sent with its kind (a deletion when opened from 注销账号, about an
 * order when opened with one) and listed first once accepted.
 */
import type { PrivacyRequestView } from 'weimin-core';
import { fakeCloud } from '../support/fake-cloud';
import { change, find, loadPage, openPage, tapButton, textOf, noticeText } from '../support/page-harness';
import { T0 } from '../support/replies';

jest.mock(
  '../../../../miniprogram/services/cloud-api',
  () => jest.requireActual('../support/fake-cloud').cloudApiModule,
);

const DAY = 86_400_000;

const refused: PrivacyRequestView = {
  requestId: 'preq-1',
  kind: 'other',
  kindLabel: '其他个人信息事项',
  status: 'refused',
  statusLabel: '不予办理',
  content: '请删除我三年前的订单',
  orderId: null,
  createdAt: T0 - 30 * DAY,
  dueAt: T0 - 9 * DAY,
  overdue: false,
  decidedAt: T0 - 20 * DAY,
  reply: '订单记录需按规定保存三年',
};

const pendingLate: PrivacyRequestView = {
  ...refused,
  requestId: 'preq-2',
  kind: 'correction',
  kindLabel: '更正个人信息',
  status: 'pending',
  statusLabel: '处理中',
  content: '订单地址写错了',
  decidedAt: null,
  reply: null,
  overdue: true,
};

describe('更正与申请', () => {
  let pageId: string;

  beforeAll(() => {
    pageId = loadPage('packages/privacy/pages/requests/requests');
  });

  beforeEach(() => fakeCloud.reset());
  afterEach(() => expect(fakeCloud.unexpected).toEqual([]));

  it('should list the requests with their status, deadline and answer', async () => {
    fakeCloud.ok('profile', 'privacy.request.list', { items: [pendingLate, refused] });
    const page = await openPage(pageId);
    const late = textOf(find(page, '#request-preq-2'));
    expect(late).toContain('已超过答复期限');
    expect(late).toContain('前答复');
    const answered = textOf(find(page, '#request-preq-1'));
    expect(answered).toContain('不予办理');
    expect(answered).toContain('答复：订单记录需按规定保存三年');
  });

  it('should say why the list could not be read, keep the form, and read it again', async () => {
    fakeCloud.fail('profile', 'privacy.request.list', 'INTERNAL', '系统繁忙，请稍后重试');
    const page = await openPage(pageId);
    expect(textOf(find(page, '#state'))).toContain('系统繁忙，请稍后重试');
    expect(page.querySelector('#no-requests')).toBeUndefined();
    expect(find(page, '#submit')).toBeDefined();

    fakeCloud.ok('profile', 'privacy.request.list', { items: [refused] });
    await tapButton(find(page, '#state'), '#state-action');
    expect(textOf(find(page, '#request-preq-1'))).toContain('订单记录需按规定保存三年');
  });

  it('should check the content as the function does, then send the request and list it first', async () => {
    fakeCloud.ok('profile', 'privacy.request.list', { items: [refused] });
    fakeCloud.ok('profile', 'privacy.request.submit', (input: { kind: string; content: string }) => ({
      ...pendingLate,
      requestId: 'preq-3',
      overdue: false,
      kind: input.kind as PrivacyRequestView['kind'],
      content: input.content,
      dueAt: T0 + 21 * DAY,
    }));
    const page = await openPage(pageId);

    await change(page, '#content', { value: '改' });
    await tapButton(page, '#submit');
    expect(noticeText(page)).toBe('申请内容至少 5 个字');
    expect(fakeCloud.sent('privacy.request.submit')).toEqual([]);

    await change(page, '#kind', { value: 'other' });
    await change(page, '#content', { value: '请告诉我平台把我的电话给了谁' });
    await tapButton(page, '#submit');

    expect(fakeCloud.sent('privacy.request.submit')[0]!.input).toEqual({
      kind: 'other',
      content: '请告诉我平台把我的电话给了谁',
      clientRequestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
    });
    expect(noticeText(page)).toBe('已提交，工作人员将在 15 个工作日内答复');
    expect(textOf(find(page, '.request'))).toContain('请告诉我平台把我的电话给了谁');
  });

  it('should start as a deletion request about an order when opened so', async () => {
    fakeCloud.ok('profile', 'privacy.request.list', { items: [] });
    fakeCloud.ok('profile', 'privacy.request.submit', pendingLate);
    const page = await openPage(pageId, { kind: 'deletion', orderId: 'ord-1' });
    expect(find(page, '#kind-deletion').data['checked']).toBe(true);
    expect(textOf(find(page, '#no-requests'))).toBe('暂无申请。需要时在上面填写并提交。');
    await change(page, '#content', { value: '我还有订单没结束，请帮我注销' });
    await tapButton(page, '#submit');
    expect(fakeCloud.sent('privacy.request.submit')[0]!.input).toMatchObject({
      kind: 'deletion',
      orderId: 'ord-1',
    });
  });
});
