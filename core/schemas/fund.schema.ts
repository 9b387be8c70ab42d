/**
 * The funding ledger's commands (经费台账, docs/funds.md): `fund.record` (income by source, spending by use),
 * `fund.correct` (a reversal and, optionally, the corrected entry), `fund.list` and `fund.summary`. Amounts are
 * integer fen (a fraction of a fen is refused, never rounded); spending needs at least one receipt.
 */
import { z } from 'zod';
import {
  calendarDate,
  command,
  fen,
  fileId,
  id,
  list,
  oneOf,
  optionalText,
  query,
  text,
} from './fields.schema';
import { consolePaging, queryInt } from './console.schema';
import { FUND_SOURCES, FUND_USES } from './operations.schema';

/** Receipts one entry may carry. */
export const MAX_FUND_ATTACHMENTS = 9;
/** The years the ledger takes. */
export const FUND_YEAR_MIN = 2000;
export const FUND_YEAR_MAX = 2100;

export const FUND_DIRECTIONS = ['income', 'expense'] as const;
export const FUND_DIRECTION_LABELS: Readonly<Record<(typeof FUND_DIRECTIONS)[number], string>> = {
  income: '收入',
  expense: '支出',
};

const amountFen = () => fen('金额').refine((v) => v > 0, { error: '金额必须大于 0' });
const note = () => optionalText('说明', 300, { multiline: true });
const counterparty = () => optionalText('对方单位', 60);
const receipts = () => list('凭证', fileId, { min: 0, max: MAX_FUND_ATTACHMENTS, verb: '选择' }).default([]);
/** Spending needs at least one receipt; absent and empty get the same message. */
const requiredReceipts = () =>
  z.preprocess(
    (v) => (v === undefined ? [] : v),
    list('凭证', fileId, { min: 0, max: MAX_FUND_ATTACHMENTS, verb: '选择' }).refine((a) => a.length > 0, {
      error: '支出须上传凭证',
    }),
  );

export const fundRecordSchema = z.discriminatedUnion(
  'direction',
  [
    command({
      direction: z.literal('income'),
      /** Absent: the recorder's own unit. */
      orgUnitId: id('单位').optional(),
      source: oneOf('经费来源', FUND_SOURCES),
      amountFen: amountFen(),
      date: calendarDate('日期'),
      note: note(),
      counterparty: counterparty(),
      attachments: receipts(),
    }),
    command({
      direction: z.literal('expense'),
      orgUnitId: id('单位').optional(),
      use: oneOf('经费用途', FUND_USES),
      amountFen: amountFen(),
      date: calendarDate('日期'),
      note: note(),
      counterparty: counterparty(),
      attachments: requiredReceipts(),
    }),
  ],
  { error: '请选择收入或支出' },
);
export type FundRecordCommand = z.output<typeof fundRecordSchema>;

/**
 * A correction: the entry, why, and optionally what it should have been (the direction stays the original's;
 * the source or use that goes with it is checked by the use case; receipts absent keep the original's).
 */
export const fundCorrectSchema = command({
  entryId: id('经费记录'),
  reason: text('更正原因', { max: 200, multiline: true }),
  replacement: z
    .object(
      {
        source: oneOf('经费来源', FUND_SOURCES).optional(),
        use: oneOf('经费用途', FUND_USES).optional(),
        amountFen: amountFen(),
        date: calendarDate('日期'),
        note: note(),
        counterparty: counterparty(),
        attachments: list('凭证', fileId, { min: 0, max: MAX_FUND_ATTACHMENTS, verb: '选择' }).optional(),
      },
      { error: '更正后的记录格式不正确' },
    )
    .optional(),
});
export type FundCorrectCommand = z.output<typeof fundCorrectSchema>;

/** The console's lists send the year as query text. */
const year = () => queryInt('年度', FUND_YEAR_MIN, FUND_YEAR_MAX);

/**
 * Entries of a unit and below, newest day first. Like the console's other lists (console.schema.ts), the reads
 * are the console's own queries, not commands of the registry: numbers arrive as query text.
 */
export const fundListSchema = query({
  orgUnitId: id('单位').optional(),
  year: year().optional(),
  direction: oneOf('收支', FUND_DIRECTIONS).optional(),
  source: oneOf('经费来源', FUND_SOURCES).optional(),
  use: oneOf('经费用途', FUND_USES).optional(),
  ...consolePaging,
});
export type FundListQuery = z.output<typeof fundListSchema>;

/** A unit's year, rolled up from the units below it. Absent year: the current one. */
export const fundSummarySchema = query({
  orgUnitId: id('单位').optional(),
  year: year().optional(),
});
export type FundSummaryQuery = z.output<typeof fundSummarySchema>;
