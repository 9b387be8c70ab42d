/**
 * 服务台账 to Excel through the real admin-api on the local cloud (docs/ledgers.md): the export job writes a
 * workbook that, read back with exceljs from its download URL, holds exactly the records of the worker's
 * unit and period (equal to a direct query on the same data) in the printed layout; residents' phones in
 * full for a worker of the unit and masked for a leader; the export is in the audit log; another worker
 * cannot read the job; a unit outside the worker's scope is refused 403 and bad input 400, nothing written.
 */
import ExcelJS from 'exceljs';
import type { LedgerExportListReply, LedgerExportReply } from '../../../core/console/ledgers/ledger.replies';
import type { OrderDetailResult } from '../../../core/orders/order.replies';
import { HOUR_MS } from '../../functions/support/function-cloud';
import { consoleCloud, type ConsoleBrowser } from '../support/console-cloud';

const cloud = consoleCloud();
const DONGMEN = '/450900/450902/450902001/450902001001/';
const OTHER_STREET_COMMUNITY_UNIT = '450981001001';
const FROM = '2024-01-01';
const TO = '2024-12-31';
const _ = () => cloud.db.command;
const regexp = (prefix: string) => cloud.db.RegExp({ regexp: `^${prefix}`, options: '' });
const dayStart = (d: string) => Date.parse(`${d}T00:00:00Z`) - 8 * HOUR_MS;
const dayEnd = (d: string) => dayStart(d) + 24 * HOUR_MS;
/** Title, 3 lines under it, headers: the data starts on row 6. */
const FIRST_DATA_ROW = 6;

interface ReadLedger {
  readonly title: string;
  readonly subtitles: string[];
  readonly headers: string[];
  readonly rows: unknown[][];
  readonly totals: unknown[];
  readonly frozenRows: number | undefined;
  readonly widths: number[];
}

async function download(url: string): Promise<ReadLedger> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await res.arrayBuffer());
  const sheet = workbook.worksheets[0]!;
  const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
  const last = sheet.rowCount;
  const view = sheet.views[0];
  const rows: unknown[][] = [];
  for (let r = FIRST_DATA_ROW; r < last; r++) rows.push(values(r));
  return {
    title: String(values(1)[0]),
    subtitles: [2, 3, 4].map((r) => String(values(r)[0])),
    headers: values(5).map(String),
    rows,
    totals: values(last),
    frozenRows: view?.state === 'frozen' ? view.ySplit : undefined,
    widths: sheet.columns.map((c) => c.width ?? 0),
  };
}

async function exportOk(browser: ConsoleBrowser, body: Record<string, unknown>): Promise<LedgerExportReply> {
  const reply = await browser.post<LedgerExportReply>('/console/api/ledgers/exports', body);
  expect({ code: reply.code, message: reply.message }).toEqual({ code: 'OK', message: '成功' });
  return reply.data;
}

beforeEach(() => cloud.nextMinute());

