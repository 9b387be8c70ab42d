/**
 * The `concerns` function, as the concerns subpackage calls it (docs/functions.md): 心愿墙, 我的诉求, 认领/办理,
 * one concern's detail and its steps. Each call answers the core's own reply type (weimin-core, types only);
 * the view models shape it for the page. Writes carry a request id per intent (services/call.ts).
 */
import type {
  ClaimAs,
  ConcernDetail,
  ConcernListResult,
  ConcernSimilarResult,
  ConcernStepResult,
  ConcernSupportResult,
} from 'weimin-core';
import { query, write } from '../../../services/call';

export const CONCERN_PAGE_SIZE = 20;

/** The lists the pages show (concern.list `view`): the wall, the claimable, the caller's own, their claimed. */
export type ConcernListView = 'wall' | 'open' | 'mine' | 'claimed';

/** One page (1-based) of a concern list, newest first. */
export function listConcerns(view: ConcernListView, page: number): Promise<ConcernListResult> {
  return query<ConcernListResult>('concerns', 'concern.list', { view, page, pageSize: CONCERN_PAGE_SIZE });
}

export function concernDetail(concernId: string): Promise<ConcernDetail> {
  return query<ConcernDetail>('concerns', 'concern.detail', { concernId });
}

/** concern.submit's input (core/schemas/concern.schema.ts), without the request id `write` adds. */
export interface SubmitConcernInput {
  kind: 'worry' | 'wish';
  title: string;
  content: string;
  images: string[];
  anonymous: boolean;
  crossDepartment: boolean;
  sensitive: boolean;
  sensitiveConsent: boolean;
}

/** One intent per filling of the form (`draftId`): a retry after a lost reply never files it twice. */
export function submitConcern(draftId: string, input: SubmitConcernInput): Promise<ConcernStepResult> {
  return write<ConcernStepResult>('concerns', 'concern.submit', `concern.submit:${draftId}`, input);
}

/** The open concerns of the resident's community that look like what they are about to file. */
export function similarConcerns(title: string, content: string): Promise<ConcernSimilarResult> {
  return query<ConcernSimilarResult>('concerns', 'concern.similar', { title, content });
}

/** 我也关心. */
export function supportConcern(concernId: string): Promise<ConcernSupportResult> {
  return write<ConcernSupportResult>('concerns', 'concern.support', `concern.support:${concernId}`, {
    concernId,
  });
}

const step = (command: string, concernId: string, input: object): Promise<ConcernStepResult> =>
  write<ConcernStepResult>('concerns', command, `${command}:${concernId}`, { concernId, ...input });

export function withdrawConcern(concernId: string, reason: string): Promise<ConcernStepResult> {
  return step('concern.withdraw', concernId, { reason });
}

export function claimConcern(concernId: string, claimAs: ClaimAs): Promise<ConcernStepResult> {
  return step('concern.claim', concernId, { claimAs });
}

export function releaseConcern(concernId: string, reason: string): Promise<ConcernStepResult> {
  return step('concern.release', concernId, { reason });
}

export function updateConcern(concernId: string, text: string, images: string[]): Promise<ConcernStepResult> {
  return step('concern.update', concernId, { text, images });
}

export function resolveConcern(
  concernId: string,
  summary: string,
  images: string[],
): Promise<ConcernStepResult> {
  return step('concern.resolve', concernId, { summary, images });
}

export function confirmConcern(
  concernId: string,
  outcome: 'resolved' | 'partly' | 'unresolved',
  reason: string,
): Promise<ConcernStepResult> {
  return step('concern.confirm', concernId, { outcome, reason });
}
