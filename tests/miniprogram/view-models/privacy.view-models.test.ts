/** 我的个人信息 and 更正与申请: the copy as the page shows and copies it, and the requests as rows. */
import type { PrivacyRequestView, ProfileExportReply } from 'weimin-core';
import {
  firstRecords,
  myDataText,
  toMyDataView,
} from '../../../miniprogram/packages/privacy/view-models/my-data.view-model';
import {
  REQUEST_KIND_OPTIONS,
  checkRequestContent,
  isRequestKind,
  toRequestRow,
} from '../../../miniprogram/packages/privacy/view-models/privacy-request.view-model';

const EXPORTED_AT = Date.parse('2025-03-10T10:00:00+08:00');

const copy: ProfileExportReply = {
  title: '为民红绳 · 我的个人信息',
  exportedAt: EXPORTED_AT,
  sections: [
    {
      key: 'orders',
      title: '服务订单',
      records: [
        { heading: '家电维修（2025-03-10 08:00）', fields: [{ label: '服务地址', value: '3 栋 502' }] },
      ],
      note: '仅列出最近的 200 个订单，更早的订单可提交申请获取',
    },
  ],
};

describe('my data', () => {
  it('should add what only this phone keeps as a section of its own, and copy everything as text', () => {
    const view = toMyDataView(copy, '金港花园 3 栋 502');
    expect(view.sections.map((s) => s.key)).toEqual(['orders', 'device']);
    expect(myDataText(view)).toBe(
      [
        '为民红绳 · 我的个人信息',
        '导出时间：2025-03-10 10:00',
        '',
        '【服务订单】',
        '家电维修（2025-03-10 08:00）',
        '服务地址：3 栋 502',
        '（仅列出最近的 200 个订单，更早的订单可提交申请获取）',
        '',
        '【只保存在本机的信息】',
        '下单时自动填写',
        '常用服务地址：金港花园 3 栋 502',
        '（平台不保存，可在本页清除）',
      ].join('\n'),
    );
  });

  it('should leave the phone’s section out when it keeps nothing, and show long sections in part', () => {
    const view = toMyDataView(copy, '');
    expect(view.sections.map((s) => s.key)).toEqual(['orders']);
    const long = {
      ...view.sections[0]!,
      records: Array.from({ length: 25 }, () => view.sections[0]!.records[0]!),
    };
    expect(firstRecords(long, 20)).toMatchObject({ more: 5, records: expect.any(Array) });
    expect(firstRecords(long, 20).records).toHaveLength(20);
  });
});

describe('privacy requests', () => {
  const base: PrivacyRequestView = {
    requestId: 'p1',
    kind: 'correction',
    kindLabel: '更正个人信息',
    status: 'pending',
    statusLabel: '处理中',
    content: '地址写错了',
    orderId: null,
    createdAt: EXPORTED_AT,
    dueAt: EXPORTED_AT + 21 * 86_400_000,
    overdue: false,
    decidedAt: null,
    reply: null,
  };

  it.each([
    ['waiting', base, { status: '处理中', theme: 'primary', when: '2025-03-31 10:00 前答复', reply: '' }],
    ['waiting past its deadline', { ...base, overdue: true }, { status: '已超过答复期限', theme: 'warning' }],
    [
      'refused with the reason',
      { ...base, status: 'refused', statusLabel: '不予办理', decidedAt: EXPORTED_AT, reply: '需按规定保存' },
      { status: '不予办理', theme: 'danger', when: '2025-03-10 10:00 答复', reply: '需按规定保存' },
    ],
    [
      'completed',
      { ...base, status: 'completed', statusLabel: '已办结', decidedAt: EXPORTED_AT },
      { theme: 'success' },
    ],
  ] as const)('%s', (_label, view, row) => {
    expect(toRequestRow(view as PrivacyRequestView)).toMatchObject(row);
  });

  it('should offer the kinds the function takes and check the content as it does', () => {
    expect(REQUEST_KIND_OPTIONS.map((k) => k.label)).toEqual([
      '更正个人信息',
      '注销账号',
      '其他个人信息事项',
    ]);
    expect(isRequestKind('deletion')).toBe(true);
    expect(isRequestKind('export')).toBe(false);
    expect(checkRequestContent('  改  ')).toEqual({ ok: false, message: '申请内容至少 5 个字' });
    expect(checkRequestContent(' 订单地址写错了 ')).toEqual({ ok: true, value: '订单地址写错了' });
  });
});
