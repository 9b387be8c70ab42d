/** Values of subscribe-message templates, cut to WeChat's limits. */

/** At most `max` characters (code points); longer text ends with '…'. Empty text becomes `fallback`. */
export function fitThing(text: string, fallback = '无', max = 20): string {
  const chars = [...text.trim()];
  if (chars.length === 0) return fallback;
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}
