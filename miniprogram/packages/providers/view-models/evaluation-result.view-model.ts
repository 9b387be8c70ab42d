/**
 * 考核结果 as the page shows it: a provider's published evaluations (evaluation.list {providerId}) with year,
 * kind, grade and outcome (奖惩) in words, the rectification deadline where there is one; and, opened, the
 * published summary and problem list (evaluation.detail). Only what is published (公示) is shown: drafts a
 * reviewer's list may hold are left out, and the reviewers' own figures (their scores and count, the
 * indicators, their comments) are never mapped.
 */
import type { EvaluationDetail, EvaluationListItem } from 'weimin-core';
import { formatShanghaiMinute } from '../../../utils/time.format';

export interface ResultRowView {
  id: string;
  /** '2026 年 · 年度考核'. */
  title: string;
  /** The campaign's name, '' for a result from before campaigns. */
  campaign: string;
  /** '考核等级：合格', '' when none was given. */
  grade: string;
  /** '处理结果：限期整改', '' for a result from before outcomes were kept. */
  outcome: string;
  /** '整改期限：2027-01-14 10:00', '' without one. */
  deadline: string;
  /** '公布于 2026-12-15 10:00'. */
  published: string;
  /** The outcome is rectification (the page then says where the provider stands now). */
  rectify: boolean;
  label: string;
}

/** Whether the evaluation is public: drafts (a reviewer's own list) are not results. */
export function isPublishedResult(item: EvaluationListItem): boolean {
  return item.status === 'published';
}

export function toResultRow(item: EvaluationListItem): ResultRowView {
  const title = `${item.year} 年 · ${item.kindLabel}`;
  const grade = item.gradeLabel === null ? '' : `考核等级：${item.gradeLabel}`;
  const outcome = item.outcomeLabel === null ? '' : `处理结果：${item.outcomeLabel}`;
  const deadline =
    item.rectifyDeadline === null ? '' : `整改期限：${formatShanghaiMinute(item.rectifyDeadline)}`;
  const published = item.publishedAt === null ? '' : `公布于 ${formatShanghaiMinute(item.publishedAt)}`;
  return {
    id: item.evaluationId,
    title,
    campaign: item.campaignTitle ?? '',
    grade,
    outcome,
    deadline,
    published,
    rectify: item.outcome === 'rectify' || item.rectifyDeadline !== null,
    label: [title, grade, outcome, deadline, '查看评价意见和问题清单'].filter((s) => s !== '').join('，'),
  };
}

export interface ResultDetailView {
  summary: string;
  problems: string[];
  /** '机构目前的状态：限期整改' for a rectification, '' otherwise. */
  standing: string;
}

export function toResultDetail(detail: EvaluationDetail): ResultDetailView {
  const rectify = detail.outcome === 'rectify' || detail.rectifyDeadline !== null;
  return {
    summary: detail.summary,
    problems: [...detail.problems],
    standing: rectify ? `机构目前的状态：${detail.providerStatusLabel}` : '',
  };
}
