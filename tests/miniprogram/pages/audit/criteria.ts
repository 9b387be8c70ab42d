/**
 * The numbers the audit holds every page to (MIIT 《移动互联网应用（APP）适老化通用设计规范》, 2021, at
 * 1 rpx = 0.5 dp on a 375-dp phone; docs/elder-mode.md), the judging of what collect-page.browser.js
 * measured, and the page × criterion table the audit prints.
 */
import { WHITE, coloursIn, contrastRatio, over, parseColour, type Rgba } from './colour';

/** 标准模式; 长辈模式 at its smallest (WeChat's standard font, 始终开启); and its larger step (WeChat's largest fonts). */
export type Mode = 'normal' | 'elder' | 'elder-xl';

export const MODES: readonly Mode[] = ['normal', 'elder', 'elder-xl'];

export const MODE_NAMES: Readonly<Record<Mode, string>> = {
  normal: '标准模式',
  elder: '长辈模式',
  'elder-xl': '长辈模式·特大',
};

/** Per mode: the smallest text (rpx) and the smallest touch target side (rpx). */
export const LIMITS: Readonly<Record<Mode, { font: number; target: number }>> = {
  // The standard's 44 dp for ordinary pages; 14 dp text is our own floor (TDesign's tags are 10 dp).
  normal: { font: 28, target: 88 },
  // 18 dp main text, 60 × 60 dp targets.
  elder: { font: 36, target: 120 },
  'elder-xl': { font: 36, target: 120 },
};

/** Line spacing at least 1.3 (line-height over font size). */
export const MIN_LINE_HEIGHT = 1.3;
/** Text this large (18 dp) needs 3:1, smaller text 4.5:1. */
export const LARGE_TEXT_RPX = 36;

export function requiredContrast(fontSize: number): number {
  return fontSize >= LARGE_TEXT_RPX ? 3 : 4.5;
}

export interface RawText {
  where: string;
  text: string;
  fontSize: number;
  fontWeight: number;
  lineHeight: number | null;
  color: string;
  opacity: number;
  backgrounds: Array<{ color: string; image: string }>;
  overflow: { where: string; by: number } | null;
}

export interface RawTarget {
  where: string;
  width: number;
  height: number;
  role: string;
  name: string;
}

export interface RawPage {
  texts: RawText[];
  targets: RawTarget[];
  height: number;
}

export const CRITERIA = ['font', 'contrast', 'lineHeight', 'target', 'name', 'overflow'] as const;
export type Criterion = (typeof CRITERIA)[number];

export interface Miss {
  page: string;
  criterion: Criterion;
  where: string;
  what: string;
  value: string;
  need: string;
}

export interface Cell {
  checked: number;
  misses: number;
  /** The worst value found ('' when nothing was checked). */
  worst: string;
}

export interface PageResult {
  title: string;
  mode: Mode;
  cells: Record<Criterion, Cell>;
  misses: Miss[];
}

/** Every background the text may sit on: the layers composited from the farthest up (gradients: each stop). */
export function backgroundsBehind(layers: RawText['backgrounds']): Rgba[] {
  let behind: Rgba[] = [WHITE];
  for (const layer of [...layers].reverse()) {
    const colour = parseColour(layer.color);
    if (colour !== null && colour.a > 0) behind = behind.map((b) => over(colour, b));
    const stops = coloursIn(layer.image);
    if (stops.length > 0) behind = behind.flatMap((b) => stops.map((s) => over(s, b)));
  }
  return behind;
}

/** The lowest contrast of the text's colour (with its opacity) on any background behind it. */
export function contrastOf(text: RawText): number {
  const colour = parseColour(text.color) ?? { r: 0, g: 0, b: 0, a: 1 };
  const ink = { ...colour, a: colour.a * text.opacity };
  return Math.min(...backgroundsBehind(text.backgrounds).map((bg) => contrastRatio(over(ink, bg), bg)));
}

const round = (n: number, digits: number): number => Math.round(n * 10 ** digits) / 10 ** digits;

function cell(values: number[], misses: number, show: (worst: number) => string): Cell {
  return { checked: values.length, misses, worst: values.length === 0 ? '' : show(Math.min(...values)) };
}

