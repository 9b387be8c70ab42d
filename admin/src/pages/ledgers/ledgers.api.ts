/** admin-api's ledger routes (docs/ledgers.md "The job protocol"), typed with the core's replies. */
import type {
  LedgerExportListReply,
  LedgerExportReply,
} from '../../../../core/console/ledgers/ledger.replies';
import { get, post } from '../../api/http';

export interface LedgerExportRequest {
  kind: string;
  orgUnitId?: string | undefined;
  from: string;
  to: string;
}

/** Runs the export and answers when the workbook is uploaded (the page polls the list meanwhile). */
export const startLedgerExport = (request: LedgerExportRequest) =>
  post<LedgerExportReply>('/console/api/ledgers/exports', request);
export const ledgerExports = () => get<LedgerExportListReply>('/console/api/ledgers/exports');
export const ledgerExportJob = (jobId: string) =>
  get<LedgerExportReply>(`/console/api/ledgers/exports/${encodeURIComponent(jobId)}`);
