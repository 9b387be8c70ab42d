/**
 * 服务台账 to Excel (docs/ledgers.md): an export is a job. `exportLedger` records the job (and, from the
 * console, the audit entry saying who exported which ledger of which unit for which period) in one
 * transaction, then, in the same call, reads the records a page at a time, writes each row to a streaming
 * workbook (committed as written, so memory does not grow with the rows), reports its progress on the job
 * every PROGRESS_EVERY rows, uploads the file to cloud storage and answers the job with a download URL.
 * `listLedgerExports` answers the recent exports of the worker's unit and below, whoever made them (the page
 * polls it for its own running job's progress); `ledgerExportJob` one job with a fresh download URL.
 *
 * Scope is the matrix's `ledger.export` list scope narrowed to the unit picked; residents' phones are shown
 * to the roles that hold `resident.phone.view` for the record's unit and masked for the others. A file is
 * its requester's own: another worker's job is LEDGER_EXPORT_NOT_FOUND, as a job that does not exist (the
 * unit's list shows who exported what; a colleague exports it again, in their own name and audit entry, with
 * the phones their own role may see).
 */
import type { Action } from '../../auth/actions';
import { authorize, can } from '../../auth/authorize';
import { listScope, type ListScope } from '../../auth/list-scope';
import { AUDIT_ROOT_PATH, auditEntry, recordAuditEntry } from '../../kernel/audit';
import { requireIdentity } from '../../kernel/identity';
import { orThrow } from '../../kernel/outcome';
import { formatShanghaiMinute, shanghaiDayEnd, shanghaiDayStart } from '../../kernel/shanghai-time';
import type { UseCaseInput } from '../../kernel/use-case';
import { COLLECTIONS } from '../../model/collections.model';
import type { LedgerExport, LedgerExportStatus, LedgerKind } from '../../model/operations.model';
import type { OrgUnit } from '../../model/org-unit.model';
import { unitIdOfPath } from '../../org/org-path';
import { parseCommand } from '../../schemas/command.parser';
import {
  LEDGER_KIND_LABELS,
  ledgerExportJobSchema,
  ledgerExportSchema,
  type LedgerExportQuery,
} from '../../schemas/operations.schema';
import { rootOf, scopeRootFor, withinRoot } from '../console-scope';
import { unitAt } from '../console-units';
import { ledgerError } from './ledger.errors';
import {
  CONCERNS_LEDGER,
  ORDERS_LEDGER,
  PROVIDERS_LEDGER,
  followUpsLedger,
  type LedgerScope,
  type LedgerSource,
} from './ledger.kinds';
import { volunteerServicesLedger } from './volunteer-services.ledger';
import { FUNDS_LEDGER } from './funds.ledger';
import type {
  LedgerCell,
  LedgerLayout,
  LedgerPorts,
  LedgerWorkbookWriter,
  WrittenFile,
} from './ledger.ports';
import type { LedgerExportListReply, LedgerExportReply, LedgerUnitOption } from './ledger.replies';

/** The job's progress is written after every this many rows (a page: LEDGER_PAGE_SIZE), and at the end. */
export const PROGRESS_EVERY = 500;
/** How long a download URL answered to the page stays valid, in seconds. */
export const DOWNLOAD_URL_SECONDS = 600;
/** Recent exports of the unit listed. */
export const RECENT_EXPORTS = 20;
/** Subunits listed under each unit of the worker's scope in the picker. */
const MAX_SUBUNITS = 200;

/** The ledgers the console exports, in the picker's order. */
export const EXPORTABLE_KINDS = [
  'orders',
  'follow_ups',
  'providers',
  'concerns',
  'volunteer_services',
  'funds',
] as const satisfies readonly LedgerKind[];

/** Kinds that also need a second action besides ledger.export (the funds are read with fund.view only). */
const ALSO_NEEDS: Readonly<Partial<Record<LedgerKind, Action>>> = { funds: 'fund.view' };

/** What the title's period says the records were picked by. */
const PERIOD_BASIS: Readonly<Record<(typeof EXPORTABLE_KINDS)[number], string>> = {
  orders: '按下单时间',
  follow_ups: '按应回访时间',
  providers: '期末前入驻的服务机构，状态为导出时的状态',
  concerns: '按诉求提交时间，状态为导出时的状态',
  volunteer_services: '按服务时间，含时长更正记录',
  funds: '按收支日期，含冲销和更正记录',
};