describe('the orders ledger of a community worker', () => {
  let worker: ConsoleBrowser;
  let job: LedgerExportReply;
  let ledger: ReadLedger;
  beforeAll(async () => {
    worker = await cloud.signIn('community.worker');
    job = await exportOk(worker, { kind: 'orders', from: FROM, to: TO });
    ledger = await download(job.downloadUrl!);
  });

  test('holds exactly the orders of the unit and period, as a direct query finds them', async () => {
    const where = {
      orgPath: regexp(DONGMEN),
      createdAt: _().and([_().gte(dayStart(FROM)), _().lt(dayEnd(TO))]),
    };
    const total = await cloud.count('orders', where);
    expect(total).toBeGreaterThan(20);
    const ids: string[] = [];
    for (let skip = 0; skip < total; skip += 1000) {
      const page = await cloud.db
        .collection('orders')
        .where(where)
        .field({ _id: true })
        .skip(skip)
        .limit(1000)
        .get();
      ids.push(...(page.data as { _id: string }[]).map((d) => d._id));
    }
    expect(job).toMatchObject({ status: 'done', rowsWritten: total, rowsTotal: total, progress: 100 });
    expect(ledger.rows).toHaveLength(total);
    const idColumn = ledger.headers.indexOf('订单编号');
    expect(ledger.rows.map((r) => r[idColumn]).sort()).toEqual([...ids].sort());
    expect(ledger.rows.map((r) => r[0])).toEqual(Array.from({ length: total }, (_v, i) => i + 1));
  });

  test('is laid out as a community prints it: title, unit, period, Chinese headers, totals, frozen header', () => {
    expect(ledger.title).toBe(`东门社区服务台账（订单） ${FROM} 至 ${TO}`);
    expect(ledger.subtitles[0]).toMatch(/^单位：.*东门社区（含下级单位）$/);
    expect(ledger.subtitles[1]).toBe(`统计期间：${FROM} 至 ${TO}（按下单时间）`);
    expect(ledger.subtitles[2]).toMatch(/^导出人：community\.worker\u3000导出时间：/);
    expect(ledger.headers).toEqual([
      '序号',
      '下单时间',
      '所在社区',
      '服务项目',
      '服务机构',
      '居民',
      '联系电话',
      '状态',
      '接单时间',
      '完成时间',
      '评分（星）',
      '收费（元）',
      '订单编号',
    ]);
    expect(ledger.frozenRows).toBe(5);
    expect(ledger.widths.every((w) => w >= 6)).toBe(true);
    expect(ledger.totals[0]).toBe('合计');
    expect(ledger.totals[1]).toBe(`共 ${ledger.rows.length} 单`);
    const done = ledger.rows.filter((r) =>
      ['已完成服务', '已回访', '已评价', '已关闭'].includes(String(r[7])),
    );
    expect(ledger.totals[7]).toBe(`办结 ${done.length} 单`);
  });

  test('shows residents’ phones in full to a worker of the unit, as the order’s detail does', async () => {
    const phone = ledger.headers.indexOf('联系电话');
    const id = ledger.headers.indexOf('订单编号');
    const withPhone = ledger.rows.filter((r) => typeof r[phone] === 'string' && r[phone] !== '');
    expect(withPhone.length).toBeGreaterThan(0);
    for (const row of withPhone.slice(0, 5)) {
      const detail = await worker.get<OrderDetailResult>(`/console/api/orders/${String(row[id])}`);
      expect(detail.data.order.residentPhoneMasked).toBe(false);
      expect(row[phone]).toBe(detail.data.order.residentPhone);
    }
    expect(job.phonesMasked).toBe(false);
    expect(ledger.subtitles[2]).toContain('含居民联系电话');
  });

  test('is recorded in the audit log: who exported which ledger of which unit for which period', async () => {
    const entries = await cloud.db.collection('audit_entries').where({ entityId: job.jobId }).get();
    expect(entries.data).toEqual([
      expect.objectContaining({
        command: 'ledger.export',
        accountId: 'community.worker',
        entityType: 'ledger_export',
        orgPath: DONGMEN,
        summary: `导出东门社区服务台账（订单），${FROM} 至 ${TO}，${job.rowsTotal} 条，含居民完整电话`,
      }),
    ]);
  });

  test('the job answers its progress and a fresh download URL to its requester only', async () => {
    const again = await worker.get<LedgerExportReply>(`/console/api/ledgers/exports/${job.jobId}`);
    expect(again.data).toMatchObject({ jobId: job.jobId, status: 'done', progress: 100 });
    expect((await download(again.data.downloadUrl!)).rows).toHaveLength(ledger.rows.length);
    const list = await worker.get<LedgerExportListReply>('/console/api/ledgers/exports');
    expect(list.data.items[0]).toMatchObject({
      jobId: job.jobId,
      downloadUrl: null,
      requesterName: 'community.worker',
      mine: true,
    });
    const street = await cloud.signIn('street.worker');
    const before = cloud.wholeMark();
    const foreign = await street.get(`/console/api/ledgers/exports/${job.jobId}`);
    expect({ status: foreign.status, code: foreign.code }).toEqual({
      status: 403,
      code: 'LEDGER_EXPORT_NOT_FOUND',
    });
    const none = await street.get('/console/api/ledgers/exports/no-such-job');
    expect({ status: none.status, code: none.code, message: none.message }).toEqual({
      status: 403,
      code: 'LEDGER_EXPORT_NOT_FOUND',
      message: foreign.message,
    });
    expect(cloud.wholeMark()).toEqual(before);
  });
});

