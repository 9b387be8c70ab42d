/**
 * The provider's own governance pages as they show it: its offerings with prices and review state
 * (provider.offering.list), its 差评 follow-up tickets with their clocks (feedback.ticket.list), and its
 * standing (provider.standing: star level, the parts of its score, 差评率, rank, tips); and the ticket and
 * appeal forms, checked by their commands' rules (core/schemas/feedback.schema.ts) with the core's field
 * checks. Read straight from the core's replies, once, into what the page renders.
 */
import {
  CONTACT_CHANNELS,
  CONTACT_CHANNEL_LABELS,
  TICKET_OUTCOMES,
  TICKET_OUTCOME_LABELS,
  checkOneOf,
  checkText,
  type ContactChannel,
  type FeedbackTicketView,
  type FieldCheck,
  type OfferingView,
  type ProviderStanding,
  type TicketOutcome,
} from 'weimin-core';
import type { TagTheme } from '../../../utils/status.format';
import { starsLabel, starsText } from '../../../utils/stars.format';
import { formatShanghaiMinute } from '../../../utils/time.format';

/** 差评率 as text: '差评率 3.2%', '暂无评价' without ratings. */
export function lowRatingRateText(rate: number | null): string {
  return rate === null ? '暂无评价' : `差评率 ${Math.round(rate * 1000) / 10}%`;
}

// ---- 服务报价 ----

export interface OfferingRowView {
  id: string;
  itemId: string;
  itemName: string;
  price: string;
  /** '已上架，居民可以选择' / '待社区审核，审核通过后居民才能看到' / '已下架'. */
  state: string;
  stateTheme: TagTheme;
  stateLabel: string;
  reviewReason: string;
  active: boolean;
}

export function toOfferingRow(o: OfferingView): OfferingRowView {
  let state: string;
  let stateTheme: TagTheme;
  let stateLabel: string;
  if (!o.active) {
    [state, stateTheme, stateLabel] = ['已下架，居民看不到', 'default', '已下架'];
  } else if (o.review === 'pending') {
    [state, stateTheme, stateLabel] = ['待社区审核，审核通过后居民才能看到', 'warning', o.reviewLabel];
  } else if (o.review === 'rejected') {
    [state, stateTheme, stateLabel] = ['审核未通过，居民看不到', 'danger', o.reviewLabel];
  } else if (o.matchable) {
    [state, stateTheme, stateLabel] = ['已上架，居民可以选择', 'success', '已上架'];
  } else {
    [state, stateTheme, stateLabel] = ['本机构暂停服务期间，居民看不到', 'default', '暂不可选'];
  }
  return {
    id: o.offeringId,
    itemId: o.itemId,
    itemName: o.itemName,
    price: o.priceText,
    state,
    stateTheme,
    stateLabel,
    reviewReason: o.reviewReason ?? '',
    active: o.active,
  };
}

// ---- 差评回访工单 ----

export interface TicketRowView {
  id: string;
  ratingId: string;
  itemName: string;
  /** '2 星：不满意'. */
  rating: string;
  ratingText: string;
  statusLabel: string;
  statusTheme: TagTheme;
  /** '联系居民：12月1日 14:30 前' (or when it was done), with '（已超时）' when late. */
  contactClock: string;
  fixClock: string;
  overdue: boolean;
  contact: string;
  resolution: string;
  canContact: boolean;
  canResolve: boolean;
}

function clock(what: string, dueAt: number, doneAt: number | null, overdue: boolean): string {
  const late = overdue ? '（已超时）' : '';
  return doneAt === null
    ? `${what}：${formatShanghaiMinute(dueAt)} 前${late}`
    : `${what}：已于 ${formatShanghaiMinute(doneAt)} 完成${late}`;
}

export function toTicketRow(t: FeedbackTicketView): TicketRowView {
  const overdue = t.contactOverdue || t.fixOverdue;
  return {
    id: t.ticketId,
    ratingId: t.ratingId,
    itemName: t.itemName,
    rating: `${t.stars} 星：${t.levelLabel}`,
    ratingText: t.ratingText,
    statusLabel: t.statusLabel,
    statusTheme: t.status === 'resolved' ? 'success' : overdue ? 'danger' : 'warning',
    contactClock: clock('联系居民', t.contactDueAt, t.contactedAt, t.contactOverdue),
    fixClock: clock('整改或解释', t.fixDueAt, t.resolvedAt, t.fixOverdue),
    overdue,
    contact: t.contactedAt === null ? '' : `${t.contactChannelLabel ?? ''}：${t.contactNote}`,
    resolution: t.resolvedAt === null ? '' : `${t.outcomeLabel ?? ''}：${t.resolutionNote}`,
    canContact: t.actions.canContact,
    canResolve: t.actions.canResolve,
  };
}

