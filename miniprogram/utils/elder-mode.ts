/**
 * 长辈模式 (elder-friendly mode): larger text and touch targets, to the MIIT 适老化 numbers (docs/elder-mode.md).
 * By default it follows the WeChat font setting (我-设置-通用-字体大小) by scale: the standard size keeps the
 * standard look, enlarged sizes turn 长辈模式 on, the largest ones make it larger still. The user may choose
 * 始终开启 or 始终关闭 instead, and go back to following WeChat.
 */

export const ELDER_MODE_STORAGE_KEY = 'elderMode';
/** Set once the home page's first-run offer has been answered. */
export const ELDER_OFFER_STORAGE_KEY = 'elderModeOffered';

/** What the user chose: follow WeChat's font setting (the default), or always on, or always off. */
export type ElderChoice = 'follow' | 'on' | 'off';

export const ELDER_CHOICES: ReadonlyArray<{ value: ElderChoice; label: string }> = [
  { value: 'follow', label: '跟随微信字体大小' },
  { value: 'on', label: '始终开启' },
  { value: 'off', label: '始终关闭' },
];

/** 0: the standard look; 1: 长辈模式; 2: 长辈模式, larger still (WeChat's largest font steps). */
export type TextScale = 0 | 1 | 2;

/** What `wx.getAppBaseInfo()` says about the WeChat font (both fields may be missing on old clients). */
export interface WechatFont {
  /** The font size in px: 16-17 is standard; an iPhone's +1 and +2 steps report 18 and 19.5. */
  readonly fontSizeSetting?: number;
  /** The factor WeChat scales text by (1 at the standard size). */
  readonly fontSizeScaleFactor?: number;
}

/** WeChat's standard font size (iOS; Android's standard 16 reads as a little below 1). */
const STANDARD_FONT_PX = 17;
/** From this scale on WeChat's font is enlarged: an iPhone's first step up (18 px) is 1.06. */
export const ENLARGED_SCALE = 1.05;
/** From this scale on 长辈模式 grows a step more (22 px and up, or WeChat's own factor 1.3). */
export const LARGEST_SCALE = 1.25;

/** How much WeChat enlarges text: its own factor when it gives one, else the font size over the standard. */
export function wechatScale(font: WechatFont): number {
  const byFactor = typeof font.fontSizeScaleFactor === 'number' ? font.fontSizeScaleFactor : 0;
  const bySize = typeof font.fontSizeSetting === 'number' ? font.fontSizeSetting / STANDARD_FONT_PX : 0;
  const scale = Math.max(byFactor, bySize);
  return Number.isFinite(scale) && scale > 0 ? scale : 1;
}

/** The text scale that follows WeChat's font setting. */
export function wechatTextScale(font: WechatFont): TextScale {
  const scale = wechatScale(font);
  if (scale >= LARGEST_SCALE) return 2;
  return scale >= ENLARGED_SCALE ? 1 : 0;
}

export function isWechatFontEnlarged(font: WechatFont): boolean {
  return wechatTextScale(font) > 0;
}

/** The stored choice; anything else (nothing stored yet, an unknown value) follows WeChat. */
export function readChoice(stored: unknown): ElderChoice {
  return stored === 'on' || stored === 'off' ? stored : 'follow';
}

/** The scale in force: 始终开启 is at least 长辈模式 (larger when WeChat is at its largest), 始终关闭 never. */
export function resolveTextScale(choice: ElderChoice, font: WechatFont): TextScale {
  const followed = wechatTextScale(font);
  if (choice === 'off') return 0;
  if (choice === 'on') return followed === 2 ? 2 : 1;
  return followed;
}

/** The page root's classes for a scale (app.wxss): `elder`, and `elder--xl` for the larger step. */
export function elderClassOf(scale: TextScale): string {
  if (scale === 2) return 'elder elder--xl';
  return scale === 1 ? 'elder' : '';
}

/** Offer 长辈模式 on first run: WeChat's font is enlarged and the user has not chosen nor answered yet. */
export function shouldOfferElderMode(stored: unknown, offered: unknown, font: WechatFont): boolean {
  return readChoice(stored) === 'follow' && offered !== true && isWechatFontEnlarged(font);
}

/** What 我的 says about the mode in force. */
export function elderStatusText(choice: ElderChoice, font: WechatFont): string {
  const on = resolveTextScale(choice, font) > 0;
  if (choice === 'follow') {
    const wechat = isWechatFontEnlarged(font) ? '微信字体已调大' : '微信字体为标准大小';
    return `${wechat}，长辈模式${on ? '已开启' : '未开启'}`;
  }
  return on ? '长辈模式已开启' : '长辈模式已关闭';
}