const STATUS_LABELS: Readonly<Record<LedgerExportStatus, string>> = {
  running: '导出中',
  done: '已完成',
  failed: '导出失败',
};

export interface LedgerInput extends UseCaseInput {
  readonly ledgers: LedgerPorts;
}

function sourceOf(kind: LedgerKind): LedgerSource<never> {
  switch (kind) {
    case 'orders':
      return ORDERS_LEDGER as LedgerSource<never>;
    case 'follow_ups':
      return followUpsLedger() as LedgerSource<never>;
    case 'providers':
      return PROVIDERS_LEDGER as LedgerSource<never>;
    case 'concerns':
      return CONCERNS_LEDGER as LedgerSource<never>;
    case 'volunteer_services':
      return volunteerServicesLedger() as LedgerSource<never>;
    case 'funds':
      return FUNDS_LEDGER as LedgerSource<never>;
    default:
      throw ledgerError('LEDGER_KIND_NOT_AVAILABLE', { kind });
  }
}

/** A file name without the characters storage paths and file systems refuse. */
function safeName(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\\/?#%*:|"<>\u0000-\u001f]/g, '_');
}

function replyOf(job: LedgerExport, downloadUrl: string | null, caller: string): LedgerExportReply {
  return {
    jobId: job._id,
    kind: job.kind,
    kindLabel: LEDGER_KIND_LABELS[job.kind],
    orgUnitId: job.orgUnitId,
    unitName: job.unitName ?? '',
    from: job.from,
    to: job.to,
    status: job.status,
    statusLabel: STATUS_LABELS[job.status],
    rowsWritten: job.rowCount,
    rowsTotal: job.rowsTotal ?? 0,
    progress: job.progress,
    fileName: job.fileName ?? '',
    downloadUrl,
    phonesMasked: job.phonesMasked ?? false,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt ?? null,
    error: job.error,
    requesterName: job.requesterName ?? '',
    mine: job.requestedBy === caller,
  };
}

function layoutOf(
  q: LedgerExportQuery & { kind: (typeof EXPORTABLE_KINDS)[number] },
  unit: { name: string; fullName: string },
  source: LedgerSource<never>,
  who: string,
  now: number,
  phonesMasked: boolean,
): LedgerLayout {
  const kindLabel = LEDGER_KIND_LABELS[q.kind];
  return {
    sheetName: `${kindLabel}台账`,
    title: `${unit.name}服务台账（${kindLabel}） ${q.from} 至 ${q.to}`,
    subtitles: [
      `单位：${unit.fullName}（含下级单位）`,
      `统计期间：${q.from} 至 ${q.to}（${PERIOD_BASIS[q.kind]}）`,
      `导出人：${who}\u3000导出时间：${formatShanghaiMinute(now)}${
        source.personalData
          ? phonesMasked
            ? '\u3000居民联系电话已按权限脱敏'
            : '\u3000含居民联系电话，请妥善保管，不得外传'
          : ''
      }`,
    ],
    columns: [{ header: '序号', width: 7 }, ...source.columns],
  };
}

/** A job about to be written: what it reads and how its workbook is laid out. */
interface StartedExport {
  readonly job: LedgerExport;
  readonly source: LedgerSource<never>;
  readonly scope: LedgerScope;
  readonly layout: LedgerLayout;
}

/**
 * Checks the input and the scope (nothing written when refused), counts the rows, then records the job and the
 * audit entry in one transaction.
 */
