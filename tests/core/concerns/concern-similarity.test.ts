import {
  bigrams,
  concernSimilarity,
  normaliseForSimilarity,
  textSimilarity,
} from '../../../core/concerns/concern-similarity';

describe('similarity of concerns (character bigrams, Dice)', () => {
  test('normalises width, case, spaces and punctuation', () => {
    expect(normaliseForSimilarity('３栋 ＡＢ，路灯！')).toBe('3栋ab路灯');
  });

  test('counts bigrams as a multiset', () => {
    expect([...bigrams('路灯路灯')]).toEqual([
      ['路灯', 2],
      ['灯路', 1],
    ]);
    expect([...bigrams('灯')]).toEqual([['灯', 1]]);
    expect(bigrams('，。').size).toBe(0);
  });

  test('identical texts are 1, unrelated ones 0, empty ones 0', () => {
    expect(textSimilarity('楼道灯坏了', '楼道灯坏了')).toBe(1);
    expect(textSimilarity('楼道灯坏了', '想学书法')).toBe(0);
    expect(textSimilarity('', '楼道灯坏了')).toBe(0);
  });

  test('the same worry in other words scores above the suggestion threshold; a different one below', () => {
    const filed = { title: '小区东门路灯不亮', content: '东门路灯坏了，晚上很黑，出行不安全。' };
    expect(
      concernSimilarity({ title: '东门的路灯坏了', content: '晚上出门很黑' }, filed),
    ).toBeGreaterThanOrEqual(0.3);
    expect(concernSimilarity({ title: '菜市场门口积水', content: '下雨天积水严重' }, filed)).toBeLessThan(
      0.3,
    );
    expect(concernSimilarity({ title: '希望开设书法班', content: '想学写毛笔字' }, filed)).toBeLessThan(0.1);
  });

  test('is symmetric in its texts', () => {
    expect(textSimilarity('东门路灯不亮', '路灯东门坏了')).toBeCloseTo(
      textSimilarity('路灯东门坏了', '东门路灯不亮'),
    );
  });
});