describe('masking and the other ledgers', () => {
  test('a community leader’s orders ledger masks every resident’s phone', async () => {
    const leader = await cloud.signIn('community.leader');
    const job = await exportOk(leader, { kind: 'orders', from: FROM, to: TO });
    expect(job.phonesMasked).toBe(true);
    const ledger = await download(job.downloadUrl!);
    const phones = ledger.rows
      .map((r) => r[ledger.headers.indexOf('联系电话')])
      .filter((p) => p !== '' && p !== null && p !== undefined);
    expect(phones.length).toBeGreaterThan(0);
    for (const p of phones) expect(p).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(ledger.subtitles[2]).toContain('居民联系电话已按权限脱敏');
  });

  test('the follow-up ledger holds the follow-ups that fell due in the period, as a direct count says', async () => {
    const street = await cloud.signIn('street.worker');
    const STREET = '/450900/450902/450902001/';
    const job = await exportOk(street, { kind: 'follow_ups', from: FROM, to: TO });
    const count = await cloud.count('follow_ups', {
      orgPath: regexp(STREET),
      dueAt: _().and([_().gte(dayStart(FROM)), _().lt(dayEnd(TO))]),
    });
    expect(count).toBeGreaterThan(0);
    const ledger = await download(job.downloadUrl!);
    expect(ledger.rows).toHaveLength(count);
    expect(ledger.title).toBe(`玉城街道服务台账（回访） ${FROM} 至 ${TO}`);
    expect(ledger.totals[1]).toBe(`共 ${count} 次`);
  });

  test('the provider ledger lists the providers managed in the unit that had joined by the period’s end', async () => {
    const county = await cloud.signIn('county.worker');
    const COUNTY = '/450900/450902/';
    const job = await exportOk(county, { kind: 'providers', from: FROM, to: TO });
    const count = await cloud.count('providers', {
      orgPath: regexp(COUNTY),
      createdAt: _().lt(dayEnd(TO)),
    });
    expect(count).toBeGreaterThan(0);
    const ledger = await download(job.downloadUrl!);
    expect(ledger.rows).toHaveLength(count);
    expect(ledger.headers.slice(0, 3)).toEqual(['序号', '机构名称', '统一社会信用代码']);
  });
});

describe('the unit picker', () => {
  test('offers the worker’s own unit, then its subunits, and exports the subunit picked', async () => {
    const street = await cloud.signIn('street.worker');
    const list = await street.get<LedgerExportListReply>('/console/api/ledgers/exports');
    expect(list.data.kinds.map((k) => k.value)).toEqual([
      'orders',
      'follow_ups',
      'providers',
      'concerns',
      'volunteer_services',
      'funds',
    ]);
    const [own, ...subunits] = list.data.units;
    expect(own).toMatchObject({ unitId: '450902001', depth: 0 });
    expect(own!.name).toMatch(/玉城街道$/);
    const children = await cloud.db.collection('org_units').where({ parentId: '450902001' }).get();
    expect(subunits.map((u) => u.unitId).sort()).toEqual(
      (children.data as { _id: string }[]).map((u) => u._id).sort(),
    );
    expect(subunits.every((u) => u.depth === 1)).toBe(true);
    const job = await exportOk(street, { kind: 'orders', orgUnitId: '450902001001', from: FROM, to: TO });
    expect(job.unitName).toBe('东门社区');
    const count = await cloud.count('orders', {
      orgPath: regexp(DONGMEN),
      createdAt: _().and([_().gte(dayStart(FROM)), _().lt(dayEnd(TO))]),
    });
    expect(job.rowsWritten).toBe(count);
  });
});

