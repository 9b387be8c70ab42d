/**
 * 长辈模式 (elder-friendly mode): larger text and touch targets. The user's own switch wins; without one,
 * it follows the WeChat font setting (我-设置-通用-字体大小): large fonts there turn it on here.
 */

/** WeChat reports the font size in px; the standard setting is 16-17, the large ones start at 20. */
export const ELDER_FONT_SIZE_PX = 20;

export const ELDER_MODE_STORAGE_KEY = 'elderMode';

export type StoredElderMode = 'on' | 'off';

export function resolveElderMode(stored: unknown, fontSizeSetting: number | undefined): boolean {
  if (stored === 'on') return true;
  if (stored === 'off') return false;
  return typeof fontSizeSetting === 'number' && fontSizeSetting >= ELDER_FONT_SIZE_PX;
}
