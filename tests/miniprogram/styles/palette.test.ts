/**
 * The palette (palette.ts): app.wxss declares exactly these colours, and every text colour reaches 4.5:1 on
 * every background it is used on, computed here by the WCAG formula.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIN_TEXT_CONTRAST, PALETTE, TEXT_PAIRS, type PaletteColour } from './palette';
import { contrastRatio, parseColour } from '../pages/audit/colour';

const APP_WXSS = readFileSync(join(__dirname, '..', '..', '..', 'miniprogram', 'app.wxss'), 'utf8');

/** `textSecondary` → `--c-text-secondary`. */
const variableOf = (name: string): string => `--c-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

function declared(): Record<string, string> {
  const page = /(^|\n)page \{([^}]*)\}/.exec(APP_WXSS)?.[2] ?? '';
  return Object.fromEntries(
    [...page.matchAll(/(--c-[a-z-]+):\s*(#[0-9a-fA-F]{3,6})\s*;/g)].map((m) => [m[1]!, m[2]!.toLowerCase()]),
  );
}

function ratio(text: PaletteColour, on: PaletteColour): number {
  return contrastRatio(parseColour(PALETTE[text])!, parseColour(PALETTE[on])!);
}

describe('palette', () => {
  it('should be what app.wxss declares, colour for colour', () => {
    const expected = Object.fromEntries(
      Object.entries(PALETTE).map(([name, value]) => [variableOf(name), value.toLowerCase()]),
    );
    expect(declared()).toEqual(expected);
  });

  it.each(TEXT_PAIRS.map((p) => [p.text, p.on, p.use] as const))(
    '%s on %s (%s) should reach 4.5:1',
    (text, on) => {
      expect(ratio(text, on)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
    },
  );

  it('should leave out the colours the issue measured too faint', () => {
    // TDesign's 40 % black hints, its red buttons and the old stars.
    expect(contrastRatio(parseColour('#999999')!, parseColour('#ffffff')!)).toBeLessThan(3);
    expect(contrastRatio(parseColour('#ffffff')!, parseColour('#d54941')!)).toBeLessThan(4.5);
    expect(contrastRatio(parseColour('#f5a623')!, parseColour('#ffffff')!)).toBeLessThan(3);
    expect(Object.values(PALETTE)).not.toEqual(expect.arrayContaining(['#999999', '#d54941', '#f5a623']));
  });
});

describe('contrast formula', () => {
  it.each([
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#ffffff', 1],
    ['#777777', '#ffffff', 4.48],
  ])('%s on %s is %p:1', (a, b, expected) => {
    expect(contrastRatio(parseColour(a)!, parseColour(b)!)).toBeCloseTo(expected, 2);
  });
});