export const CHANNEL_OPTIONS = CONTACT_CHANNELS.map((value) => ({
  value,
  label: CONTACT_CHANNEL_LABELS[value],
}));
export const OUTCOME_OPTIONS = TICKET_OUTCOMES.map((value) => ({
  value,
  label: TICKET_OUTCOME_LABELS[value],
}));

const CONTACT_NOTE = { label: '联系情况', max: 500, multiline: true } as const;
const RESOLVE_NOTE = { label: '整改或解释说明', max: 500, multiline: true } as const;
const APPEAL_REASON = { label: '申诉理由', max: 500, multiline: true } as const;
export const NOTE_MAX = 500;

export function checkContact(
  channel: string,
  note: string,
): FieldCheck<{ channel: ContactChannel; note: string }> {
  const c = checkOneOf('联系方式', CONTACT_CHANNELS, channel === '' ? undefined : channel);
  if (!c.ok) return c;
  const n = checkText(CONTACT_NOTE.label, CONTACT_NOTE, note);
  return n.ok ? { ok: true, value: { channel: c.value, note: n.value } } : n;
}

export function checkResolution(
  outcome: string,
  note: string,
): FieldCheck<{ outcome: TicketOutcome; note: string }> {
  const o = checkOneOf('办理结果', TICKET_OUTCOMES, outcome === '' ? undefined : outcome);
  if (!o.ok) return o;
  const n = checkText(RESOLVE_NOTE.label, RESOLVE_NOTE, note);
  return n.ok ? { ok: true, value: { outcome: o.value, note: n.value } } : n;
}

export function checkAppealReason(reason: string): FieldCheck<string> {
  return checkText(APPEAL_REASON.label, APPEAL_REASON, reason);
}

// ---- 本机构星级 ----

export interface StandingView {
  /** For the way to its 考核结果. */
  providerId: string;
  name: string;
  statusLabel: string;
  stars: string;
  starsLabel: string;
  reputation: string;
  lowRate: string;
  ratingCount: number;
  /** '已上红星榜' or '三星及以上才能上红星榜，还差…'. */
  board: string;
  parts: Array<{ key: string; label: string; points: string; explanation: string }>;
  ranks: Array<{ key: string; text: string }>;
  tips: Array<{ key: string; text: string }>;
  evaluation: string;
}

const one = (n: number): string => String(Math.round(n * 10) / 10);

export function toStandingView(s: ProviderStanding): StandingView {
  const e = s.latestEvaluation;
  return {
    providerId: s.providerId,
    name: s.providerName,
    statusLabel: s.statusLabel,
    stars: starsText(s.starLevel),
    starsLabel: starsLabel(s.starLevel),
    reputation: one(s.reputation),
    lowRate: lowRatingRateText(s.lowRatingRate),
    ratingCount: s.ratingCount,
    board: s.redStar
      ? '已上红星榜'
      : `${s.boardMinStars} 星及以上才能上红星榜，现在是 ${starsLabel(s.starLevel)}`,
    parts: s.parts.map((p) => ({
      key: p.key,
      label: p.label,
      points: `${one(p.points)} / ${one(p.weight)} 分`,
      explanation: p.explanation,
    })),
    ranks: s.ranks.map((r) => ({
      key: `${r.itemId}:${r.orgUnitId}`,
      text: `${r.itemName} · ${r.orgUnitName}：第 ${r.rank} 名（共 ${r.of} 家）`,
    })),
    tips: s.tips.map((t) => ({ key: `${t.key}:${t.text}`, text: `${t.text}（约可提高 ${one(t.gain)} 分）` })),
    evaluation:
      e === null
        ? ''
        : `${e.year} 年考核：${e.gradeLabel}，${e.outcomeLabel}${e.problems.length > 0 ? `；问题：${e.problems.join('；')}` : ''}${e.rectifyDeadline === null ? '' : `；整改期限 ${formatShanghaiMinute(e.rectifyDeadline)}`}`,
  };
}
