/**
 * The value rules of subscribe-message templates (WeChat's "订阅消息参数值内容限制说明"), one table per type,
 * plus the template file itself and whole-message checks.
 */
import {
  checkSendData,
  checkValue,
  loadMessageTemplates,
  parseMessageTemplates,
  typeOfKey,
  VALUE_TYPES,
  type ValueCheck,
  type ValueType,
} from '../../localcloud/openapi/message-templates';

type Row = [ValueType, string, ValueCheck];

const rows: Row[] = [
  // thing: 20 characters or fewer, anything printable
  ['thing', '家电维修', 'ok'],
  ['thing', '一二三四五六七八九十一二三四五六七八九十', 'ok'],
  ['thing', '一二三四五六七八九十一二三四五六七八九十一', 'invalid'],
  ['thing', 'Repair 2 taps, 1 sink', 'invalid'],
  ['thing', 'Repair 2 taps 1 sink', 'ok'],
  ['thing', '😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀', 'ok'],
  ['thing', '换行\n不行', 'invalid'],
  ['thing', '', 'empty'],
  ['thing', '   ', 'empty'],
  // number: 32 digits or fewer, decimals allowed
  ['number', '42', 'ok'],
  ['number', '3.14', 'ok'],
  ['number', '1'.repeat(32), 'ok'],
  ['number', '1'.repeat(33), 'invalid'],
  ['number', '12a', 'invalid'],
  ['number', '-5', 'invalid'],
  ['number', '1.', 'invalid'],
  // letter: 32 letters or fewer
  ['letter', 'abcXYZ', 'ok'],
  ['letter', 'a'.repeat(32), 'ok'],
  ['letter', 'a'.repeat(33), 'invalid'],
  ['letter', 'abc1', 'invalid'],
  ['letter', '中', 'invalid'],
  // symbol: 5 symbols or fewer
  ['symbol', '+-*/', 'ok'],
  ['symbol', '!!!!!', 'ok'],
  ['symbol', '!!!!!!', 'invalid'],
  ['symbol', '!a', 'invalid'],
  ['symbol', '。', 'ok'],
  // character_string: 32 digits, letters or symbols
  ['character_string', 'ORD-2024-000123', 'ok'],
  ['character_string', 'x'.repeat(32), 'ok'],
  ['character_string', 'x'.repeat(33), 'invalid'],
  ['character_string', '订单123', 'invalid'],
  ['character_string', 'A B', 'invalid'],
  // time: 24-hour time, optional date before it, ranges with ~
  ['time', '15:01', 'ok'],
  ['time', '09:30:59', 'ok'],
  ['time', '2019年10月1日 15:01', 'ok'],
  ['time', '2024-05-01 09:30', 'ok'],
  ['time', '2024/05/01 09:30:00', 'ok'],
  ['time', '15:01~16:30', 'ok'],
  ['time', '2019年10月1日 15:01~2019年10月1日 17:00', 'ok'],
  ['time', '2019年10月1日 15:01~17:00', 'ok'],
  ['time', '24:00', 'invalid'],
  ['time', '12:60', 'invalid'],
  ['time', '2019年10月1日', 'invalid'],
  ['time', '下午三点', 'invalid'],
  ['time', '15:01~16:00~17:00', 'invalid'],
  // date: a date, optional time after it, ranges with ~
  ['date', '2019年10月1日', 'ok'],
  ['date', '2019年10月', 'ok'],
  ['date', '10月1日', 'ok'],
  ['date', '2018-01-01', 'ok'],
  ['date', '2018/01/01', 'ok'],
  ['date', '2018.01.01', 'ok'],
  ['date', '2018-01', 'ok'],
  ['date', '01-01', 'ok'],
  ['date', '2019年10月1日 15:01', 'ok'],
  ['date', '2019年10月1日~2019年10月3日', 'ok'],
  ['date', '2018-13-01', 'invalid'],
  ['date', '2023-02-29', 'invalid'],
  ['date', '2024-02-29', 'ok'],
  ['date', '2018-01/01', 'invalid'],
  ['date', '15:01', 'invalid'],
  ['date', '明天', 'invalid'],
  // amount: currency symbol + 10 digits or fewer, two decimals, optional 元
  ['amount', '¥100.00', 'ok'],
  ['amount', '￥8', 'ok'],
  ['amount', '99.5元', 'ok'],
  ['amount', '1234567890', 'ok'],
  ['amount', '12345678901', 'invalid'],
  ['amount', '¥1.234', 'invalid'],
  ['amount', '¥¥1', 'invalid'],
  ['amount', '一百元', 'invalid'],
  // phone_number: 17 digits or symbols
  ['phone_number', '+86-0766-66888866', 'ok'],
  ['phone_number', '13800138000', 'ok'],
  ['phone_number', '+86-0766-668888661', 'invalid'],
  ['phone_number', '138 0013 8000', 'invalid'],
  ['phone_number', '电话13800138000', 'invalid'],
  ['phone_number', '---', 'invalid'],
  // car_number: 8 or fewer, Chinese only first/last
  ['car_number', '粤A8Z888挂', 'ok'],
  ['car_number', '陕K12345', 'ok'],
  ['car_number', '陕K123456挂', 'invalid'],
  ['car_number', '陕K1中345', 'invalid'],
  // name: 10 Chinese characters or 20 letters/symbols
  ['name', '张阿姨', 'ok'],
  ['name', '阿卜杜勒·买买提', 'ok'],
  ['name', '一二三四五六七八九十', 'ok'],
  ['name', '一二三四五六七八九十一', 'invalid'],
  ['name', 'John Smith', 'ok'],
  ['name', 'Alexander Maximilian', 'ok'],
  ['name', 'Alexander Maximilian1', 'invalid'],
  ['name', 'Alexander Maximilians', 'invalid'],
  ['name', '张San', 'ok'],
  ['name', '张三三三三三三三三San', 'invalid'],
  // phrase: 5 Chinese characters or fewer
  ['phrase', '已接单', 'ok'],
  ['phrase', '已婉拒', 'ok'],
  ['phrase', '配送中配送', 'ok'],
  ['phrase', '配送中配送中', 'invalid'],
  ['phrase', '已接单!', 'invalid'],
  ['phrase', 'OK', 'invalid'],
];

