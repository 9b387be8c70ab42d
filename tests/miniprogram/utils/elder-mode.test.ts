/**
 * 长辈模式: it follows WeChat's font setting by scale (an iPhone's +1 and +2 steps, 18 and 19.5 px, count as
 * enlarged; the largest sizes make it larger still) unless the user chose 始终开启 or 始终关闭.
 */
import {
  elderClassOf,
  elderStatusText,
  isWechatFontEnlarged,
  readChoice,
  resolveTextScale,
  shouldOfferElderMode,
  wechatScale,
  wechatTextScale,
  type WechatFont,
} from '../../../miniprogram/utils/elder-mode';

const size = (fontSizeSetting: number, fontSizeScaleFactor?: number): WechatFont => ({
  fontSizeSetting,
  fontSizeScaleFactor,
});

describe('长辈模式 follows WeChat’s font setting by scale', () => {
  it.each([
    ['iPhone standard', size(17), 0],
    ['Android standard', size(16, 1), 0],
    ['iPhone +1', size(18), 1],
    ['iPhone +2', size(19.5), 1],
    ['iPhone +3', size(21), 1],
    ['Android large', size(20, 1.18), 1],
    ['the factor alone', { fontSizeScaleFactor: 1.1 }, 1],
    ['iPhone +4', size(22.5), 2],
    ['the largest factor', size(17, 1.4), 2],
    ['nothing reported (old clients)', {}, 0],
    ['nonsense', size(Number.NaN, Number.NaN), 0],
  ])('%s', (_, font, scale) => {
    expect(wechatTextScale(font)).toBe(scale);
    expect(isWechatFontEnlarged(font)).toBe(scale > 0);
  });

  it('should take the larger of WeChat’s own factor and the size over the standard', () => {
    expect(wechatScale(size(18, 1))).toBeCloseTo(18 / 17);
    expect(wechatScale(size(16, 1.2))).toBe(1.2);
  });
});

describe('the user’s choice', () => {
  it.each([
    ['follow', size(17), 0],
    ['follow', size(19.5), 1],
    ['on', size(17), 1],
    ['on', size(24), 2],
    ['off', size(24), 0],
  ] as const)('%s at %p gives scale %p', (choice, font, scale) => {
    expect(resolveTextScale(choice, font)).toBe(scale);
  });

  it.each([
    ['on', 'on'],
    ['off', 'off'],
    [undefined, 'follow'],
    ['', 'follow'],
    ['follow', 'follow'],
    ['something else', 'follow'],
  ])('reads %p stored as %p', (stored, choice) => {
    expect(readChoice(stored)).toBe(choice);
  });

  it('should give the root classes of each scale', () => {
    expect([0, 1, 2].map((s) => elderClassOf(s as 0 | 1 | 2))).toEqual(['', 'elder', 'elder elder--xl']);
  });

  it('should say what is in force, in words', () => {
    expect(elderStatusText('follow', size(18))).toBe('微信字体已调大，长辈模式已开启');
    expect(elderStatusText('follow', size(17))).toBe('微信字体为标准大小，长辈模式未开启');
    expect(elderStatusText('on', size(17))).toBe('长辈模式已开启');
    expect(elderStatusText('off', size(24))).toBe('长辈模式已关闭');
  });
});

describe('the first-run offer', () => {
  it.each([
    ['an enlarged font, nothing chosen, never offered', undefined, undefined, size(18), true],
    ['the standard font', undefined, undefined, size(17), false],
    ['already answered', undefined, true, size(18), false],
    ['a choice already made', 'off', undefined, size(18), false],
  ])('%s', (_, stored, offered, font, due) => {
    expect(shouldOfferElderMode(stored, offered, font)).toBe(due);
  });
});
