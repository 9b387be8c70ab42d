import type { EvaluationGrade } from '../reputation/reputation.formula';
import type { BaseDocument, Located, Millis, Timestamps } from './common.model';

/**
 * `evaluations`: 考核评价, at least yearly, by the unit in `orgPath`. The latest grade is copied onto the
 * provider (`latestEvaluationGrade`); an `unqualified` grade usually comes with a rectification deadline.
 */
export interface Evaluation extends BaseDocument, Timestamps, Located {
  readonly providerId: string;
  readonly providerName: string;
  readonly year: number;
  readonly grade: EvaluationGrade;
  /** 问题清单. */
  readonly problems: readonly string[];
  readonly summary: string;
  readonly evaluatorOpenid: string;
  readonly rectifyDeadline: Millis | null;
  /** Published in the mini-program and in the evaluated community (公示). */
  readonly published: boolean;
}
