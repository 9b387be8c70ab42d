/**
 * Complaints about a finished order (function `providers`, docs/governance.md): the resident files one
 * (complaint.submit: the text content-checked on the server, photo file ids uploaded before) and reads their
 * own with the unit's answers (complaint.list view mine). Beside the concerns' services: the form takes its
 * photos with the same picker, limits and upload (concern-photos.service.ts, concern-photo.rules.ts).
 */
import type { ComplaintListResult, ComplaintStepResult } from 'weimin-core';
import { query, write } from '../../../services/call';

export const COMPLAINT_PAGE_SIZE = 20;

/** One intent per filling of the form (`draftId`): a retry after a lost reply never files it twice. */
export function submitComplaint(
  draftId: string,
  input: { orderId: string; content: string; images: string[] },
): Promise<ComplaintStepResult> {
  return write<ComplaintStepResult>('providers', 'complaint.submit', `complaint.submit:${draftId}`, input);
}

/** One page (1-based) of the resident's own complaints, newest first. */
export function myComplaints(page: number): Promise<ComplaintListResult> {
  return query<ComplaintListResult>('providers', 'complaint.list', {
    view: 'mine',
    page,
    pageSize: COMPLAINT_PAGE_SIZE,
  });
}