async function startExport(input: LedgerInput): Promise<StartedExport> {
  const { actor, ports } = input;
  const { db, clock, ids } = ports;
  requireIdentity(actor);
  const q = parseCommand(ledgerExportSchema, input.command);
  const source = sourceOf(q.kind);
  const kind = q.kind as (typeof EXPORTABLE_KINDS)[number];
  const root = await scopeRootFor(db, actor, 'ledger.export', q.orgUnitId);
  const place = root ?? AUDIT_ROOT_PATH;
  const { role } = authorize(actor, 'ledger.export', { orgPath: place });
  const alsoNeeds = ALSO_NEEDS[q.kind];
  if (alsoNeeds !== undefined) authorize(actor, alsoNeeds, { orgPath: place });
  const unitRef = root === null ? null : await unitAt(db, root);
  const unit = unitRef ?? { name: '全平台', fullName: '全平台' };
  const scope: LedgerScope = {
    db,
    actor,
    root,
    start: shanghaiDayStart(q.from),
    end: shanghaiDayEnd(q.to),
    communityNames: new Map(),
  };
  const phonesMasked = source.personalData && !can(actor, 'resident.phone.view', { orgPath: place });
  const rowsTotal = await source.count(scope);
  const now = clock.now();
  const jobId = ids.next();
  const kindLabel = LEDGER_KIND_LABELS[kind];
  const job: LedgerExport = {
    _id: jobId,
    kind,
    orgUnitId: unitRef?.unitId ?? '',
    orgPath: place,
    from: q.from,
    to: q.to,
    requestedBy: actor.openid,
    status: 'running',
    progress: 0,
    rowCount: 0,
    rowsTotal,
    fileId: null,
    error: null,
    fileName: safeName(`${unit.name}服务台账（${kindLabel}）${q.from}至${q.to}.xlsx`),
    unitName: unit.name,
    phonesMasked,
    finishedAt: null,
    requesterName: ports.audit?.accountId ?? actor.openid,
    createdAt: now,
    updatedAt: now,
  };
  const head = layoutOf({ ...q, kind }, unit, source, job.requesterName!, now, phonesMasked);
  // A ledger's small sheets are read before the job is written (a failed read writes nothing).
  const layout =
    source.sheetsBefore === undefined
      ? head
      : { ...head, sheetsBefore: await source.sheetsBefore(scope, head.subtitles) };
  await db.runTransaction(async (tx) => {
    await tx.insert(COLLECTIONS.ledgerExports, job);
    if (ports.audit !== undefined) {
      const summary =
        `导出${unit.name}服务台账（${kindLabel}），${q.from} 至 ${q.to}，${rowsTotal} 条` +
        (source.personalData ? (phonesMasked ? '，居民电话已脱敏' : '，含居民完整电话') : '');
      await recordAuditEntry(
        tx,
        ids,
        auditEntry(
          ports.audit,
          { openid: actor.openid, role },
          'ledger.export',
          { entityType: 'ledger_export', entityId: jobId, orgPath: place, summary, role },
          now,
        ),
      );
    }
  });
  return { job, source, scope, layout };
}

/** Every row, page by page, with the job's progress every PROGRESS_EVERY rows; the totals row at the end. */
async function writeRows(
  input: LedgerInput,
  { job, source, scope }: StartedExport,
  writer: LedgerWorkbookWriter,
  progress: { written: number },
): Promise<WrittenFile> {
  const { db, clock } = input.ports;
  const tally = source.tally();
  let reported = 0;
  for await (const page of source.pages(scope)) {
    const rows = await source.rows(scope, page);
    for (let i = 0; i < page.length; i++) {
      tally.add(page[i]!);
      progress.written += 1;
      await writer.addRow([progress.written, ...rows[i]!]);
    }
    const written = progress.written;
    if (written - reported >= PROGRESS_EVERY) {
      reported = written;
      await db.update(COLLECTIONS.ledgerExports, job._id, {
        rowCount: written,
        progress: Math.min(99, Math.floor((written * 100) / Math.max(job.rowsTotal ?? 0, written))),
        updatedAt: clock.now(),
      });
    }
  }
  return writer.finish(['合计', ...tally.cells(progress.written)] as LedgerCell[]);
}

