/**
 * The rules of particular commands, beyond types and lengths: ranges, cross-field conditions, defaults,
 * normalisation, and the messages a user reads.
 */
import { checkCommand, parseCommand, type InputIssue } from '../../../core/schemas/command.parser';
import { COMMANDS, type CommandName } from '../../../core/schemas/commands.registry';
import { DomainError } from '../../../core/kernel/errors';
import { VALID_SAMPLES } from './command-samples';

/** The sample of `name` with `changes` applied (a value of undefined removes the key). */
function variant(name: CommandName, changes: Record<string, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = { ...VALID_SAMPLES[name], ...changes };
  for (const [k, v] of Object.entries(changes)) if (v === undefined) delete input[k];
  return input;
}

function issues(name: CommandName, input: unknown): InputIssue[] {
  const result = checkCommand(COMMANDS[name].schema, input);
  return result.ok ? [] : result.issues;
}

function parsed(name: CommandName, input: unknown): Record<string, unknown> {
  return parseCommand(COMMANDS[name].schema, input) as Record<string, unknown>;
}

type Case = [string, CommandName, Record<string, unknown>, string, string];

// [what, command, changes to the valid sample, field path, message]
const invalid: Case[] = [
  ['no item ticked', 'match.request', { itemIds: [] }, 'itemIds', '请至少选择一项服务项目'],
  [
    'eleven items ticked',
    'match.request',
    { itemIds: Array.from({ length: 11 }, (_, i) => `item-${i}`) },
    'itemIds',
    '服务项目最多 10 项',
  ],
  ['an item ticked twice', 'match.request', { itemIds: ['a', 'a'] }, 'itemIds', '服务项目不能重复'],
  ['items missing', 'match.request', { itemIds: undefined }, 'itemIds', '请选择服务项目'],
  [
    'an item id with odd characters',
    'match.request',
    { itemIds: ['item/1'] },
    'itemIds.0',
    '服务项目编号格式不正确',
  ],
  ['zero stars', 'order.rate', { stars: 0 }, 'stars', '评分不能小于 1'],
  ['six stars', 'order.rate', { stars: 6 }, 'stars', '评分不能大于 5'],
  ['half a star', 'order.rate', { stars: 4.5 }, 'stars', '评分必须是整数'],
  ['stars as text', 'order.rate', { stars: '5' }, 'stars', '评分必须是整数'],
  ['stars missing', 'order.rate', { stars: undefined }, 'stars', '请填写评分'],
  ['a 501-character review', 'order.rate', { text: '好'.repeat(501) }, 'text', '评价内容不能超过 500 个字'],
  ['a decline without reason', 'order.decline', { reason: undefined }, 'reason', '请填写拒单原因'],
  ['a decline with a blank reason', 'order.decline', { reason: '   ' }, 'reason', '请填写拒单原因'],
  ['a follow-up by e-mail', 'order.follow_up', { channel: 'email' }, 'channel', '回访方式不是有效的选项'],
  ['a follow-up without channel', 'order.follow_up', { channel: undefined }, 'channel', '请选择回访方式'],
  [
    'a problem without handling',
    'order.follow_up',
    { problems: [{ content: '漏水' }] },
    'problems.0.handling',
    '请填写处理情况',
  ],
  [
    'eleven problems',
    'order.follow_up',
    { problems: Array.from({ length: 11 }, () => ({ content: '问题', handling: '已处理' })) },
    'problems',
    '反映的问题最多 10 项',
  ],
  ['a follow-up summary of blanks', 'order.follow_up', { summary: '  ' }, 'summary', '请填写回访情况'],
  [
    'phone consent refused',
    'profile.phone.set',
    { consent: false },
    'consent',
    '请先阅读并同意《个人信息保护指引》',
  ],
  ['a short phone number', 'profile.phone.set', { phone: '1390775123' }, 'phone', '请输入 11 位手机号码'],
  [
    'a phone number not starting with 1[3-9]',
    'profile.phone.set',
    { phone: '12907751234' },
    'phone',
    '请输入 11 位手机号码',
  ],
  ['an unknown phone method', 'profile.phone.set', { method: 'sms' }, 'method', '请选择获取手机号码的方式'],
  [
    'a WeChat phone flow without its code',
    'profile.phone.set',
    { method: 'wechat', phone: undefined },
    'phoneCode',
    '请填写手机号授权码',
  ],
  [
    'a low fee at the market price',
    'provider.offering.save',
    { pricing: { kind: 'low_fee', priceFen: 5000, marketPriceFen: 5000, unit: '次' } },
    'pricing.priceFen',
    '低收费服务的价格必须低于市场价',
  ],
  [
    'a low fee of zero',
    'provider.offering.save',
    { pricing: { kind: 'low_fee', priceFen: 0, marketPriceFen: 5000, unit: '次' } },
    'pricing.priceFen',
    '低收费服务的价格必须大于 0',
  ],
  [
    'a price in yuan with decimals',
    'provider.offering.save',
    { pricing: { kind: 'low_fee', priceFen: 29.9, marketPriceFen: 5000, unit: '次' } },
    'pricing.priceFen',
    '收费价格必须是整数',
  ],
  [
    'a paid (not low-fee) offering',
    'provider.offering.save',
    { pricing: { kind: 'paid' } },
    'pricing.kind',
    '请选择免费或低收费',
  ],
  [
    'a credit code with the letter I',
    'provider.apply',
    { creditCode: '92450902MA5K1234I1' },
    'creditCode',
    '统一社会信用代码应为 18 位数字或大写字母',
  ],
  [
    'an application without commitment',
    'provider.apply',
    { commitment: false },
    'commitment',
    '请确认能独立承担法律责任并自愿接受服务范围内的群众需求',
  ],
  [
    'an application pricing one item twice',
    'provider.apply',
    {
      offerings: [
        { itemId: 'i1', pricing: { kind: 'free' } },
        { itemId: 'i1', pricing: { kind: 'free' } },
      ],
    },
    'offerings',
    '同一服务项目只能报价一次',
  ],
  [
    'an application without qualifications',
    'provider.apply',
    { qualifications: [] },
    'qualifications',
    '请至少填写一项行业服务资质',
  ],
  [
    'a qualification valid until 31 February',
    'provider.apply',
    { qualifications: [{ name: '资格证', number: 'A1', validUntil: '2026-02-31' }] },
    'qualifications.0.validUntil',
    '资质有效期不是有效的日期',
  ],
  [
    'a mobile number as landline with letters',
    'provider.apply',
    { contactPhone: '0775-abc' },
    'contactPhone',
    '请输入手机号码或带区号的固定电话',
  ],
  [
    'an invite code with a dash',
    'provider.staff.bind',
    { inviteCode: 'ab-12cd' },
    'inviteCode',
    '邀请码为 6 到 12 位字母或数字',
  ],
  [
    'rectification by hand without a problem list',
    'provider.status.change',
    { problems: [] },
    'problems',
    '责令限期整改时请填写问题清单',
  ],
  [
    'an evaluation year before the platform',
    'evaluation.campaign.start',
    { year: 2020 },
    'year',
    '考核年度不能小于 2021',
  ],
  [
    'rectification without a problem list',
    'provider.evaluate',
    { problems: [] },
    'problems',
    '责令限期整改时请填写问题清单',
  ],
  ['an unknown evaluation grade', 'provider.evaluate', { grade: 'good' }, 'grade', '考核等次不是有效的选项'],
  [
    'a rejection without reason',
    'concern.review',
    { decision: 'reject' },
    'reason',
    '审核不通过时请填写原因',
  ],
  [
    'not resolved without reason',
    'concern.confirm',
    { outcome: 'unresolved' },
    'reason',
    '未解决时请填写原因',
  ],
  ['a 41-character title', 'concern.submit', { title: '灯'.repeat(41) }, 'title', '标题不能超过 40 个字'],
  [
    'seven pictures',
    'concern.submit',
    { images: Array.from({ length: 7 }, (_, i) => `cloud://env/p${i}.jpg`) },
    'images',
    '图片最多 6 项',
  ],
  [
    'a control character in the text',
    'concern.submit',
    { content: '楼道灯坏了\u0007' },
    'content',
    '具体内容包含不允许的控制字符',
  ],
  ['an unknown concern kind', 'concern.submit', { kind: 'complaint' }, 'kind', '事项类型不是有效的选项'],
  [
    'a referral naming the same department twice',
    'concern.refer',
    { departments: ['供电局', '供电局'] },
    'departments',
    '涉及部门不能重复',
  ],
  [
    'a ledger ending before it starts',
    'ledger.export',
    { from: '2024-04-01', to: '2024-03-31' },
    'to',
    '结束日期不能早于开始日期',
  ],
  [
    'a date in another format',
    'ledger.export',
    { from: '2024/01/01' },
    'from',
    '开始日期格式应为 YYYY-MM-DD',
  ],
  [
    '29 February of a common year',
    'volunteer.service.log',
    { serviceDate: '2023-02-29' },
    'serviceDate',
    '服务日期不是有效的日期',
  ],
  [
    'a service longer than a day',
    'volunteer.service.log',
    { minutes: 1441 },
    'minutes',
    '服务时长（分钟）不能大于 1440',
  ],
  ['an income without source', 'fund.record', { source: undefined }, 'source', '请选择经费来源'],
  ['a zero amount', 'fund.record', { amountFen: 0 }, 'amountFen', '金额必须大于 0'],
  [
    'a loan (neither income nor expense)',
    'fund.record',
    { direction: 'loan' },
    'direction',
    '请选择收入或支出',
  ],
  [
    'a checklist item met as text',
    'station.checklist.update',
    { items: [{ key: 'phone', met: 'yes', photos: [], note: '' }] },
    'items.0.met',
    '是否达标只能选择是或否',
  ],
  [
    'four evidence photos for one item',
    'station.checklist.update',
    { items: [{ key: 'phone', met: true, photos: ['a1', 'a2', 'a3', 'a4'], note: '' }] },
    'items.0.photos',
    '佐证照片最多 3 项',
  ],
  ['granting the system role', 'user.role.manage', { role: 'system' }, 'role', '角色不是有效的选项'],
  ['a page size of 51', 'order.list', { pageSize: 51 }, 'pageSize', '每页条数不能大于 50'],
  ['page zero', 'concern.list', { page: 0 }, 'page', '页码不能小于 1'],
  [
    'a parent unit id with a slash',
    'org.children',
    { parentId: '450902/001' },
    'parentId',
    '上级单位编号格式不正确',
  ],
  ['an empty parent unit id', 'org.children', { parentId: '' }, 'parentId', '请选择上级单位'],
];

