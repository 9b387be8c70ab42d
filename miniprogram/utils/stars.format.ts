/** The public 1-5 star satisfaction level (星级) as text: '★★★★☆' and '4 星'. */

export const MAX_STARS = 5;

function clampStars(level: number): number {
  if (!Number.isFinite(level)) return 0;
  return Math.min(MAX_STARS, Math.max(0, Math.round(level)));
}

export function starsText(level: number): string {
  const n = clampStars(level);
  return '★'.repeat(n) + '☆'.repeat(MAX_STARS - n);
}

export function starsLabel(level: number): string {
  const n = clampStars(level);
  return n === 0 ? '暂无星级' : `${n} 星`;
}
