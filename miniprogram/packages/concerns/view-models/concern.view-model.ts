/**
 * Concerns as the pages show them: list rows (心愿墙, 我的诉求, 认领/办理), similar concerns before filing, and
 * one concern's detail with its timeline and the buttons its `actions` allow. Read straight from the core's
 * replies (concern.list, concern.detail, concern.similar), once, into what the page renders.
 */
import type {
  ClaimAs,
  ConcernDetail,
  ConcernListItem,
  ConcernStatus,
  ConcernTimelineEntry,
  SimilarConcern,
} from 'weimin-core';
import type { TagTheme } from '../../../utils/status.format';
import { formatShanghaiMinute, formatShanghaiShort } from '../../../utils/time.format';

/** The tag's colour: waiting (review, a claimer), under way, done, refused, ended. Words say the status. */
const THEMES: Readonly<Record<ConcernStatus, TagTheme>> = {
  submitted: 'warning',
  approved: 'warning',
  rejected: 'danger',
  published: 'warning',
  escalated: 'warning',
  referred: 'primary',
  claimed: 'primary',
  in_progress: 'primary',
  resolved: 'success',
  confirmed: 'success',
  closed: 'default',
  withdrawn: 'default',
};

export function concernTheme(status: ConcernStatus): TagTheme {
  return THEMES[status] ?? 'default';
}

export interface ConcernRowView {
  id: string;
  title: string;
  kindLabel: string;
  statusLabel: string;
  statusTheme: TagTheme;
  /** 社区 / 街道 / 县区 / 市: where it waits or is handled. */
  levelLabel: string;
  /** '3 人也关心', '' for none. */
  supportText: string;
  /** Who claimed it, '' while nobody has. */
  claimer: string;
  createdAt: string;
  /** '已超过认领期限' while waiting past its deadline, else ''. */
  overdue: string;
  /** What a screen reader says for the row, ending in how to open it. */
  label: string;
}

/** A row of a list, from the list's item or from a concern's detail (a row refreshed in place). */
export function toConcernRow(item: ConcernListItem, now: number): ConcernRowView {
  const supportText = item.supportCount > 0 ? `${item.supportCount} 人也关心` : '';
  const claimer = item.claimerName ?? '';
  const overdue = item.overdue ? '已超过认领期限' : '';
  const createdAt = formatShanghaiShort(item.createdAt, now);
  const parts = [
    item.kindLabel,
    item.title,
    item.statusLabel,
    item.levelLabel,
    supportText,
    overdue,
    createdAt,
  ];
  return {
    id: item.concernId,
    title: item.title,
    kindLabel: item.kindLabel,
    statusLabel: item.statusLabel,
    statusTheme: concernTheme(item.status),
    levelLabel: item.levelLabel,
    supportText,
    claimer,
    createdAt,
    overdue,
    label: `${parts.filter((p) => p !== '').join('，')}，查看详情`,
  };
}

export interface SimilarRowView {
  id: string;
  title: string;
  statusLabel: string;
  supportText: string;
  /** The 我也关心 button's name for a screen reader. */
  supportLabel: string;
}

export function toSimilarRow(item: SimilarConcern): SimilarRowView {
  return {
    id: item.concernId,
    title: item.title,
    statusLabel: item.statusLabel,
    supportText: item.supportCount > 0 ? `已有 ${item.supportCount} 人关心` : '还没有人表示关心',
    supportLabel: `我也关心：${item.title}`,
  };
}

/** How a claimer may claim (concern.claim `claimAs`), as the claim choices say it. */
export const CLAIM_AS_LABELS: Readonly<Record<ClaimAs, string>> = {
  self: '以个人名义认领',
  team: '以所在志愿服务队名义认领',
  party_org: '以所在党组织名义认领',
  unit: '以本单位名义认领',
};

/** The resident's honest answer to a resolved concern (concern.confirm `outcome`). */
export const CONFIRM_OPTIONS = [
  { value: 'resolved', label: '已解决' },
  { value: 'partly', label: '部分解决' },
  { value: 'unresolved', label: '未解决' },
] as const;
export type ConfirmOutcome = (typeof CONFIRM_OPTIONS)[number]['value'];

