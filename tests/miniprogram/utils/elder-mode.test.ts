/** 长辈模式: the user's switch first, else the WeChat font setting. */
import { ELDER_FONT_SIZE_PX, resolveElderMode } from '../../../miniprogram/utils/elder-mode';

describe('长辈模式', () => {
  it.each([
    ['on', 16, true],
    ['off', 24, false],
    ['', 16, false],
    ['', 17, false],
    ['', ELDER_FONT_SIZE_PX, true],
    ['', 24, true],
    [undefined, undefined, false],
  ])('stored %p with font size %p should be %p', (stored, fontSize, elder) => {
    expect(resolveElderMode(stored, fontSize)).toBe(elder);
  });
});
