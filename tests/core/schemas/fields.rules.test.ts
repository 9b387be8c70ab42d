/**
 * The zod-free field checks (what the mini-program's forms run, through core/client) give the verdict,
 * the value and the first message of the zod field builders the functions parse with.
 */
import { z } from 'zod';
import {
  checkInt,
  checkListLength,
  checkMobilePhone,
  checkOneOf,
  checkOptionalText,
  checkText,
  type FieldCheck,
} from '../../../core/schemas/fields.rules';
import { int, list, mobilePhone, oneOf, optionalText, text } from '../../../core/schemas/fields.schema';

function zodCheck(schema: z.ZodType, input: unknown): FieldCheck<unknown> {
  const result = schema.safeParse(input);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, message: result.error.issues[0]!.message };
}

const TEXTS: unknown[] = [
  '好',
  '  修好了  ',
  '',
  '   ',
  '好'.repeat(20),
  '好'.repeat(21),
  '换行\n和\t制表',
  '控制\u0007字符',
  `${'好'.repeat(21)}\u0001`,
  // Malformed: lone surrogates (a cut emoji), C1 controls, line separators; a whole emoji is fine.
  '半个\uD83D表情',
  '\uDC4D开头',
  '结尾\uD83D',
  '好👍',
  '下一行\u0085',
  '段落\u2028分隔',
  '回车\r换行',
  undefined,
  null,
  42,
  ['好'],
];

describe('text fields', () => {
  it.each(TEXTS)('required text %p', (input) => {
    expect(checkText('说明', { max: 20 }, input)).toEqual(zodCheck(text('说明', { max: 20 }), input));
  });

  it.each(TEXTS)('text of at least 2 characters %p', (input) => {
    expect(checkText('说明', { min: 2, max: 20 }, input)).toEqual(
      zodCheck(text('说明', { min: 2, max: 20 }), input),
    );
  });

  it.each(TEXTS)('optional text %p', (input) => {
    expect(checkOptionalText('备注', 20, input)).toEqual(zodCheck(optionalText('备注', 20), input));
  });

  it.each(TEXTS)('multi-line text %p', (input) => {
    expect(checkText('说明', { max: 20, multiline: true }, input)).toEqual(
      zodCheck(text('说明', { max: 20, multiline: true }), input),
    );
    expect(checkOptionalText('备注', 20, input, { multiline: true })).toEqual(
      zodCheck(optionalText('备注', 20, { multiline: true }), input),
    );
  });
});

describe('other fields', () => {
  it.each([1, 3, 5, 0, 6, -1, 2.5, '3', Number.NaN, Number.POSITIVE_INFINITY, 1e20, undefined, null])(
    'integer %p',
    (input) => {
      expect(checkInt('评分', 1, 5, input)).toEqual(zodCheck(int('评分', 1, 5), input));
    },
  );

  it.each(['phone', 'visit', 'fax', '', undefined, null, 3])('choice %p', (input) => {
    const values = ['phone', 'visit'] as const;
    expect(checkOneOf('回访方式', values, input)).toEqual(zodCheck(oneOf('回访方式', values), input));
  });

  it.each([0, 1, 3, 4])('list of %i entries', (length) => {
    const limits = { min: 1, max: 3, verb: '选择' as const };
    const entries = Array.from({ length }, (_, i) => `item-${i}`);
    const check = checkListLength('服务项目', limits, length);
    const zod = zodCheck(list('服务项目', z.string(), limits), entries);
    expect(check.ok).toBe(zod.ok);
    if (!check.ok && !zod.ok) expect(check.message).toBe(zod.message);
  });

  it.each(['13812341234', ' 13912345678 ', '12812341234', '138123412345', '0775-2821234', '', undefined])(
    'mobile phone %p',
    (input) => {
      expect(checkMobilePhone(input)).toEqual(zodCheck(mobilePhone, input));
    },
  );
});
