/**
 * The ledgers' workbook port (core/console/ledgers/ledger.ports.ts) on exceljs's streaming writer
 * (`ExcelJS.stream.xlsx.WorkbookWriter`): each row is committed as it is added and leaves memory, the file
 * is written to the function's temporary folder (CloudBase gives every instance a writable /tmp), and
 * uploaded from there (function-kit/wx-storage.adapter.ts). Layout: a merged title row, the lines under it,
 * the Chinese headers (frozen with everything above them), the rows, a bold totals row; column widths and
 * number formats from the core; printed landscape, fitted to the page width, headers repeated on each page.
 */
import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  LedgerCell,
  LedgerLayout,
  LedgerSheetHead,
  LedgerWorkbookWriter,
  LedgerWorkbooks,
  WrittenFile,
} from '../core/console/ledgers/ledger.ports';

/** Every this many rows, the writer waits for the zip to take what it was given (see `zipCaughtUp`). */
const YIELD_EVERY = 500;
/** What may wait at the zip's input before the writer stops adding rows (bytes of XML). */
const ZIP_BACKLOG_BYTES = 4 * 1024 * 1024;

/** The writable side of a stream, as exceljs's bundled readable-stream exposes it. */
interface ZipInput {
  readonly _writableState?: { readonly length: number; readonly needDrain: boolean };
  once(event: string, listener: () => void): unknown;
  removeListener(event: string, listener: () => void): unknown;
}

/**
 * Resolves once the zip has taken in the sheet's XML written so far, less `ZIP_BACKLOG_BYTES`. exceljs's
 * streaming writer pipes the sheet's XML into archiver without heeding backpressure (its StreamBuf ignores
 * the return of `write`), so when rows come faster than deflate compresses them the XML piles up in the
 * PassThrough archiver reads from (about 5.5 MB more per 10,000 rows, measured). Past the backlog the writer
 * waits for that stream's 'drain': memory stays bounded whatever the number of rows, and deflate keeps up.
 */
async function zipCaughtUp(sheet: ExcelJS.Worksheet): Promise<void> {
  const input = (sheet as unknown as { stream?: { pipes?: ZipInput[] } }).stream?.pipes?.[0];
  const state = input?._writableState;
  if (input === undefined || state === undefined || !state.needDrain || state.length <= ZIP_BACKLOG_BYTES) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    return;
  }
  await new Promise<void>((resolve) => {
    const done = () => {
      for (const e of ['drain', 'error', 'close']) input.removeListener(e, done);
      resolve();
    };
    for (const e of ['drain', 'error', 'close']) input.once(e, done);
  });
}

const THIN = { style: 'thin' as const, color: { argb: 'FF999999' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** A sheet with the ledger's head: the merged title, the lines under it, the Chinese headers (frozen). */
function startSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  layout: LedgerSheetHead,
): ExcelJS.Worksheet {
  const n = layout.columns.length;
  const headerRow = layout.subtitles.length + 2;
  const sheet = workbook.addWorksheet(layout.sheetName, {
    views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }],
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${headerRow}:${headerRow}`,
    },
  });
  sheet.columns = layout.columns.map((c) => ({
    width: c.width,
    ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}),
  }));
  const title = sheet.addRow([layout.title]);
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  title.height = 28;
  sheet.mergeCells(1, 1, 1, n);
  layout.subtitles.forEach((line, i) => {
    const row = sheet.addRow([line]);
    row.font = { size: 10 };
    sheet.mergeCells(i + 2, 1, i + 2, n);
  });
  const header = sheet.addRow(layout.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });
  header.commit();
  return sheet;
}

/** The bold, bordered totals row (合计). */
function totalsRow(sheet: ExcelJS.Worksheet, totals: readonly LedgerCell[]): void {
  const row = sheet.addRow([...totals]);
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.border = BORDER;
  });
  row.commit();
}

export function createLedgerWorkbooks(dir: string = tmpdir()): LedgerWorkbooks {
  return {
    async create(layout: LedgerLayout): Promise<LedgerWorkbookWriter> {
      const path = join(dir, `ledger-${randomBytes(8).toString('hex')}.xlsx`);
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
        filename: path,
        useStyles: true,
        useSharedStrings: false,
      });
      workbook.creator = '为民红绳';
      // Small sheets the ledger writes whole before its rows (the funds ledger's summary), each committed.
      for (const before of layout.sheetsBefore ?? []) {
        const small = startSheet(workbook, before);
        for (const cells of before.rows) small.addRow([...cells]).commit();
        if (before.totals !== undefined) totalsRow(small, before.totals);
        small.commit();
      }
      const sheet = startSheet(workbook, layout);

      let rows = 0;
      let closed = false;
      const close = async (): Promise<void> => {
        if (closed) return;
        closed = true;
        sheet.commit();
        await workbook.commit();
      };
      return {
        async addRow(cells: readonly LedgerCell[]): Promise<void> {
          sheet.addRow([...cells]).commit();
          rows += 1;
          if (rows % YIELD_EVERY === 0) await zipCaughtUp(sheet);
        },
        async finish(totals: readonly LedgerCell[]): Promise<WrittenFile> {
          totalsRow(sheet, totals);
          await close();
          return { handle: path, bytes: statSync(path).size };
        },
        async discard(): Promise<void> {
          try {
            await close();
          } finally {
            rmSync(path, { force: true });
          }
        },
      };
    },
  };
}