describe('subscribe-message value limits', () => {
  it.each(rows)('%s %j -> %s', (type, value, expected) => {
    expect(checkValue(type, value)).toBe(expected);
  });

  it('covers every value type in the table (enum has its own test)', () => {
    const covered = new Set(rows.map((r) => r[0]));
    expect(VALUE_TYPES.filter((t) => !covered.has(t))).toEqual(['enum']);
  });

  it('accepts only declared values for enum keys', () => {
    expect(checkValue('enum', '已完成', ['已完成', '已取消'])).toBe('ok');
    expect(checkValue('enum', '进行中', ['已完成', '已取消'])).toBe('invalid');
  });

  it('reads the type from the key name as WeChat does', () => {
    expect(typeOfKey('thing1')).toBe('thing');
    expect(typeOfKey('character_string12')).toBe('character_string');
    expect(typeOfKey('phone_number9')).toBe('phone_number');
    expect(typeOfKey('thing')).toBeUndefined();
    expect(typeOfKey('keyword1')).toBeUndefined();
  });
});

describe('database/message-templates.json', () => {
  const templates = loadMessageTemplates();

  it('declares the platform templates with Chinese titles and valid keys', () => {
    expect([...templates.values()].map((t) => [t.id, t.title])).toEqual([
      ['TPL_ORDER_NEW', '新订单通知'],
      ['TPL_ORDER_STATUS', '订单状态通知'],
      ['TPL_FOLLOWUP_DUE', '回访提醒'],
      ['TPL_REVIEW_REMINDER', '评价提醒'],
      ['TPL_URGENT_REQUEST', '紧急求助通知'],
      ['TPL_CONCERN_PROGRESS', '忧心事进展通知'],
      ['TPL_WISH_CLAIMED', '心愿认领通知'],
      ['TPL_CONCERN_TODO', '待办事项提醒'],
      ['TPL_APPLICATION_PROGRESS', '入驻申请进度通知'],
      ['TPL_APPLICATION_TODO', '入驻审核待办提醒'],
      ['TPL_GOVERNANCE_NOTICE', '服务机构考核整改通知'],
      ['TPL_FEEDBACK_TODO', '差评回访工单提醒'],
      ['TPL_ACTIVITY_REMINDER', '志愿活动提醒'],
      ['TPL_PARTY_REGISTRATION', '双报到审核结果通知'],
    ]);
    for (const t of templates.values()) {
      // WeChat allows at most 5 keywords per subscribe-message template.
      expect(t.keys.length).toBeGreaterThan(0);
      expect(t.keys.length).toBeLessThanOrEqual(5);
    }
  });

  it('fits every order status the platform sends into phrase1', () => {
    const status = templates.get('TPL_ORDER_STATUS')!;
    for (const s of ['已接单', '已婉拒', '已过期']) {
      expect(
        checkSendData(status, {
          phrase1: { value: s },
          thing2: { value: '榆阳家政' },
          time3: { value: '09:30' },
        }),
      ).toMatchObject({ ok: true });
    }
  });

  it('rejects template files with keys that are not WeChat parameter names', () => {
    expect(() =>
      parseMessageTemplates({ templates: { T: { title: '测试', keys: { keyword1: '名称' } } } }),
    ).toThrow(/keyword1/);
    expect(() =>
      parseMessageTemplates({ templates: { T: { title: '测试', keys: { enum1: '状态' } } } }),
    ).toThrow(/values/);
    expect(() =>
      parseMessageTemplates({ templates: { 'bad id!': { title: '测试', keys: { thing1: 'x' } } } }),
    ).toThrow();
  });
});

