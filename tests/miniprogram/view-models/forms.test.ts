/** The forms' checks: follow-up, rating, decline reason (the core's rules, from the weimin-core bundle). */
import { checkDeclineReason } from 'weimin-core';
import {
  checkFollowUp,
  emptyFollowUp,
  type FollowUpDraft,
} from '../../../miniprogram/packages/staff/view-models/follow-up.form';
import {
  checkRating,
  starChoices,
  starLevels,
  starsChosenText,
} from '../../../miniprogram/view-models/rating.form';

function draft(overrides: Partial<FollowUpDraft> = {}): FollowUpDraft {
  return { ...emptyFollowUp(), channel: 'phone', summary: '满意', ...overrides };
}

describe('follow-up form', () => {
  it('should turn a complete draft into the command input, trimmed', () => {
    expect(
      checkFollowUp(
        'o1',
        draft({ summary: ' 满意 ', problems: [{ content: ' 有点响 ', handling: '已加固 ' }] }),
      ),
    ).toEqual({
      ok: true,
      input: {
        orderId: 'o1',
        channel: 'phone',
        summary: '满意',
        problems: [{ content: '有点响', handling: '已加固' }],
        suggestions: [],
      },
    });
  });

  it('should drop rows left empty', () => {
    const check = checkFollowUp('o1', draft({ suggestions: [{ content: ' ', handling: '' }] }));
    expect(check.ok && check.input.suggestions).toEqual([]);
  });

  it.each([
    ['no channel', draft({ channel: '' }), '请选择回访方式'],
    ['no summary', draft({ summary: '  ' }), '请填写回访情况'],
    ['a long summary', draft({ summary: '好'.repeat(501) }), '回访情况不能超过 500 个字'],
    [
      'a problem without handling',
      draft({ problems: [{ content: '迟到', handling: '' }] }),
      '请填写第 1 条反映的问题的处理情况',
    ],
    [
      'handling without the suggestion',
      draft({ suggestions: [{ content: '', handling: '已采纳' }] }),
      '请填写第 1 条提出的建议',
    ],
    [
      'too many problems',
      draft({ problems: Array.from({ length: 11 }, () => ({ content: '问题', handling: '处理' })) }),
      '反映的问题最多 10 项',
    ],
  ])('should refuse %s', (_case, d, message) => {
    expect(checkFollowUp('o1', d)).toEqual({ ok: false, message });
  });
});

describe('rating form', () => {
  it('should accept 1 to 5 stars with optional text', () => {
    expect(checkRating(5, '  很好 ')).toEqual({ ok: true, stars: 5, text: '很好' });
    expect(checkRating(1, '')).toEqual({ ok: true, stars: 1, text: '' });
  });

  it('should ask for stars while none is tapped', () => {
    expect(checkRating(0, '')).toEqual({ ok: false, message: '请选择 1 到 5 星评分' });
  });

  it.each([
    [6, '评分不能大于 5'],
    [2.5, '评分必须是整数'],
    [-1, '评分不能小于 1'],
  ])('should refuse %p stars as the core does: %s', (stars, message) => {
    expect(checkRating(stars, '')).toEqual({ ok: false, message });
  });

  it('should refuse text over 500 characters', () => {
    expect(checkRating(4, '好'.repeat(501))).toEqual({ ok: false, message: '评价内容不能超过 500 个字' });
  });
});

describe('decline reason', () => {
  it('should require a reason', () => {
    expect(checkDeclineReason('  ')).toEqual({ ok: false, message: '请填写拒单原因' });
    expect(checkDeclineReason(' 排满了 ')).toEqual({ ok: true, value: '排满了' });
    expect(checkDeclineReason('满'.repeat(201))).toEqual({ ok: false, message: '拒单原因不能超过 200 个字' });
  });
});

describe('the star buttons', () => {
  it('should fill the stars up to the count chosen and say each in words', () => {
    const stars = starChoices(3);
    expect(stars.map((s) => (s.filled ? '★' : '☆')).join('')).toBe('★★★☆☆');
    expect(stars.filter((s) => s.chosen).map((s) => s.stars)).toEqual([3]);
    expect(stars.map((s) => s.label)).toEqual([
      '1 星：非常不满意',
      '2 星：不满意',
      '3 星：基本满意',
      '4 星：满意',
      '5 星：非常满意',
    ]);
  });

  it('should list the five levels beside the stars from the core’s table, best first, the chosen one marked', () => {
    expect(starLevels(2).map((l) => `${l.text}${l.chosen ? ' ✓' : ''}`)).toEqual([
      '5 星：非常满意',
      '4 星：满意',
      '3 星：基本满意',
      '2 星：不满意 ✓',
      '1 星：非常不满意',
    ]);
  });

  it('should say the choice in words, and how to choose before one is made', () => {
    expect(starsChosenText(5)).toBe('已选 5 星：非常满意');
    expect(starsChosenText(0)).toBe('请点星星评分：1 星最不满意，5 星最满意');
    expect(starChoices(0).some((s) => s.filled || s.chosen)).toBe(false);
  });
});