test.each(invalid)('refuses %s (%s)', (_what, name, changes, path, message) => {
  expect(issues(name, variant(name, changes))).toContainEqual({ path, message });
});

describe('what is accepted and how it is normalised', () => {
  test('a review of exactly 500 characters and one without text', () => {
    expect(parsed('order.rate', variant('order.rate', { text: '好'.repeat(500) })).text).toHaveLength(500);
    expect(parsed('order.rate', variant('order.rate', { text: undefined })).text).toBe('');
  });

  test.each([1, 2, 3, 4, 5])('%i stars', (stars) => {
    expect(parsed('order.rate', variant('order.rate', { stars })).stars).toBe(stars);
  });

  test('text is trimmed', () => {
    expect(parsed('order.decline', variant('order.decline', { reason: '  师傅生病  ' })).reason).toBe(
      '师傅生病',
    );
  });

  test('credit codes and invite codes are upper-cased', () => {
    expect(parsed('provider.apply', VALID_SAMPLES['provider.apply']).creditCode).toBe('92450902MA5K1234XK');
    expect(parsed('provider.staff.bind', VALID_SAMPLES['provider.staff.bind']).inviteCode).toBe('AB12CD34');
  });

  test('profile.get takes nothing; org.children without a parent asks for the top of the tree', () => {
    expect(parsed('profile.get', { userInfo: { openId: 'o-forged' } })).toEqual({});
    expect(parsed('org.children', {})).toEqual({});
    expect(parsed('org.children', { parentId: '450902' })).toEqual({ parentId: '450902' });
    expect(parsed('catalog.list', { pageSize: 50 })).toEqual({ page: 1, pageSize: 50 });
  });

  test('defaults: paging, empty lists and flags', () => {
    expect(parsed('order.list', { as: 'provider_staff' })).toEqual({
      as: 'provider_staff',
      page: 1,
      pageSize: 20,
    });
    const followUp = parsed(
      'order.follow_up',
      variant('order.follow_up', { problems: undefined, suggestions: undefined }),
    );
    expect(followUp.problems).toEqual([]);
    expect(followUp.suggestions).toEqual([]);
    const concern = parsed('concern.submit', VALID_SAMPLES['concern.submit']);
    expect(concern).toMatchObject({ images: [], crossDepartment: false, anonymous: false });
  });

  test('a free offering, a low fee below the market price, a WeChat phone code, a 29 February of a leap year', () => {
    expect(
      checkCommand(
        COMMANDS['provider.offering.save'].schema,
        variant('provider.offering.save', { pricing: { kind: 'free' } }),
      ).ok,
    ).toBe(true);
    expect(
      checkCommand(
        COMMANDS['provider.offering.save'].schema,
        variant('provider.offering.save', {
          pricing: { kind: 'low_fee', priceFen: 4999, marketPriceFen: 5000, unit: '小时' },
        }),
      ).ok,
    ).toBe(true);
    expect(
      checkCommand(
        COMMANDS['profile.phone.set'].schema,
        variant('profile.phone.set', { method: 'wechat', phoneCode: 'code-123' }),
      ).ok,
    ).toBe(true);
    expect(
      checkCommand(COMMANDS['volunteer.service.log'].schema, VALID_SAMPLES['volunteer.service.log']).ok,
    ).toBe(true);
  });

  test('an expense needs a use instead of a source', () => {
    const expense = {
      clientRequestId: 'req-2024-0002',
      direction: 'expense',
      orgUnitId: 'street-yc',
      use: 'staff_pay',
      amountFen: 100,
      date: '2024-03-01',
      attachments: ['cloud://env.bucket/console/fund_receipt/450900/20240301-r1.jpg'],
    };
    expect(checkCommand(COMMANDS['fund.record'].schema, expense).ok).toBe(true);
    expect(issues('fund.record', { ...expense, attachments: [] })).toContainEqual({
      path: 'attachments',
      message: '支出须上传凭证',
    });
    expect(issues('fund.record', { ...expense, use: undefined })).toContainEqual({
      path: 'use',
      message: '请选择经费用途',
    });
  });

  test('rejecting with a reason, and confirming as not satisfied with one', () => {
    expect(
      checkCommand(
        COMMANDS['concern.review'].schema,
        variant('concern.review', { decision: 'reject', reason: '不属于本平台受理范围' }),
      ).ok,
    ).toBe(true);
    expect(
      checkCommand(
        COMMANDS['concern.confirm'].schema,
        variant('concern.confirm', { outcome: 'unresolved', reason: '灯还是不亮' }),
      ).ok,
    ).toBe(true);
  });
});

