/**
 * `fund.record` and `fund.correct` (docs/funds.md). A worker or leader records their own unit's income by
 * source or spending by use, in integer fen, with receipts (at least one on spending: console files of purpose
 * `fund_receipt` uploaded for the unit). Entries are never edited or removed: `fund.correct` writes a reversal
 * (the negative of the original, naming it, with the reason, on the original's day so that day's year comes
 * out right) and, optionally, the corrected entry, in one transaction. The reversal's id is `<original>-rev`,
 * so an entry is reversed once: a second correction finds it (FUND_ENTRY_ALREADY_CORRECTED), and two at once
 * collide on the id and one is refused. Decision 0053.
 *
 * Free text (the note, the counterparty, the reason) is read by the unit's superiors and printed in the ledger:
 * content security refuses risky text; a text WeChat would have a person look at is kept (the books are the
 * workers' own record, never shown to residents).
 */
import { can } from '../auth/authorize';
import type { Actor } from '../auth/roles';
import { runCommand } from '../kernel/command.runner';
import type { ContentSecurity } from '../kernel/content-security.port';
import { requireIdentity } from '../kernel/identity';
import { orThrow } from '../kernel/outcome';
import { formatShanghaiMinute } from '../kernel/shanghai-time';
import type { UseCaseInput } from '../kernel/use-case';
import { checkFilesOfRecord } from '../files/console-files.rules';
import { COLLECTIONS } from '../model/collections.model';
import type { FundEntry, FundSource, FundUse } from '../model/operations.model';
import type { OrgUnit } from '../model/org-unit.model';
import { unitIdOfPath } from '../org/org-path';
import { parseCommand } from '../schemas/command.parser';
import {
  FUND_DIRECTION_LABELS,
  fundCorrectSchema,
  fundRecordSchema,
  type FundCorrectCommand,
} from '../schemas/fund.schema';
import { FUND_SOURCE_LABELS, FUND_USE_LABELS } from '../schemas/operations.schema';
import { fenToYuanText } from '../accounting/fund.money';
import { bookkeepingUnit, entryView, reversalIdOf } from './fund-access';
import { fundError, type FundErrorCode } from './fund.errors';
import type { FundCorrectResult, FundRecordResult } from './fund.replies';

const today = (now: number): string => formatShanghaiMinute(now).slice(0, 10);

async function screen(
  contentSecurity: ContentSecurity,
  openid: string,
  texts: readonly { readonly text: string; readonly code: FundErrorCode }[],
): Promise<void> {
  for (const { text, code } of texts) {
    if (text.trim().length === 0) continue;
    if ((await contentSecurity.check(text, openid, 'log')) === 'risky') throw fundError(code);
  }
}

function categoryLabel(e: FundEntry): string {
  return e.direction === 'income' ? FUND_SOURCE_LABELS[e.source] : FUND_USE_LABELS[e.use];
}

const describe = (e: FundEntry): string =>
  `${FUND_DIRECTION_LABELS[e.direction]}·${categoryLabel(e)} ${fenToYuanText(e.amountFen)} 元（${e.date}）`;

/** Who is recording, as the list and the ledger print it: the console account, else the openid. */
function recorderOf(input: UseCaseInput): { recordedBy: string; recordedByName: string } {
  return {
    recordedBy: input.actor.openid,
    recordedByName: input.ports.audit?.accountId ?? input.actor.openid,
  };
}

export async function recordFund(input: UseCaseInput): Promise<FundRecordResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const command = parseCommand(fundRecordSchema, input.command);
  const unit = await bookkeepingUnit(ports.db, actor, command.orgUnitId);
  if (command.date > today(ports.clock.now())) throw fundError('FUND_DATE_IN_FUTURE', { date: command.date });
  orThrow(checkFilesOfRecord(command.attachments, 'fund_receipt', unit.path));
  await screen(ports.contentSecurity, actor.openid, [
    { text: command.note, code: 'FUND_NOTE_RISKY' },
    { text: command.counterparty, code: 'FUND_COUNTERPARTY_RISKY' },
  ]);
  const recorder = recorderOf(input);
  return runCommand(ports, actor, 'fund.record', command, async ({ tx, now, audit }) => {
    const base = {
      _id: ports.ids.next(),
      orgUnitId: unit._id,
      orgPath: unit.path,
      amountFen: command.amountFen,
      date: command.date,
      note: command.note,
      counterparty: command.counterparty,
      attachments: command.attachments,
      ...recorder,
      createdAt: now,
      reversesEntryId: null,
      correctsEntryId: null,
      reason: '',
    };
    const entry: FundEntry =
      command.direction === 'income'
        ? { ...base, direction: 'income', source: command.source }
        : { ...base, direction: 'expense', use: command.use };
    await tx.insert(COLLECTIONS.fundEntries, entry);
    audit({
      entityType: 'fund_entry',
      entityId: entry._id,
      orgPath: unit.path,
      summary: `登记经费：${unit.name} ${describe(entry)}`,
    });
    return {
      entry: entryView(entry, { unitName: unit.name, reversal: null, replacement: null, actor }),
    };
  });
}