function judgeTexts(title: string, mode: Mode, texts: readonly RawText[], misses: Miss[]) {
  const miss = (criterion: Criterion, t: RawText, value: string, need: string) =>
    misses.push({ page: title, criterion, where: t.where, what: t.text, value, need });
  const sizes: number[] = [];
  const ratios: number[] = [];
  const spacings: number[] = [];
  const counts = { font: 0, contrast: 0, lineHeight: 0, overflow: 0 };
  for (const t of texts) {
    sizes.push(t.fontSize);
    if (t.fontSize < LIMITS[mode].font - 0.01) {
      counts.font += 1;
      miss('font', t, `${round(t.fontSize, 1)} rpx`, `≥ ${LIMITS[mode].font} rpx`);
    }
    const ratio = contrastOf(t);
    ratios.push(ratio);
    if (ratio < requiredContrast(t.fontSize)) {
      counts.contrast += 1;
      miss('contrast', t, `${round(ratio, 2)}:1 (${t.color})`, `≥ ${requiredContrast(t.fontSize)}:1`);
    }
    const spacing = t.lineHeight === null ? 0 : t.lineHeight / t.fontSize;
    spacings.push(spacing);
    if (spacing < MIN_LINE_HEIGHT) {
      counts.lineHeight += 1;
      miss(
        'lineHeight',
        t,
        t.lineHeight === null ? 'normal' : `${round(spacing, 2)}`,
        `≥ ${MIN_LINE_HEIGHT}`,
      );
    }
    if (t.overflow !== null) {
      counts.overflow += 1;
      miss('overflow', t, `${t.overflow.by} rpx beyond ${t.overflow.where}`, 'inside its box');
    }
  }
  return {
    font: cell(sizes, counts.font, (w) => `${round(w, 1)}`),
    contrast: cell(ratios, counts.contrast, (w) => `${round(w, 1)}:1`),
    lineHeight: cell(spacings, counts.lineHeight, (w) => `${round(w, 2)}`),
    overflow: { checked: texts.length, misses: counts.overflow, worst: '' },
  };
}

function judgeTargets(title: string, mode: Mode, targets: readonly RawTarget[], misses: Miss[]) {
  const limit = LIMITS[mode].target;
  let small = 0;
  let unnamed = 0;
  let worst: RawTarget | null = null;
  for (const t of targets) {
    if (worst === null || Math.min(t.width, t.height) < Math.min(worst.width, worst.height)) worst = t;
    if (t.width < limit - 0.5 || t.height < limit - 0.5) {
      small += 1;
      misses.push({
        page: title,
        criterion: 'target',
        where: t.where,
        what: t.name,
        value: `${t.width}×${t.height} rpx`,
        need: `≥ ${limit}×${limit} rpx`,
      });
    }
    if (t.role === '' || t.name === '') {
      unnamed += 1;
      misses.push({
        page: title,
        criterion: 'name',
        where: t.where,
        what: t.name,
        value: `role "${t.role}", name "${t.name}"`,
        need: 'a role and a name',
      });
    }
  }
  return {
    target: {
      checked: targets.length,
      misses: small,
      worst: worst === null ? '' : `${Math.round(worst.width)}×${Math.round(worst.height)}`,
    },
    name: { checked: targets.length, misses: unnamed, worst: '' },
  };
}

export function judgePage(title: string, mode: Mode, raw: RawPage): PageResult {
  const misses: Miss[] = [];
  const texts = judgeTexts(title, mode, raw.texts, misses);
  const targets = judgeTargets(title, mode, raw.targets, misses);
  return { title, mode, cells: { ...texts, ...targets }, misses };
}

/** Display width in a terminal: CJK and full-width characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return w;
}

const pad = (text: string, to: number): string => text + ' '.repeat(Math.max(0, to - width(text)));

function show(c: Cell): string {
  if (c.checked === 0) return '–';
  const mark = c.misses === 0 ? '✓' : `✗ ${c.misses}/`;
  const worst = c.worst === '' ? '' : ` 最差 ${c.worst}`;
  return `${mark}${c.misses === 0 ? ` ${c.checked}` : c.checked}${worst}`;
}

/** The page × criterion table of one mode. */
export function formatTable(mode: Mode, results: readonly PageResult[]): string {
  const limit = LIMITS[mode];
  const head = [
    `${MODE_NAMES[mode]}`,
    `字号≥${limit.font}rpx`,
    `对比度≥4.5(大字3)`,
    `行高≥${MIN_LINE_HEIGHT}`,
    `点按区≥${limit.target}×${limit.target}`,
    `名称与角色`,
    `不溢出`,
  ];
  const rows = results
    .filter((r) => r.mode === mode)
    .map((r) => [r.title, ...CRITERIA.map((c) => show(r.cells[c]))]);
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((row) => width(row[i]!))));
  const line = (cells: readonly string[]) => cells.map((c, i) => pad(c, widths[i]!)).join(' │ ');
  return [line(head), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...rows.map(line)].join('\n');
}
