/**
 * What a ledger export needs besides the database: a workbook written a row at a time (exceljs's streaming
 * writer in function-kit/ledger-workbook.adapter.ts), and cloud storage for the finished file
 * (wx-server-sdk's uploadFile and getTempFileURL in function-kit/wx-storage.adapter.ts). The core decides
 * what goes in the workbook and in which order; the adapters decide how it is written and kept.
 */

/** One cell: text, a number, or empty. */
export type LedgerCell = string | number | null;

export interface LedgerColumn {
  /** The Chinese header. */
  readonly header: string;
  /** Width in characters. */
  readonly width: number;
  /** Excel number format of a numeric column (e.g. '0.00'); text otherwise. */
  readonly numFmt?: string;
}

/** What is printed above a sheet's rows: the layout a community prints (docs/ledgers.md). */
export interface LedgerSheetHead {
  /** The sheet's name (at most 31 characters, no []:*?/\). */
  readonly sheetName: string;
  /** 东门社区服务台账（订单） 2026-11-01 至 2026-11-30 */
  readonly title: string;
  /** Lines under the title: 单位, 统计期间, 导出人, 导出时间, 电话 shown or masked. */
  readonly subtitles: readonly string[];
  readonly columns: readonly LedgerColumn[];
}

/** A small sheet written whole, before the ledger's rows (the funds ledger's 收支汇总). */
export interface LedgerSheet extends LedgerSheetHead {
  readonly rows: readonly (readonly LedgerCell[])[];
  /** A bold totals row after the rows, if any. */
  readonly totals?: readonly LedgerCell[];
}

/** The workbook: its small sheets first, if any, then the ledger's sheet of rows. */
export interface LedgerLayout extends LedgerSheetHead {
  readonly sheetsBefore?: readonly LedgerSheet[];
}

/** A workbook being written: rows are committed as they are added, so memory does not grow with them. */
export interface LedgerWorkbookWriter {
  addRow(cells: readonly LedgerCell[]): Promise<void>;
  /** Writes the totals row and closes the file. */
  finish(totals: readonly LedgerCell[]): Promise<WrittenFile>;
  /** Gives up: the partial file is removed. */
  discard(): Promise<void>;
}

/** A finished file, where the adapter left it (a temporary file), until it is uploaded. */
export interface WrittenFile {
  /** Opaque to the core: the adapter's own handle (a temporary file's path). */
  readonly handle: string;
  readonly bytes: number;
}

export interface LedgerWorkbooks {
  create(layout: LedgerLayout): Promise<LedgerWorkbookWriter>;
}

/** Cloud storage (CloudBase storage in production, the local cloud's emulation locally). */
export interface FileStorage {
  /** Uploads the file to `cloudPath` and removes the local copy; resolves the file id. */
  upload(cloudPath: string, file: WrittenFile): Promise<string>;
  /** A temporary download URL valid for `maxAgeSeconds`. */
  temporaryUrl(fileId: string, maxAgeSeconds: number): Promise<string>;
}

/** The ports of the ledgers' use cases (handed in by admin-api's routes). */
export interface LedgerPorts {
  readonly workbooks: LedgerWorkbooks;
  readonly files: FileStorage;
}