/** The corrected entry's category: the original's direction, the source or use the caller gave. */
function categoryOf(
  original: FundEntry,
  replacement: NonNullable<FundCorrectCommand['replacement']>,
): { direction: 'income'; source: FundSource } | { direction: 'expense'; use: FundUse } {
  if (original.direction === 'income') {
    if (replacement.source === undefined) throw fundError('FUND_CATEGORY_REQUIRED');
    return { direction: 'income', source: replacement.source };
  }
  if (replacement.use === undefined) throw fundError('FUND_CATEGORY_REQUIRED');
  return { direction: 'expense', use: replacement.use };
}

/** The original entry, if the caller keeps its unit's books and it may be corrected. */
async function correctableEntry(
  db: UseCaseInput['ports']['db'],
  actor: Actor,
  entryId: string,
): Promise<{ original: FundEntry; unit: OrgUnit }> {
  const original = await db.get<FundEntry>(COLLECTIONS.fundEntries, entryId);
  // One answer for an entry that does not exist and one the caller may not even read.
  if (original === null || !can(actor, 'fund.view', { orgPath: original.orgPath })) {
    throw fundError('FUND_ENTRY_NOT_FOUND', { entryId });
  }
  // The caller keeps the entry's unit's books (a superior who reads it: FUND_OWN_UNIT_ONLY).
  const unit = await bookkeepingUnit(db, actor, unitIdOfPath(original.orgPath));
  if (original.reversesEntryId) throw fundError('FUND_REVERSAL_NOT_CORRECTABLE', { entryId });
  return { original, unit };
}

export async function correctFund(input: UseCaseInput): Promise<FundCorrectResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const command = parseCommand(fundCorrectSchema, input.command);
  const { original, unit } = await correctableEntry(ports.db, actor, command.entryId);
  const r = command.replacement;
  if (r !== undefined) {
    categoryOf(original, r);
    if (r.date > today(ports.clock.now())) throw fundError('FUND_DATE_IN_FUTURE', { date: r.date });
    const attachments = r.attachments ?? original.attachments;
    if (original.direction === 'expense' && attachments.length === 0)
      throw fundError('FUND_RECEIPT_REQUIRED');
    if (r.attachments !== undefined) orThrow(checkFilesOfRecord(r.attachments, 'fund_receipt', unit.path));
  }
  await screen(ports.contentSecurity, actor.openid, [
    { text: command.reason, code: 'FUND_REASON_RISKY' },
    { text: r?.note ?? '', code: 'FUND_NOTE_RISKY' },
    { text: r?.counterparty ?? '', code: 'FUND_COUNTERPARTY_RISKY' },
  ]);
  const recorder = recorderOf(input);
  return runCommand(ports, actor, 'fund.correct', command, async ({ tx, now, audit }) => {
    const reversalId = reversalIdOf(original._id);
    if ((await tx.get<FundEntry>(COLLECTIONS.fundEntries, reversalId)) !== null) {
      throw fundError('FUND_ENTRY_ALREADY_CORRECTED', { entryId: original._id });
    }
    const reversal: FundEntry = {
      ...original,
      _id: reversalId,
      amountFen: -original.amountFen,
      ...recorder,
      createdAt: now,
      reversesEntryId: original._id,
      correctsEntryId: null,
      reason: command.reason,
    };
    await tx.insert(COLLECTIONS.fundEntries, reversal);
    let replacement: FundEntry | null = null;
    if (r !== undefined) {
      replacement = {
        _id: ports.ids.next(),
        orgUnitId: original.orgUnitId,
        orgPath: original.orgPath,
        ...categoryOf(original, r),
        amountFen: r.amountFen,
        date: r.date,
        note: r.note,
        counterparty: r.counterparty,
        attachments: r.attachments ?? original.attachments,
        ...recorder,
        createdAt: now,
        reversesEntryId: null,
        correctsEntryId: original._id,
        reason: '',
      };
      await tx.insert(COLLECTIONS.fundEntries, replacement);
    }
    audit({
      entityType: 'fund_entry',
      entityId: original._id,
      orgPath: original.orgPath,
      summary:
        `更正经费：${unit.name} 冲销 ${describe(original)}` +
        (replacement === null ? '' : `，更正为 ${describe(replacement)}`) +
        `（原因：${command.reason}）`,
    });
    const context = { unitName: unit.name, reversal: null, replacement: null, actor };
    return {
      reversal: entryView(reversal, context),
      replacement: replacement === null ? null : entryView(replacement, context),
    };
  });
}
