/** What the funding ledger's routes answer (docs/funds.md). Types only. */
import type { FundFigures } from '../accounting/fund.figures';
import type { FundSource, FundUse } from '../model/operations.model';
import type { OrgLevel } from '../org/org-levels';

export type { FundFigures };

export interface FundUnitRef {
  readonly unitId: string;
  readonly name: string;
  readonly fullName: string;
  readonly level: OrgLevel;
  readonly orgPath: string;
}

/** 登记 (an entry as recorded), 冲销 (a reversal), 更正 (the corrected entry recorded with a reversal). */
export type FundEntryKind = 'entry' | 'reversal' | 'correction';

export interface FundEntryView {
  readonly entryId: string;
  readonly orgUnitId: string;
  readonly unitName: string;
  readonly direction: 'income' | 'expense';
  /** 收入 / 支出 */
  readonly directionLabel: string;
  readonly source: FundSource | null;
  readonly use: FundUse | null;
  /** The source's or the use's label. */
  readonly categoryLabel: string;
  /** Integer fen; negative on a reversal. */
  readonly amountFen: number;
  readonly date: string;
  readonly note: string;
  readonly counterparty: string;
  /** Receipts: console file ids (fund_receipt), opened through the console's files route. */
  readonly attachments: readonly string[];
  readonly recordedByName: string;
  readonly createdAt: number;
  readonly kind: FundEntryKind;
  readonly kindLabel: string;
  readonly reversesEntryId: string | null;
  readonly correctsEntryId: string | null;
  readonly reason: string;
  /** The reversal that cancelled this entry, and the corrected entry recorded with it; null if never corrected. */
  readonly correctedBy: {
    readonly reversalId: string;
    readonly replacementId: string | null;
    readonly reason: string;
    readonly at: number;
  } | null;
  /** Whether the caller may correct it now (their own unit's, not a reversal, not corrected yet). */
  readonly correctable: boolean;
}

export interface FundOption<V extends string> {
  readonly value: V;
  readonly label: string;
}

export interface FundListReply {
  readonly items: readonly FundEntryView[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly unit: FundUnitRef;
}

export interface FundChildLine {
  readonly unit: FundUnitRef;
  /** The child's own entries and everything below it. */
  readonly figures: FundFigures;
}

export interface FundSummaryReply {
  readonly year: number;
  readonly unit: FundUnitRef;
  /** From the caller's top unit down to this one (the selector's trail). */
  readonly trail: readonly FundUnitRef[];
  /** Whether the caller keeps this unit's books (records and corrects here). */
  readonly canRecord: boolean;
  /** The unit's own entries and every unit's below it. */
  readonly total: FundFigures;
  /** The unit's own entries only (本级). */
  readonly own: FundFigures;
  readonly children: readonly FundChildLine[];
  readonly sources: readonly FundOption<FundSource>[];
  readonly uses: readonly FundOption<FundUse>[];
}

export interface FundRecordResult {
  readonly entry: FundEntryView;
}

export interface FundCorrectResult {
  readonly reversal: FundEntryView;
  readonly replacement: FundEntryView | null;
}