export async function exportLedger(input: LedgerInput): Promise<LedgerExportReply> {
  const { ledgers } = input;
  const { db, clock } = input.ports;
  const started = await startExport(input);
  const { job } = started;
  const writer = await ledgers.workbooks.create(started.layout);
  const progress = { written: 0 };
  try {
    const file = await writeRows(input, started, writer, progress);
    const fileId = await ledgers.files.upload(
      `ledgers/${job.to.slice(0, 4)}/${job._id}/${job.fileName}`,
      file,
    );
    const finishedAt = clock.now();
    const patch = {
      status: 'done' as const,
      progress: 100,
      rowCount: progress.written,
      fileId,
      finishedAt,
      updatedAt: finishedAt,
    };
    await db.update(COLLECTIONS.ledgerExports, job._id, patch);
    const url = await ledgers.files.temporaryUrl(fileId, DOWNLOAD_URL_SECONDS);
    return replyOf({ ...job, ...patch }, url, input.actor.openid);
  } catch (e) {
    await writer.discard().catch(() => undefined);
    const at = clock.now();
    await db
      .update(COLLECTIONS.ledgerExports, job._id, {
        status: 'failed',
        rowCount: progress.written,
        error: '导出失败，请稍后重试',
        finishedAt: at,
        updatedAt: at,
      })
      .catch(() => undefined);
    throw e;
  }
}

/** The requester's own job, still within their ledger scope; otherwise LEDGER_EXPORT_NOT_FOUND. */
async function ownJob(input: UseCaseInput, jobId: string): Promise<LedgerExport> {
  const { actor } = input;
  const job = await input.ports.db.get<LedgerExport>(COLLECTIONS.ledgerExports, jobId);
  if (
    job === null ||
    job.requestedBy !== actor.openid ||
    !can(actor, 'ledger.export', { orgPath: job.orgPath })
  ) {
    throw ledgerError('LEDGER_EXPORT_NOT_FOUND', { jobId });
  }
  return job;
}

export async function ledgerExportJob(input: LedgerInput): Promise<LedgerExportReply> {
  requireIdentity(input.actor);
  orThrow(listScope(input.actor, 'ledger.export'));
  const { jobId } = parseCommand(ledgerExportJobSchema, input.command);
  const job = await ownJob(input, jobId);
  const url =
    job.status === 'done' && job.fileId !== null
      ? await input.ledgers.files.temporaryUrl(job.fileId, DOWNLOAD_URL_SECONDS)
      : null;
  return replyOf(job, url, input.actor.openid);
}

/** The picker's units: the scope's units (the top units for the whole platform), each with its subunits. */
async function unitOptions(db: UseCaseInput['ports']['db'], scope: ListScope): Promise<LedgerUnitOption[]> {
  const order = {
    orderBy: [
      ['sortOrder', 'asc'],
      ['_id', 'asc'],
    ] as const,
    limit: MAX_SUBUNITS,
  };
  const tops = scope.all
    ? await db.find<OrgUnit>(COLLECTIONS.orgUnits, { parentId: null }, order)
    : (
        await Promise.all(scope.paths.map((p) => db.get<OrgUnit>(COLLECTIONS.orgUnits, unitIdOfPath(p))))
      ).filter((u): u is OrgUnit => u !== null);
  const children = await Promise.all(
    tops.map((u) => db.find<OrgUnit>(COLLECTIONS.orgUnits, { parentId: u._id }, order)),
  );
  return tops.flatMap((u, i) => [
    { unitId: u._id, name: u.fullName, depth: 0 as const },
    ...children[i]!.map((c) => ({ unitId: c._id, name: c.name, depth: 1 as const })),
  ]);
}

export async function listLedgerExports(input: UseCaseInput): Promise<LedgerExportListReply> {
  const { actor } = input;
  const { db } = input.ports;
  requireIdentity(actor);
  const scope = orThrow(listScope(actor, 'ledger.export'));
  // The exports of the worker's unit and below, whoever made them (served by orgPath_1_createdAt_-1).
  const jobs = await db.find<LedgerExport>(COLLECTIONS.ledgerExports, withinRoot(db, rootOf(scope)), {
    orderBy: [
      ['createdAt', 'desc'],
      ['_id', 'desc'],
    ],
    limit: RECENT_EXPORTS,
  });
  return {
    items: jobs
      .filter((j) => can(actor, 'ledger.export', { orgPath: j.orgPath }))
      .map((j) => replyOf(j, null, actor.openid)),
    kinds: EXPORTABLE_KINDS.filter((k) => {
      const also = ALSO_NEEDS[k];
      return also === undefined || listScope(actor, also).ok;
    }).map((k) => ({ value: k, label: LEDGER_KIND_LABELS[k] })),
    units: await unitOptions(db, scope),
  };
}