describe('parseCommand', () => {
  test('throws INVALID_INPUT listing every field with its message', () => {
    let error: DomainError | undefined;
    try {
      parseCommand(
        COMMANDS['order.follow_up'].schema,
        variant('order.follow_up', { channel: 'email', summary: '' }),
      );
    } catch (e) {
      error = e as DomainError;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error!.code).toBe('INVALID_INPUT');
    expect(error!.message).toBe('回访方式不是有效的选项（共 2 处需要修改）');
    expect(error!.details).toEqual({
      issues: [
        { path: 'channel', message: '回访方式不是有效的选项' },
        { path: 'summary', message: '请填写回访情况' },
      ],
    });
  });

  test('a single problem is the message itself', () => {
    expect(() => parseCommand(COMMANDS['order.rate'].schema, variant('order.rate', { stars: 9 }))).toThrow(
      '评分不能大于 5',
    );
  });

  test('the command itself missing is reported at the empty path', () => {
    expect(issues('order.accept', undefined)).toEqual([{ path: '', message: '缺少请求内容' }]);
    expect(issues('order.accept', 'order-1')).toEqual([{ path: '', message: '请求内容格式不正确' }]);
  });

  test('returns typed data', () => {
    const data = parseCommand(COMMANDS['order.rate'].schema, VALID_SAMPLES['order.rate']);
    const stars: number = data.stars;
    expect(stars).toBe(5);
  });
});
