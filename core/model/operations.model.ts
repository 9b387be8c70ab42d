import type { ConcernLevel } from '../lifecycle/concern.lifecycle';
import type { FUND_SOURCES, FUND_USES, LEDGER_KINDS } from '../schemas/operations.schema';
import type { BaseDocument, CalendarDate, Fen, Located, Millis, Timestamps } from './common.model';

/** `stations` and `station_inspections` (docs/stations.md). */
export type { Station, StationInspection } from './station.model';

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
  /** Integer fen; positive, except a reversal's, which is the negative of the entry it reverses. */
  readonly amountFen: Fen;
  /** The day it was received or spent (a reversal carries its original's day). */
  readonly date: CalendarDate;
  readonly note: string;
  /** Who paid it or was paid (对方单位), business data printed in the ledger; '' when not given. */
  readonly counterparty: string;
  /** Receipts (凭证): console file ids of purpose `fund_receipt`; at least one on spending. */
  readonly attachments: readonly string[];
  readonly recordedBy: string;
  /** The console account that recorded it, as the list and the ledger show it. */
  readonly recordedByName: string;
  readonly createdAt: Millis;
  /** A reversal (冲销): the entry it cancels (its id is `<that id>-rev`, so an entry is reversed once). */
  readonly reversesEntryId: string | null;
  /** A corrected entry (更正后): the entry whose reversal it was recorded with. */
  readonly correctsEntryId: string | null;
  /** Why a reversal was made; '' otherwise. */
  readonly reason: string;
}

/**
 * `fund_entries`: 经费 income (by source) or expense (by use) of a unit. Never edited or removed: a correction
 * is a reversal plus, optionally, the corrected entry (core/funds, decision 0053).
 */
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
