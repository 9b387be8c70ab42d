/**
 * 红星榜 as the page shows it: each row of provider.board with its rank, stars (★★★★☆ and 4 星, never by
 * colour alone), 差评率 beside them, the item and the unit; and the item filters from the catalog.
 */
import type { RedStarBoardRow } from 'weimin-core';
import { starsLabel, starsText } from '../../../utils/stars.format';

/** 差评率 as text: '差评率 3.2%', '暂无评价' without ratings. */
export function lowRatingRateText(rate: number | null): string {
  if (rate === null) return '暂无评价';
  const percent = Math.round(rate * 1000) / 10;
  return `差评率 ${percent}%`;
}

export interface BoardRowView {
  key: string;
  providerId: string;
  rank: number;
  name: string;
  stars: string;
  starsLabel: string;
  lowRate: string;
  /** '家政保洁 · 城南社区 · 42 条评价'. */
  description: string;
  /** What the provider offers. */
  items: string;
  label: string;
}

export function toBoardRow(row: RedStarBoardRow): BoardRowView {
  const lowRate = lowRatingRateText(row.lowRatingRate);
  const description = `${row.itemName} · ${row.orgUnitName} · ${row.ratingCount} 条评价`;
  return {
    key: `${row.itemId}:${row.orgUnitId}:${row.providerId}`,
    providerId: row.providerId,
    rank: row.rank,
    name: row.providerName,
    stars: starsText(row.starLevel),
    starsLabel: starsLabel(row.starLevel),
    lowRate,
    description,
    items: row.items.join('、'),
    label: `第 ${row.rank} 名，${row.providerName}，${starsLabel(row.starLevel)}，${lowRate}，${description}`,
  };
}

export interface ItemFilterView {
  value: string;
  label: string;
}
