/**
 * How alike two short Chinese texts are, for "similar open concerns" before submitting: the Sørensen-Dice
 * coefficient over character bigrams (2 x shared / (bigrams of a + bigrams of b)), counted as multisets.
 * Chinese has no spaces, so words cannot be split without a dictionary; bigrams catch the shared words
 * (路灯, 漏水, 停车) and ignore order. Texts are normalised first (NFKC folds full-width letters and digits,
 * lower case, punctuation and spaces removed). Decision 0023 says why this measure.
 */

/** Letters and digits only, NFKC-folded and lower-cased. */
export function normaliseForSimilarity(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The text's character bigrams with their counts; a one-character text is its own single "bigram". */
export function bigrams(text: string): Map<string, number> {
  const chars = [...normaliseForSimilarity(text)];
  const grams = new Map<string, number>();
  if (chars.length === 1) grams.set(chars[0]!, 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i]! + chars[i + 1]!;
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

function size(grams: ReadonlyMap<string, number>): number {
  let n = 0;
  for (const c of grams.values()) n += c;
  return n;
}

/** Dice similarity of two bigram multisets, 0 (nothing shared) to 1 (the same); 0 when either is empty. */
export function diceOf(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const total = size(a) + size(b);
  if (size(a) === 0 || size(b) === 0) return 0;
  let shared = 0;
  for (const [g, c] of a) shared += Math.min(c, b.get(g) ?? 0);
  return (2 * shared) / total;
}

/** Dice similarity of two texts. */
export function textSimilarity(a: string, b: string): number {
  return diceOf(bigrams(a), bigrams(b));
}

/**
 * How alike a new concern is to an existing one: the better of their titles' similarity and their whole
 * texts' (title and content), so a short, well-matched title counts even when the details differ.
 */
export function concernSimilarity(
  draft: { readonly title: string; readonly content: string },
  existing: { readonly title: string; readonly content: string },
): number {
  const titles = draft.title.trim() === '' ? 0 : textSimilarity(draft.title, existing.title);
  const whole = textSimilarity(`${draft.title}${draft.content}`, `${existing.title}${existing.content}`);
  return Math.max(titles, whole);
}
