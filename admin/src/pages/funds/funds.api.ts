/** admin-api's funding-ledger routes (docs/funds.md), typed with the core's replies. */
import type {
  FundCorrectResult,
  FundListReply,
  FundRecordResult,
  FundSummaryReply,
} from '../../../../core/funds/fund.replies';
import type { Filters } from '../../api/console';
import { get, post, queryOf } from '../../api/http';

export interface FundEntryFields {
  direction: 'income' | 'expense';
  source?: string;
  use?: string;
  amountFen: number;
  date: string;
  note: string;
  counterparty: string;
  attachments: string[];
}

export const fundSummary = (filters: Filters) =>
  get<FundSummaryReply>(`/console/api/funds/summary${queryOf(filters)}`);
export const fundEntries = (filters: Filters) =>
  get<FundListReply>(`/console/api/funds/entries${queryOf(filters)}`);
export const recordFund = (fields: FundEntryFields & { orgUnitId: string }, clientRequestId: string) =>
  post<FundRecordResult>('/console/api/funds/entries', { ...fields, clientRequestId });
export const correctFund = (
  entryId: string,
  body: { reason: string; replacement?: Omit<FundEntryFields, 'direction'> },
  clientRequestId: string,
) =>
  post<FundCorrectResult>(`/console/api/funds/entries/${encodeURIComponent(entryId)}/correct`, {
    ...body,
    clientRequestId,
  });
