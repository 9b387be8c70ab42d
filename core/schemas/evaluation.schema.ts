/**
 * Evaluations (考核评价), rectification re-checks, removal to the blacklist with the regulators' report, and
 * the red-star board (docs/governance.md).
 */
import type { z } from 'zod';
import { EVALUATION_KINDS, EVALUATION_OUTCOMES, EVALUATION_STATUSES } from './evaluation.fields';
import { EVALUATION_GRADES } from '../reputation/reputation.formula';
import { bool, command, id, instant, int, list, oneOf, paging, query, text } from './fields.schema';

/** evaluation.campaign.start: a yearly (or ad hoc) round for the providers managed by a unit. */
export const evaluationCampaignStartSchema = command({
  orgUnitId: id('考核单位'),
  year: int('考核年度', 2021, 2100),
  kind: oneOf('考核类型', EVALUATION_KINDS),
  title: text('考核名称', { max: 60 }),
});
export type EvaluationCampaignStartCommand = z.output<typeof evaluationCampaignStartSchema>;

export const evaluationListSchema = query({
  campaignId: id('考核批次').optional(),
  providerId: id('服务机构').optional(),
  status: oneOf('考核状态', EVALUATION_STATUSES).optional(),
  ...paging,
});
export type EvaluationListQuery = z.output<typeof evaluationListSchema>;

export const evaluationDetailSchema = query({ evaluationId: id('考核评价') });
export type EvaluationDetailQuery = z.output<typeof evaluationDetailSchema>;

/** evaluation.input: one reviewer's score and comment (a new one replaces the reviewer's older one). */
export const evaluationInputSchema = command({
  evaluationId: id('考核评价'),
  reviewerScore: int('评审得分', 0, 100),
  comment: text('评审意见', { max: 500, multiline: true }),
});
export type EvaluationInputCommand = z.output<typeof evaluationInputSchema>;

/** provider.evaluate: the decision, published at once. */
export const providerEvaluateSchema = command({
  evaluationId: id('考核评价'),
  grade: oneOf('考核等次', EVALUATION_GRADES),
  outcome: oneOf('考核结果', EVALUATION_OUTCOMES),
  problems: list('问题清单', text('问题', { max: 200, multiline: true }), { min: 0, max: 20 }).default([]),
  summary: text('考核意见', { max: 1000, multiline: true }),
  /** rectify only; absent: now + governance.rectifyDefaultDays. */
  rectifyDeadline: instant('整改期限').optional(),
}).superRefine((cmd, ctx) => {
  if (cmd.outcome === 'rectify' && cmd.problems.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['problems'], message: '责令限期整改时请填写问题清单' });
  }
  if (cmd.outcome !== 'rectify' && cmd.rectifyDeadline !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['rectifyDeadline'], message: '只有限期整改需要整改期限' });
  }
});
export type ProviderEvaluateCommand = z.output<typeof providerEvaluateSchema>;

/** provider.recheck: at (or before) the deadline, the rectification is accepted or the provider removed. */
export const providerRecheckSchema = command({
  providerId: id('服务机构'),
  fixed: bool('是否整改到位'),
  reason: text('验收意见', { max: 500, multiline: true }),
});
export type ProviderRecheckCommand = z.output<typeof providerRecheckSchema>;

/** provider.remove: a serious violation, without a rectification round. */
export const providerRemoveSchema = command({
  providerId: id('服务机构'),
  reason: text('清退原因', { max: 500, multiline: true }),
});
export type ProviderRemoveCommand = z.output<typeof providerRemoveSchema>;

export const providerReportListSchema = query({ ...paging });
export type ProviderReportListQuery = z.output<typeof providerReportListSchema>;

export const providerReportDocumentSchema = query({ reportId: id('报备记录') });
export type ProviderReportDocumentQuery = z.output<typeof providerReportDocumentSchema>;

/** provider.board: the red-star board, optionally for one item and one unit (and the units below it). */
export const providerBoardSchema = query({
  itemId: id('服务项目').optional(),
  orgUnitId: id('所在单位').optional(),
  ...paging,
});
export type ProviderBoardQuery = z.output<typeof providerBoardSchema>;

/** provider.standing: the caller's own provider (or, for staff of several, the one named). */
export const providerStandingSchema = query({ providerId: id('服务机构').optional() });
export type ProviderStandingQuery = z.output<typeof providerStandingSchema>;