export interface TimelineStepView {
  title: string;
  /** When, by whom (a role, never a name), and the reason or progress text. */
  content: string;
  /** Indexes into the detail's `photoIds` (shown as thumbnails). */
  photos: number[];
}

/** The steps the caller may take now: a button each. */
export interface ConcernButtons {
  withdraw: boolean;
  claim: boolean;
  release: boolean;
  update: boolean;
  resolve: boolean;
  confirm: boolean;
  support: boolean;
  /** Any of them: the page shows its action bar. */
  any: boolean;
}

export interface ConcernDetailView extends ConcernRowView {
  /** The details, or why they are not shown (a sensitive worry seen by someone else). */
  content: string;
  /** The resident as the caller may see them: masked (黄**), 匿名居民, or the full name for themselves and staff. */
  residentName: string;
  anonymous: boolean;
  createdAtFull: string;
  /** The concern's own photos: indexes into `photoIds`. */
  photos: number[];
  /** The photos of its progress and resolution (the timeline's), once each: indexes into `photoIds`. */
  progressPhotos: number[];
  resolutionSummary: string;
  /** '居民评价：部分解决（原因）', '' before the answer. */
  confirmation: string;
  reviewReason: string;
  supportedByMe: boolean;
  timeline: TimelineStepView[];
  /** The step on the steps bar: the last. */
  current: number;
  buttons: ConcernButtons;
  claimOptions: Array<{ value: ClaimAs; label: string }>;
}

const HIDDEN_CONTENT = '该诉求涉及个人敏感信息，详细内容仅本人、审核人员和认领人可见';

/** Every photo of the reply (the concern's, then the timeline's), once each, in the order shown. */
export function photoIdsOf(detail: ConcernDetail): string[] {
  const ids: string[] = [];
  for (const id of [...detail.images, ...detail.timeline.flatMap((t) => t.images)]) {
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

function toStep(entry: ConcernTimelineEntry, ids: readonly string[]): TimelineStepView {
  const parts = [formatShanghaiMinute(entry.at), entry.byRole];
  if (entry.levelLabel) parts.push(`推送至${entry.levelLabel}`);
  if (entry.reason) parts.push(entry.reason);
  return { title: entry.label, content: parts.join(' · '), photos: entry.images.map((i) => ids.indexOf(i)) };
}

function toButtons(detail: ConcernDetail): ConcernButtons {
  const a = detail.actions;
  const buttons = {
    withdraw: a.canWithdraw,
    claim: a.canClaim && a.claimAs.length > 0,
    release: a.canRelease,
    update: a.canUpdate,
    resolve: a.canResolve,
    confirm: a.canConfirm,
    support: a.canSupport && !detail.supportedByMe,
  };
  return { ...buttons, any: Object.values(buttons).some(Boolean) };
}

export function toConcernDetail(detail: ConcernDetail, now: number): ConcernDetailView {
  const ids = photoIdsOf(detail);
  const c = detail.confirmation;
  return {
    ...toConcernRow(detail, now),
    content: detail.content ?? HIDDEN_CONTENT,
    residentName: detail.residentName,
    anonymous: detail.anonymous,
    createdAtFull: formatShanghaiMinute(detail.createdAt),
    photos: detail.images.map((i) => ids.indexOf(i)),
    progressPhotos: ids.map((_id, i) => i).filter((i) => !detail.images.includes(ids[i]!)),
    resolutionSummary: detail.resolutionSummary ?? '',
    confirmation: c === null ? '' : `${c.outcomeLabel}${c.reason ? `（${c.reason}）` : ''}`,
    reviewReason: detail.reviewReason ?? '',
    supportedByMe: detail.supportedByMe,
    timeline: detail.timeline.map((t) => toStep(t, ids)),
    current: Math.max(0, detail.timeline.length - 1),
    buttons: toButtons(detail),
    claimOptions: detail.actions.claimAs.map((value) => ({ value, label: CLAIM_AS_LABELS[value] })),
  };
}
