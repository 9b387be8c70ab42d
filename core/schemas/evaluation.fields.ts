/**
 * The value lists of the evaluation commands, without zod: the schemas (evaluation.schema.ts) are built from
 * them and the model (core/model/evaluation.model.ts) types its fields with them, like feedback.fields.ts.
 */

/** A campaign is the yearly evaluation or an ad hoc one. */
export const EVALUATION_KINDS = ['yearly', 'ad_hoc'] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];

/** An evaluation is reviewed (draft), then decided and published at once. */
export const EVALUATION_STATUSES = ['draft', 'published'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

/** What an evaluation decides: commendation, a critical notice, a grade change, or rectification. */
export const EVALUATION_OUTCOMES = ['commend', 'notice', 'grade_change', 'rectify'] as const;
export type EvaluationOutcome = (typeof EVALUATION_OUTCOMES)[number];
