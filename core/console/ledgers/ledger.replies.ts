/** What the ledgers' routes answer (docs/ledgers.md "The job protocol"). Types only. */
import type { LedgerExportStatus, LedgerKind } from '../../model/operations.model';

export interface LedgerExportReply {
  readonly jobId: string;
  readonly kind: LedgerKind;
  /** 订单 / 回访 / 服务机构 */
  readonly kindLabel: string;
  /** The unit exported ('' for the whole platform). */
  readonly orgUnitId: string;
  readonly unitName: string;
  readonly from: string;
  readonly to: string;
  /** running -> done | failed */
  readonly status: LedgerExportStatus;
  readonly statusLabel: string;
  readonly rowsWritten: number;
  readonly rowsTotal: number;
  /** 0-100: rows written of the rows counted at the start (100 once uploaded). */
  readonly progress: number;
  readonly fileName: string;
  /** A temporary URL of the workbook (valid for 10 minutes), when done; null otherwise. */
  readonly downloadUrl: string | null;
  readonly phonesMasked: boolean;
  readonly createdAt: number;
  readonly finishedAt: number | null;
  readonly error: string | null;
  /** Who exported it (a console login name). */
  readonly requesterName: string;
  /** The caller's own export: only those are downloaded (another's is exported again, in the caller's name). */
  readonly mine: boolean;
}

export interface LedgerExportListReply {
  /** The most recent exports of the worker's unit and below, by anyone, newest first (no download URLs). */
  readonly items: readonly LedgerExportReply[];
  /** The kinds the console exports, for the picker. */
  readonly kinds: readonly { readonly value: LedgerKind; readonly label: string }[];
  /** The units the worker may export: each unit of their scope, then its direct subunits (the picker). */
  readonly units: readonly LedgerUnitOption[];
}

export interface LedgerUnitOption {
  readonly unitId: string;
  readonly name: string;
  /** 0: a unit of the worker's scope; 1: one of its direct subunits. */
  readonly depth: 0 | 1;
}
