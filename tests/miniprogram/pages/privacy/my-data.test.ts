/**
 * 我的个人信息 on its real WXML: the copy the platform holds (profile.export) section by section, long
 * sections a page at a time, what only this phone keeps (and clearing it), and 复制全部 through the privacy
 * guide: the popup first, nothing copied when declined, the whole copy as text when agreed.
 */
import type { ProfileExportReply } from 'weimin-core';
import { fakeCloud } from '../support/fake-cloud';
import {
  fakeStorage,
  find,
  loadPage,
  openPage,
  settle,
  tapButton,
  textOf,
  noticeText,
} from '../support/page-harness';
import { agreeIn, installPrivacyCheck } from '../support/privacy-check';
import { T0 } from '../support/replies';

jest.mock(
  '../../../../miniprogram/services/cloud-api',
  () => jest.requireActual('../support/fake-cloud').cloudApiModule,
);

const ADDRESS_KEY = 'weimin.lastServiceAddress';

function order(i: number) {
  return {
    heading: `家电维修（2025-03-${String(10 - (i % 9)).padStart(2, '0')} 10:00）`,
    fields: [
      { label: '订单状态', value: '已关闭' },
      { label: '服务地址', value: `金港花园 ${i} 栋` },
    ],
  };
}

function copyWith(orders: number): ProfileExportReply {
  return {
    title: '为民红绳 · 我的个人信息',
    exportedAt: T0,
    sections: [
      {
        key: 'account',
        title: '账号信息',
        records: [
          {
            heading: '账号',
            fields: [
              { label: '称呼', value: '黄阿姨' },
              { label: '联系电话', value: '13907750001' },
            ],
          },
        ],
        note: null,
      },
      {
        key: 'orders',
        title: '服务订单',
        records: Array.from({ length: orders }, (_, i) => order(i + 1)),
        note: null,
      },
    ],
  };
}

describe('我的个人信息', () => {
  let pageId: string;
  const privacy = installPrivacyCheck();
  let storage: Map<string, unknown>;

  beforeAll(() => {
    pageId = loadPage('packages/privacy/pages/my-data/my-data');
  });

  beforeEach(() => {
    fakeCloud.reset();
    privacy.reset();
    storage = fakeStorage();
  });

  afterEach(() => {
    jest.restoreAllMocks();
    expect(fakeCloud.unexpected).toEqual([]);
  });

  it('should show every section with its records, the phone in full', async () => {
    fakeCloud.ok('profile', 'profile.export', copyWith(2));
    const page = await openPage(pageId);
    expect(fakeCloud.sent('profile.export')).toEqual([
      { name: 'profile', command: 'profile.export', input: {} },
    ]);
    expect(textOf(find(page, '#title'))).toBe('为民红绳 · 我的个人信息');
    expect(textOf(find(page, '#section-account'))).toContain('联系电话13907750001');
    expect(textOf(find(page, '#section-orders'))).toContain('金港花园 2 栋');
    expect(page.querySelector('#section-device')).toBeUndefined();
  });

  it('should say why the copy could not be read, and read it again on 重新读取', async () => {
    fakeCloud.fail('profile', 'profile.export', 'INTERNAL', '系统繁忙，请稍后重试');
    const page = await openPage(pageId);
    const failed = find(page, '#failed');
    expect(textOf(failed)).toContain('暂时无法读取您的信息');
    expect(textOf(failed)).toContain('系统繁忙，请稍后重试');
    expect(page.querySelector('#copy')).toBeUndefined();

    fakeCloud.ok('profile', 'profile.export', copyWith(1));
    await tapButton(failed, '#state-action');
    expect(textOf(find(page, '#title'))).toBe('为民红绳 · 我的个人信息');
  });

  it('should show a long section a page at a time', async () => {
    fakeCloud.ok('profile', 'profile.export', copyWith(45));
    const page = await openPage(pageId);
    const shown = () => (page.data['sections'] as { records: unknown[] }[])[1]!.records.length;
    expect(shown()).toBe(20);
    expect(textOf(find(page, '#more-orders'))).toBe('显示更多（还有 25 条）');
    await tapButton(page, '#more-orders');
    await tapButton(page, '#more-orders');
    expect(shown()).toBe(45);
    expect(page.querySelector('#more-orders')).toBeUndefined();
  });

  it('should add, and let the resident clear, the address kept on this phone only', async () => {
    storage.set(ADDRESS_KEY, '金港花园 3 栋 502');
    fakeCloud.ok('profile', 'profile.export', copyWith(1));
    const page = await openPage(pageId);
    expect(textOf(find(page, '#section-device'))).toContain('常用服务地址金港花园 3 栋 502');

    await tapButton(page, '#clear-device');
    await settle();
    expect(storage.has(ADDRESS_KEY)).toBe(false);
    expect(page.querySelector('#section-device')).toBeUndefined();
  });

  it('should copy nothing when the privacy guide is declined', async () => {
    fakeCloud.ok('profile', 'profile.export', copyWith(1));
    const copy = jest.spyOn(wx, 'setClipboardData');
    const page = await openPage(pageId);

    await tapButton(page, '#copy');
    expect(find(page, '#privacy').data['visible']).toBe(true);
    await tapButton(find(page, '#privacy'), '#privacy-disagree');

    expect(copy).not.toHaveBeenCalled();
    expect(noticeText(page)).toBe('需要您同意个人信息保护指引后才能复制');
  });

  it('should copy the whole copy as text once the privacy guide is agreed', async () => {
    fakeCloud.ok('profile', 'profile.export', copyWith(1));
    const copy = jest
      .spyOn(wx, 'setClipboardData')
      .mockImplementation((o: WechatMiniprogram.SetClipboardDataOption) => {
        o.success?.({ errMsg: 'setClipboardData:ok' });
        return undefined as never;
      });
    const page = await openPage(pageId);

    await tapButton(page, '#copy');
    agreeIn(find(page, '#privacy'));
    await settle();

    expect(privacy.answers).toEqual([{ event: 'agree', buttonId: 'privacy-agree' }]);
    const text = (copy.mock.calls[0]![0] as { data: string }).data;
    expect(text.split('\n')).toEqual([
      '为民红绳 · 我的个人信息',
      '导出时间：2026-11-29 14:30',
      '',
      '【账号信息】',
      '账号',
      '称呼：黄阿姨',
      '联系电话：13907750001',
      '',
      '【服务订单】',
      '家电维修（2025-03-09 10:00）',
      '订单状态：已关闭',
      '服务地址：金港花园 1 栋',
    ]);
    expect(noticeText(page)).toBe('已复制，可以粘贴保存');
  });
});
