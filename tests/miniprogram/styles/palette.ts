/**
 * The mini-program's palette: the colours app.wxss declares (`--c-<name>` on `page`, what every page and
 * component styles with), what each is for, and every text colour on every background it is used on.
 * palette.test.ts holds app.wxss to these values, colour for colour, and computes each pair's contrast: at
 * least 4.5:1 for all of them, the standard's bar for text under 18 dp (larger text needs only 3:1; the audit,
 * docs/elder-mode.md, measures the rendered pages). It lives with the tests: WXSS cannot import it, and a
 * file nothing in the mini-program depends on is one the quality scan refuses.
 */
export const PALETTE = {
  /** Main text. */
  text: '#1f1f1f',
  /** Hints, values, descriptions, counters, timeline details (TDesign's 40 % black is 2.85:1: not used). */
  textSecondary: '#595959',
  /** Placeholders in empty fields. */
  placeholder: '#737373',
  /** The page behind the cards. */
  pageBg: '#f5f5f5',
  /** Cards, cells, the footer. */
  card: '#ffffff',
  /** Panels inside a card (排名依据, a follow-up entry). */
  panelBg: '#f7f8fa',
  /** TDesign's cell-group titles and chips. */
  groupBg: '#f3f3f3',
  /** 为民红绳 red: prices, the main buttons (white on it), the selected filter. */
  brand: '#c4161c',
  /** The main buttons while pressed. */
  brandActive: '#a8141a',
  /** Text on the brand red. */
  onBrand: '#ffffff',
  /** The card of the provider chosen. */
  chosenBg: '#fff5f5',
  /** Links and text buttons (电话, 为什么排在这里, 知道了). */
  link: '#0052d9',
  /** Errors, refusals, 拒单 / 已取消 tags. */
  dangerText: '#b3261e',
  dangerBg: '#fff0ed',
  /** Done, free, 已完成 tags. */
  success: '#1b6e3f',
  successBg: '#e3f9e9',
  /** Waiting, widened search, 待接单 tags. */
  warning: '#8a4b00',
  warningBg: '#fff1e9',
  /** Information and 服务中 tags. */
  info: '#0052d9',
  infoBg: '#f2f3ff',
  /** Stars (★). */
  star: '#a15c00',
  /** Buttons that cannot be tapped yet but say what to do (请先勾选服务项目). */
  disabledText: '#4d4d4d',
  disabledBg: '#e7e7e7',
} as const;

export type PaletteColour = keyof typeof PALETTE;

export interface ContrastPair {
  readonly text: PaletteColour;
  readonly on: PaletteColour;
  /** Where the pair appears. */
  readonly use: string;
}

/** Every pair reaches this, whatever the text size. */
export const MIN_TEXT_CONTRAST = 4.5;

export const TEXT_PAIRS: readonly ContrastPair[] = [
  { text: 'text', on: 'card', use: '正文' },
  { text: 'text', on: 'pageBg', use: '页面底色上的正文' },
  { text: 'text', on: 'panelBg', use: '排名依据、回访条目' },
  { text: 'text', on: 'groupBg', use: '默认按钮、筛选' },
  { text: 'text', on: 'chosenBg', use: '已选择的机构' },
  { text: 'text', on: 'successBg', use: '提示条正文' },
  { text: 'text', on: 'dangerBg', use: '提示条正文' },
  { text: 'text', on: 'warningBg', use: '提示条正文' },
  { text: 'text', on: 'infoBg', use: '提示条正文' },
  { text: 'text', on: 'disabledBg', use: '默认按钮' },
  { text: 'textSecondary', on: 'card', use: '说明、值、时间线' },
  { text: 'textSecondary', on: 'pageBg', use: '页面底色上的说明' },
  { text: 'textSecondary', on: 'panelBg', use: '排名依据的说明' },
  { text: 'textSecondary', on: 'groupBg', use: '分组标题、评价页未点亮的星' },
  { text: 'textSecondary', on: 'chosenBg', use: '已选择的机构的说明' },
  { text: 'placeholder', on: 'card', use: '输入框的占位文字' },
  { text: 'onBrand', on: 'brand', use: '主要按钮、已选筛选、首页横幅' },
  { text: 'onBrand', on: 'brandActive', use: '按下的主要按钮' },
  { text: 'brand', on: 'card', use: '价格、描边按钮' },
  { text: 'brand', on: 'pageBg', use: '页面底色上的红字' },
  { text: 'brand', on: 'chosenBg', use: '已选择的机构的价格' },
  { text: 'brand', on: 'panelBg', use: '排名依据的分数' },
  { text: 'link', on: 'card', use: '链接、文字按钮' },
  { text: 'link', on: 'successBg', use: '提示条的“知道了”' },
  { text: 'link', on: 'dangerBg', use: '提示条的“知道了”' },
  { text: 'link', on: 'warningBg', use: '提示条的“知道了”' },
  { text: 'link', on: 'infoBg', use: '提示条的“知道了”' },
  { text: 'link', on: 'chosenBg', use: '已选择的机构的链接' },
  { text: 'dangerText', on: 'dangerBg', use: '拒单、已取消标签，出错提示' },
  { text: 'dangerText', on: 'card', use: '出错说明' },
  { text: 'success', on: 'successBg', use: '已完成标签、成功提示' },
  { text: 'success', on: 'card', use: '免费' },
  { text: 'success', on: 'chosenBg', use: '已选择的机构：免费' },
  { text: 'warning', on: 'warningBg', use: '待接单标签、扩大范围提示' },
  { text: 'info', on: 'infoBg', use: '服务中标签' },
  { text: 'star', on: 'card', use: '星级' },
  { text: 'star', on: 'chosenBg', use: '已选择的机构的星级' },
  { text: 'star', on: 'warningBg', use: '评价页点亮的星' },
  { text: 'disabledText', on: 'disabledBg', use: '暂不能点的按钮上的说明' },
];
