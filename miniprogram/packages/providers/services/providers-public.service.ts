/**
 * The `providers` function, as the public providers subpackage calls it (docs/functions.md,
 * docs/governance.md): the red-star board (provider.board), the public notice of applications
 * (provider.notice.list) and an objection to one (provider.application.object), a provider's published
 * evaluation results (evaluation.list {providerId}, evaluation.detail). Each call answers the core's
 * own reply type (weimin-core, types only). Writes carry a request id per intent (services/call.ts).
 */
import type {
  EvaluationDetail,
  EvaluationListResult,
  NoticeListResult,
  ObjectionSubmitResult,
  RedStarBoardResult,
} from 'weimin-core';
import { query, write } from '../../../services/call';

export const BOARD_PAGE_SIZE = 20;
export const NOTICE_PAGE_SIZE = 20;
export const RESULT_PAGE_SIZE = 20;

/** One page (1-based) of the board, for one item or all. */
export function redStarBoard(page: number, itemId: string): Promise<RedStarBoardResult> {
  return query<RedStarBoardResult>('providers', 'provider.board', {
    ...(itemId === '' ? {} : { itemId }),
    page,
    pageSize: BOARD_PAGE_SIZE,
  });
}

/** One page (1-based) of the applications under public notice. */
export function listNotices(page: number): Promise<NoticeListResult> {
  return query<NoticeListResult>('providers', 'provider.notice.list', { page, pageSize: NOTICE_PAGE_SIZE });
}

/** One intent per filling of the form (`draftId`). */
export function objectToApplication(
  draftId: string,
  applicationId: string,
  content: string,
  contactPhone: string,
): Promise<ObjectionSubmitResult> {
  return write<ObjectionSubmitResult>(
    'providers',
    'provider.application.object',
    `provider.application.object:${draftId}`,
    { applicationId, content, ...(contactPhone === '' ? {} : { contactPhone }) },
  );
}

/**
 * One page (1-based) of a provider's published evaluations (公示), asked for by status so that a reviewer of
 * the provider's unit gets full pages too (the view model still leaves out anything else).
 */
export function listEvaluationResults(providerId: string, page: number): Promise<EvaluationListResult> {
  return query<EvaluationListResult>('providers', 'evaluation.list', {
    providerId,
    status: 'published',
    page,
    pageSize: RESULT_PAGE_SIZE,
  });
}

/** One published evaluation: its summary and problem list (the reviewers' figures stay with them). */
export function evaluationResult(evaluationId: string): Promise<EvaluationDetail> {
  return query<EvaluationDetail>('providers', 'evaluation.detail', { evaluationId });
}
