import type { ConcernLevel } from '../lifecycle/concern.lifecycle';
import type {
  FUND_SOURCES,
  FUND_USES,
  LEDGER_KINDS,
  StationChecklistKey,
} from '../schemas/operations.schema';
import type { BaseDocument, CalendarDate, Fen, Located, Millis, Timestamps } from './common.model';

/**
 * `stations`: 为民红绳孵化管理中心（站） of a community or grid, with its 十有 checklist
 * (the keys and labels are STATION_CHECKLIST in core/schemas/operations.schema.ts).
 */
export interface Station extends BaseDocument, Timestamps, Located {
  readonly name: string;
  readonly orgUnitId: string;
  readonly address: string;
  readonly phone: string;
  readonly checklist: Readonly<Record<StationChecklistKey, boolean>>;
  /** How many of the ten are met (kept with `checklist` for lists and the dashboard). */
  readonly checklistMet: number;
  /** A 示范点 (demonstration station). */
  readonly demonstration: boolean;
  readonly note: string;
  readonly updatedBy: string | null;
}

/**
 * `joint_meetings`: 城市基层党建工作联席会议 of one unit (city, county, street or community level) and its
 * office, which takes concerns that need several departments.
 */
export interface JointMeeting extends BaseDocument, Timestamps, Located {
  readonly name: string;
  readonly level: ConcernLevel;
  readonly orgUnitId: string;
  readonly officeName: string;
  readonly officePhone: string;
  /** The departments that sit on it. */
  readonly memberDepartments: readonly string[];
}

export type FundSource = (typeof FUND_SOURCES)[number];
export type FundUse = (typeof FUND_USES)[number];

interface FundEntryBase extends BaseDocument, Located {
  readonly orgUnitId: string;
  readonly amountFen: Fen;
  readonly date: CalendarDate;
  readonly note: string;
  readonly recordedBy: string;
  readonly createdAt: Millis;
}

/** `fund_entries`: 经费 income (by source) or expense (by use) of a unit. */
export type FundEntry =
  | (FundEntryBase & { readonly direction: 'income'; readonly source: FundSource })
  | (FundEntryBase & { readonly direction: 'expense'; readonly use: FundUse });

export type LedgerKind = (typeof LEDGER_KINDS)[number];

export const LEDGER_EXPORT_STATUSES = ['running', 'done', 'failed'] as const;
export type LedgerExportStatus = (typeof LEDGER_EXPORT_STATUSES)[number];

/**
 * `ledger_exports`: one 台账 export job. The ledgers themselves are views over `orders`, `follow_ups`,
 * `concerns`, `volunteer_service_logs` and `fund_entries` by `orgPath` prefix and date; this record tracks
 * the long-running export (progress) and the resulting Excel file.
 */
export interface LedgerExport extends BaseDocument, Timestamps, Located {
  readonly kind: LedgerKind;
  readonly orgUnitId: string;
  readonly from: CalendarDate;
  readonly to: CalendarDate;
  readonly requestedBy: string;
  readonly status: LedgerExportStatus;
  /** 0-100. */
  readonly progress: number;
  readonly rowCount: number;
  readonly fileId: string | null;
  readonly error: string | null;
  // Written by the console's export (core/console/ledgers); optional so older records read the same way.
  /** Rows the ledger will hold (counted when the job starts). */
  readonly rowsTotal?: number;
  /** The workbook's file name, e.g. 东门社区服务台账（订单）2026-11-01至2026-11-30.xlsx. */
  readonly fileName?: string;
  /** The unit's name as printed in the title. */
  readonly unitName?: string;
  /** Whether the residents' phones were masked for this worker (resident.phone.view). */
  readonly phonesMasked?: boolean;
  readonly finishedAt?: number | null;
  /** Who exported it, as the unit's list shows it (the console account's login name). */
  readonly requesterName?: string;
}