describe('the unit’s earlier exports', () => {
  test('list a colleague’s export with who made it, never its file; another street sees none of them', async () => {
    const community = await cloud.signIn('community.worker');
    const job = await exportOk(community, { kind: 'providers', from: FROM, to: TO });
    const street = await cloud.signIn('street.worker');
    const list = await street.get<LedgerExportListReply>('/console/api/ledgers/exports');
    const listed = list.data.items.find((j) => j.jobId === job.jobId);
    expect(listed).toMatchObject({
      requesterName: 'community.worker',
      mine: false,
      unitName: '东门社区',
      status: 'done',
      downloadUrl: null,
    });
    const file = await street.get(`/console/api/ledgers/exports/${job.jobId}`);
    expect({ status: file.status, code: file.code }).toEqual({
      status: 403,
      code: 'LEDGER_EXPORT_NOT_FOUND',
    });
    const lingcheng = await cloud.signIn('lingcheng.worker');
    const other = await lingcheng.get<LedgerExportListReply>('/console/api/ledgers/exports');
    expect(other.data.items.some((j) => j.jobId === job.jobId)).toBe(false);
    expect(other.data.items.every((j) => j.mine)).toBe(true);
  });
});

describe('refusals write nothing', () => {
  let worker: ConsoleBrowser;
  beforeAll(async () => {
    worker = await cloud.signIn('community.worker');
  });

  test.each<[string, Record<string, unknown>, number, string, string]>([
    [
      'a unit outside the worker’s',
      { kind: 'orders', orgUnitId: OTHER_STREET_COMMUNITY_UNIT, from: FROM, to: TO },
      403,
      'OUT_OF_SCOPE',
      '',
    ],
    [
      'a period ending before it starts',
      { kind: 'orders', from: TO, to: FROM },
      400,
      'INVALID_INPUT',
      '结束日期不能早于开始日期',
    ],
    [
      'a period over a year',
      { kind: 'orders', from: '2023-01-01', to: '2024-12-31' },
      400,
      'INVALID_INPUT',
      '一次最多导出 366 天的台账',
    ],
    ['an unknown kind', { kind: 'salaries', from: FROM, to: TO }, 400, 'INVALID_INPUT', ''],
  ])('%s', async (_label, body, status, code, message) => {
    const files = cloud.started.cloud.storage.list().length;
    const before = cloud.wholeMark();
    const reply = await worker.post('/console/api/ledgers/exports', body);
    expect({ status: reply.status, code: reply.code }).toEqual({ status, code });
    if (message !== '') expect(reply.message).toBe(message);
    expect(cloud.wholeMark()).toEqual(before);
    expect(cloud.started.cloud.storage.list()).toHaveLength(files);
  });

  test('without a CSRF token, and without a session', async () => {
    const before = cloud.wholeMark();
    const csrf = await worker.post(
      '/console/api/ledgers/exports',
      { kind: 'orders', from: FROM, to: TO },
      { csrf: false },
    );
    expect({ status: csrf.status, code: csrf.code }).toEqual({ status: 403, code: 'CSRF_TOKEN_INVALID' });
    const anonymous = await cloud.browser().get('/console/api/ledgers/exports');
    expect({ status: anonymous.status, code: anonymous.code }).toEqual({
      status: 401,
      code: 'SESSION_REQUIRED',
    });
    expect(cloud.wholeMark()).toEqual(before);
  });
});
