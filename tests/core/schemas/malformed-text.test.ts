/**
 * Malformed text is refused in every text field, with a Chinese message (defect: a lone UTF-16 surrogate in
 * a nickname was stored). A single-line field (a name, an address) also refuses line breaks and tabs; a
 * paragraph typed in a text area (a note, a reason, a rating) keeps them. The forms (core/client, without
 * zod) refuse the same input with the same words.
 */
import { checkRatingFields, checkDeclineReason } from '../../../core/client/order.forms';
import { DomainError } from '../../../core/kernel/errors';
import { parseCommand } from '../../../core/schemas/command.parser';
import { hasLoneSurrogate } from '../../../core/schemas/fields.rules';
import { orderCreateSchema, ratingSubmitSchema } from '../../../core/schemas/order.schema';
import { profileBindSchema } from '../../../core/schemas/profile.schema';

function issues(schema: Parameters<typeof parseCommand>[0], input: unknown) {
  try {
    parseCommand(schema, input);
    return [];
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('INVALID_INPUT');
    return (e as DomainError).details!['issues'] as { path: string; message: string }[];
  }
}

const bind = (nickname: string) =>
  issues(profileBindSchema, { clientRequestId: 'req-00000001', orgUnitId: 'g1', nickname });

describe('malformed text', () => {
  test('a nickname with a lone surrogate is refused, whichever half', () => {
    for (const nickname of ['黄\uD83D', '\uDE00阿姨', '黄\uD83D\uD83D']) {
      expect(bind(nickname)).toEqual([
        { path: 'nickname', message: '称呼包含无法识别的字符，请删除后重新输入' },
      ]);
    }
    expect(bind('黄阿姨😀')).toEqual([]);
  });

  test('a single-line field refuses line breaks, tabs and control characters; the message names the field', () => {
    expect(bind('黄\n阿姨')).toEqual([
      { path: 'nickname', message: '称呼只能填写一行，不能包含换行或制表符' },
    ]);
    expect(bind('黄\t阿姨')[0]!.message).toBe('称呼只能填写一行，不能包含换行或制表符');
    expect(bind('黄\u2028阿姨')[0]!.message).toBe('称呼只能填写一行，不能包含换行或制表符');
    expect(bind('黄\u0085阿姨')[0]!.message).toBe('称呼包含不允许的控制字符');
    const order = { clientRequestId: 'req-00000001', matchId: 'm1', itemId: 'i1', providerId: 'p1' };
    expect(issues(orderCreateSchema, { ...order, serviceAddress: '金港花园\n3 栋' })[0]!.path).toBe(
      'serviceAddress',
    );
    expect(issues(orderCreateSchema, { ...order, note: '下午在家\n请先打电话' })).toEqual([]);
  });

  test('the forms refuse the same with the same words', () => {
    const rating = { clientRequestId: 'req-00000001', orderId: 'o1', stars: 5 };
    const text = '很好\uD83D';
    const zodMessage = issues(ratingSubmitSchema, { ...rating, text })[0]!.message;
    expect(checkRatingFields(5, text)).toEqual({ ok: false, message: zodMessage });
    expect(checkRatingFields(5, '第一行\n第二行')).toEqual({
      ok: true,
      value: { stars: 5, text: '第一行\n第二行' },
    });
    expect(checkDeclineReason('\uDC00今天没空')).toEqual({
      ok: false,
      message: '拒单原因包含无法识别的字符，请删除后重新输入',
    });
  });

  test.each([
    ['', false],
    ['好', false],
    ['😀', false],
    ['\uD83D', true],
    ['\uDE00', true],
    ['a\uD83Db', true],
    ['\uD83D\uDE00\uDE00', true],
  ])('hasLoneSurrogate(%p) is %p', (text, expected) => {
    expect(hasLoneSurrogate(text)).toBe(expected);
  });
});