describe('checkSendData', () => {
  const tpl = loadMessageTemplates().get('TPL_ORDER_NEW')!;
  const good = {
    thing1: { value: '家电维修' },
    thing2: { value: '明珠花园' },
    time3: { value: '2024年5月1日 09:30' },
    thing4: { value: '请提前电话联系' },
  };

  it('accepts a complete message and normalises numbers to strings', () => {
    const r = checkSendData(loadMessageTemplates().get('TPL_FOLLOWUP_DUE')!, {
      time1: { value: '2024-05-03 18:00' },
      thing2: { value: '家电维修' },
      character_string3: { value: 20240501 },
    });
    expect(r).toEqual({
      ok: true,
      data: {
        time1: { value: '2024-05-03 18:00' },
        thing2: { value: '家电维修' },
        character_string3: { value: '20240501' },
      },
    });
  });

  it.each([
    ['a missing key', { ...good, thing4: undefined }, 'argument invalid! data.thing4.value is empty'],
    ['an empty value', { ...good, thing2: { value: '' } }, 'argument invalid! data.thing2.value is empty'],
    [
      'a value over its limit',
      { ...good, thing1: { value: '很'.repeat(21) } },
      'argument invalid! data.thing1.value invalid',
    ],
    [
      'a value of the wrong type',
      { ...good, time3: { value: '明天上午' } },
      'argument invalid! data.time3.value invalid',
    ],
    [
      'an object value',
      { ...good, thing1: { value: { a: 1 } } },
      'argument invalid! data.thing1.value invalid',
    ],
    [
      'a key the template lacks',
      { ...good, phrase9: { value: '多余' } },
      'argument invalid! data.phrase9 not exist in template',
    ],
    ['no data at all', undefined, 'argument invalid! data is empty'],
  ])('rejects %s', (_what, data, errmsg) => {
    const r = checkSendData(tpl, data);
    expect(r).toMatchObject({ ok: false, errmsg });
  });
});
