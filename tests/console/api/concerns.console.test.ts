/**
 * The concerns screens through the real admin-api on the local cloud (docs/console.md, 诉求 and 联席会议): a
 * community worker files a worry for a resident without the mini-program (代办), the community's leader
 * reviews it (a sensitive one only with a public summary) and a worker publishes it; the unclaimed queue
 * shows it with its deadline; a worker pushes it up by hand, the street refers it to its joint meeting,
 * whose office takes it with departments and tasks, marks a task done, records the minutes and resolves it.
 * The ledger and the dashboard count it. Refusals (no session, a wrong CSRF token, a concern out of scope,
 * bad input) answer with a stable code and a Chinese message and write nothing at all.
 */
import ExcelJS from 'exceljs';
import type { ConcernDashboardReply } from '../../../core/console/concern-dashboard.replies';
import type { ConcernQueuesReply } from '../../../core/console/concern-workbench.query';
import type {
  ConcernDetail,
  ConcernListResult,
  ConcernSimilarResult,
  ConcernStepResult,
} from '../../../core/concerns/concern.replies';
import type { LedgerExportReply } from '../../../core/console/ledgers/ledger.replies';
import { DEMO_GRID_ID, DEMO_SECOND_GRID_ID } from '../../../demo/demo.constants';
import { DAY_MS, HOUR_MS } from '../../functions/support/function-cloud';
import { consoleCloud, refusalChecks, type ConsoleBrowser } from '../support/console-cloud';

const cloud = consoleCloud();
const { rid, expectRefused } = refusalChecks(cloud, 'concerns');
const CONSENT = { method: 'in_person', statement: '居民当面同意由社区工作人员代为提交诉求' };

let worker: ConsoleBrowser;
let leader: ConsoleBrowser;
/** Concerns the later tests look for again. */
const ids = { sensitive: '', pushed: '' };

beforeAll(async () => {
  worker = await cloud.signIn('community.worker');
  leader = await cloud.signIn('community.leader');
});

beforeEach(() => cloud.nextMinute());

async function fileFor(b: ConsoleBrowser, extra: Record<string, unknown> = {}) {
  const reply = await b.post<ConcernStepResult>('/console/api/concerns', {
    kind: 'worry',
    title: '小区单元门门禁坏了一个月',
    content: '三号楼单元门门禁坏了，晚上陌生人随意进出，老人们很担心安全。',
    orgUnitId: DEMO_GRID_ID,
    onBehalfOf: { name: '韦阿婆', phone: '13977001234', consent: CONSENT },
    clientRequestId: rid('file'),
    ...extra,
  });
  if (reply.code !== 'OK') throw new Error(`file: ${reply.code} ${reply.message}`);
  return reply.data;
}

const detail = async (b: ConsoleBrowser, concernId: string) => {
  const reply = await b.get<ConcernDetail>(`/console/api/concerns/${concernId}`);
  expect(reply.code).toBe('OK');
  return reply.data;
};

const unitList = async (b: ConsoleBrowser, status: string) => {
  const reply = await b.get<ConcernListResult>(
    `/console/api/concerns?view=unit&status=${status}&page=1&pageSize=50`,
  );
  if (reply.code !== 'OK') throw new Error(`list: ${reply.code} ${reply.message}`);
  return reply.data;
};

describe('代办, review and publish', () => {
  let concernId = '';

  test('a worker files a worry for a resident: it waits in the review queue with who filed it and how they agreed', async () => {
    const filed = await fileFor(worker);
    concernId = filed.concernId;
    expect(filed).toMatchObject({ status: 'submitted', level: 'community', statusLabel: '待审核' });
    const queue = await unitList(leader, 'submitted');
    expect(queue.items.map((c) => c.concernId)).toContain(concernId);
    const seen = await detail(leader, concernId);
    expect(seen.onBehalfOf).toMatchObject({ name: '韦阿婆' });
    expect(seen.onBehalfOf!.consent).toContain('居民当面同意');
    expect(seen.residentName).toBe('韦阿婆');
    expect(seen.actions.canReview).toBe(true);
    // A worker may not review (leaders do); the detail says so and the API refuses it.
    expect((await detail(worker, concernId)).actions.canReview).toBe(false);
    const before = cloud.wholeMark();
    const refused = await worker.post(`/console/api/concerns/${concernId}/review`, {
      decision: 'approve',
      clientRequestId: rid('review'),
    });
    expect(refused.status).toBe(403);
    expect(cloud.wholeMark()).toEqual(before);
  });

  test('the leader approves it, it moves to the publish queue, and a worker publishes it to the unclaimed queue with its deadline', async () => {
    const approved = await leader.post<ConcernStepResult>(`/console/api/concerns/${concernId}/review`, {
      decision: 'approve',
      clientRequestId: rid('approve'),
    });
    expect(approved.data).toMatchObject({ status: 'approved' });
    expect((await unitList(worker, 'submitted')).items.map((c) => c.concernId)).not.toContain(concernId);
    expect((await unitList(worker, 'approved')).items.map((c) => c.concernId)).toContain(concernId);

    const published = await worker.post<ConcernStepResult>(`/console/api/concerns/${concernId}/publish`, {
      clientRequestId: rid('publish'),
    });
    expect(published.data).toMatchObject({ status: 'published', level: 'community' });
    const waiting = (await unitList(worker, 'published')).items.find((c) => c.concernId === concernId)!;
    expect(waiting.claimDeadline).toBe(published.data.statusChangedAt + 72 * HOUR_MS);
    expect(waiting.overdue).toBe(false);
    expect(waiting.levelLabel).toBe('社区');
  });

  test('the timeline says who did what, by role', async () => {
    const seen = await detail(worker, concernId);
    expect(seen.timeline.map((t) => t.to)).toEqual(['submitted', 'approved', 'published']);
    for (const entry of seen.timeline) {
      expect(entry.byRole).toMatch(/[\u4e00-\u9fa5]/);
      // A role, never the worker's or the leader's name.
      expect(entry.byRole).not.toMatch(/庞丽娟/);
    }
  });

  test('a worker of the community claims it as the unit (认领)', async () => {
    const claimed = await worker.post<ConcernStepResult>(`/console/api/concerns/${concernId}/claim`, {
      claimAs: 'unit',
      clientRequestId: rid('claim'),
    });
    expect(claimed.code).toBe('OK');
    expect(claimed.data.status).toBe('claimed');
    const seen = await detail(worker, concernId);
    expect(seen.claimerName).toMatch(/东门社区/);
    const updated = await worker.post<ConcernStepResult>(`/console/api/concerns/${concernId}/update`, {
      text: '已联系物业，门禁配件下周到货',
      images: [],
      clientRequestId: rid('update'),
    });
    expect(updated.data.status).toBe('in_progress');
    const resolved = await worker.post<ConcernStepResult>(`/console/api/concerns/${concernId}/resolve`, {
      summary: '物业已更换门禁主板，居民已可正常刷卡',
      images: [],
      clientRequestId: rid('resolve'),
    });
    expect(resolved.data.status).toBe('resolved');
  });
});

describe('a sensitive worry', () => {
  test('is approved only with a public summary; the wall title is the summary and the details stay with the leader', async () => {
    const filed = await fileFor(worker, {
      title: '独居老人患病行动不便需要照护',
      content: '张奶奶患有糖尿病并发症，腿脚不便，子女在外地，需要有人定期上门照看。',
      sensitive: true,
      sensitiveConsent: true,
    });
    ids.sensitive = filed.concernId;
    await expectRefused(
      leader,
      `/console/api/concerns/${filed.concernId}/review`,
      { decision: 'approve' },
      400,
      'CONCERN_PUBLIC_SUMMARY_REQUIRED',
    );
    const approved = await leader.post<ConcernStepResult>(`/console/api/concerns/${filed.concernId}/review`, {
      decision: 'approve',
      publicSummary: '一位独居老人需要定期上门照看',
      clientRequestId: rid('approve-sensitive'),
    });
    expect(approved.code).toBe('OK');
    const forLeader = await detail(leader, filed.concernId);
    expect(forLeader.content).toContain('糖尿病');
    expect(forLeader.publicSummary).toBe('一位独居老人需要定期上门照看');
  });

  test('a rejection needs a reason, and is recorded with it', async () => {
    const filed = await fileFor(worker, { title: '想给小区换个名字', content: '觉得小区名字不好听。' });
    await expectRefused(
      leader,
      `/console/api/concerns/${filed.concernId}/review`,
      { decision: 'reject' },
      400,
      'INVALID_INPUT',
    );
    const rejected = await leader.post<ConcernStepResult>(`/console/api/concerns/${filed.concernId}/review`, {
      decision: 'reject',
      reason: '小区名称变更不属于社区诉求受理范围，请向民政部门咨询',
      clientRequestId: rid('reject'),
    });
    expect(rejected.data.status).toBe('rejected');
    expect((await detail(leader, filed.concernId)).reviewReason).toContain('民政部门');
  });
});

describe('push up, refer, and the joint meeting', () => {
  let concernId = '';
  let joint: ConsoleBrowser;
  let street: ConsoleBrowser;

  beforeAll(async () => {
    joint = await cloud.signIn('joint.office');
    street = await cloud.signIn('street.worker');
    const filed = await fileFor(worker, {
      title: '小区旁边的排水沟堵塞发臭',
      content: '排水沟常年堵塞，夏天发臭，涉及市政、环卫多个部门。',
    });
    concernId = filed.concernId;
    ids.pushed = concernId;
    await leader.post(`/console/api/concerns/${concernId}/review`, {
      decision: 'approve',
      clientRequestId: rid('approve-joint'),
    });
    await worker.post(`/console/api/concerns/${concernId}/publish`, {
      clientRequestId: rid('publish-joint'),
    });
  });

  test('pushing up needs a reason; with one, the concern waits at the street with a fresh deadline', async () => {
    await expectRefused(worker, `/console/api/concerns/${concernId}/escalate`, {}, 400, 'INVALID_INPUT');
    const pushed = await worker.post<ConcernStepResult>(`/console/api/concerns/${concernId}/escalate`, {
      reason: '涉及市政排水改造，社区无力解决',
      clientRequestId: rid('escalate'),
    });
    expect(pushed.data).toMatchObject({ status: 'escalated', level: 'street' });
    const row = (await unitList(street, 'escalated')).items.find((c) => c.concernId === concernId)!;
    expect(row.levelLabel).toMatch(/^街道/);
    expect(row.claimDeadline).toBe(pushed.data.statusChangedAt + 72 * HOUR_MS);
    // The community's worker no longer holds it: the street does.
    expect((await detail(worker, concernId)).actions.canEscalate).toBe(false);
  });

  test('the street refers it to its joint meeting with the departments involved', async () => {
    await expectRefused(
      street,
      `/console/api/concerns/${concernId}/refer`,
      { reason: '需要多部门协调', departments: [] },
      400,
      'INVALID_INPUT',
    );
    const referred = await street.post<ConcernStepResult>(`/console/api/concerns/${concernId}/refer`, {
      reason: '需要市政、环卫、街道城管多部门协调',
      departments: ['市政管理所', '环卫站'],
      clientRequestId: rid('refer'),
    });
    expect(referred.data).toMatchObject({ status: 'referred', level: 'street' });
    const board = await joint.get<ConcernListResult>('/console/api/concerns?view=joint&page=1&pageSize=50');
    expect(board.data.items.find((c) => c.concernId === concernId)).toMatchObject({ status: 'referred' });
    expect((await detail(joint, concernId)).actions.canTake).toBe(true);
  });

  test('the office takes it with a lead department, co-operating ones and tasks with deadlines', async () => {
    const now = cloud.started.cloud.clock.now();
    const taken = await joint.post<ConcernStepResult>(`/console/api/concerns/${concernId}/joint/take`, {
      leadDepartment: '市政管理所',
      departments: ['环卫站'],
      tasks: [
        { department: '市政管理所', task: '疏通排水沟并评估改造方案', dueAt: now + 3 * DAY_MS },
        { department: '环卫站', task: '清运淤泥垃圾', dueAt: now + DAY_MS },
      ],
      note: '街道联席会议承接',
      clientRequestId: rid('take'),
    });
    expect(taken.code).toBe('OK');
    expect(taken.data.status).toBe('claimed');
    const seen = await detail(joint, concernId);
    expect(seen.jointCase).toMatchObject({ leadDepartment: '市政管理所', departments: ['环卫站'] });
    expect(seen.jointCase!.tasks.map((t) => t.department)).toEqual(['市政管理所', '环卫站']);
    expect(seen.jointCase!.tasks.every((t) => t.doneAt === null && !t.overdue)).toBe(true);
  });

  test('a task past its deadline shows overdue; marking it done records the note', async () => {
    cloud.shiftClock(DAY_MS + HOUR_MS);
    // A day later every session has ended (30 idle minutes): the office signs in again.
    joint = await cloud.signIn('joint.office');
    const seen = await detail(joint, concernId);
    const late = seen.jointCase!.tasks.find((t) => t.department === '环卫站')!;
    expect(late.overdue).toBe(true);
    await expectRefused(
      joint,
      `/console/api/concerns/${concernId}/joint/tasks/${late.taskId}/done`,
      {},
      400,
      'INVALID_INPUT',
    );
    const done = await joint.post<{ taskId: string }>(
      `/console/api/concerns/${concernId}/joint/tasks/${late.taskId}/done`,
      { note: '淤泥已清运完毕', clientRequestId: rid('task-done') },
    );
    expect(done.data.taskId).toBe(late.taskId);
    const after = (await detail(joint, concernId)).jointCase!.tasks.find((t) => t.taskId === late.taskId)!;
    expect(after).toMatchObject({ doneNote: '淤泥已清运完毕', overdue: false });
    expect(after.doneAt).not.toBeNull();
  });

  test('more tasks, the minutes, then resolve', async () => {
    const now = cloud.started.cloud.clock.now();
    const added = await joint.post<{ taskIds: string[] }>(`/console/api/concerns/${concernId}/joint/tasks`, {
      tasks: [{ department: '街道城管办', task: '巡查沿街店铺乱倒污水', dueAt: now + 2 * DAY_MS }],
      clientRequestId: rid('task-add'),
    });
    expect(added.data.taskIds).toHaveLength(1);
    const minutes = await joint.post<{ minutesId: string }>(
      `/console/api/concerns/${concernId}/joint/minutes`,
      {
        heldOn: '2025-03-11',
        attendees: ['市政管理所', '环卫站', '街道城管办'],
        minutes: '会议研究了排水沟整治方案，明确由市政管理所牵头。',
        decisions: ['市政管理所一周内完成疏通', '环卫站每周清运一次'],
        clientRequestId: rid('minutes'),
      },
    );
    expect(minutes.code).toBe('OK');
    const seen = await detail(joint, concernId);
    expect(seen.jointCase!.minutes[0]).toMatchObject({
      heldOn: '2025-03-11',
      decisions: ['市政管理所一周内完成疏通', '环卫站每周清运一次'],
    });
    expect(seen.jointCase!.tasks).toHaveLength(3);
    const resolved = await joint.post<ConcernStepResult>(`/console/api/concerns/${concernId}/resolve`, {
      summary: '排水沟已疏通并加盖，沿街商户已签订门前三包责任书',
      images: [],
      clientRequestId: rid('resolve-joint'),
    });
    expect(resolved.data.status).toBe('resolved');
  });
});

describe('the similar-concerns suggestion of the 代办 form', () => {
  beforeAll(async () => {
    // The joint meeting's day moved the clock on: fresh sessions.
    worker = await cloud.signIn('community.worker');
    leader = await cloud.signIn('community.leader');
  });

  test('finds the open concern of the community most like the draft, for the unit named', async () => {
    const similar = await worker.get<ConcernSimilarResult>(
      `/console/api/concerns/similar?orgUnitId=${DEMO_GRID_ID}&title=${encodeURIComponent('楼道灯坏了')}&content=${encodeURIComponent('晚上楼道很黑不安全')}`,
    );
    expect(similar.code).toBe('OK');
    expect(similar.data.items[0]?.title).toContain('楼道灯');
  });

  test('another street’s unit, and one that does not exist, are refused (403)', async () => {
    const other = await worker.get(`/console/api/concerns/similar?orgUnitId=${DEMO_SECOND_GRID_ID}&title=x`);
    const missing = await worker.get('/console/api/concerns/similar?orgUnitId=999999999999999&title=x');
    for (const reply of [other, missing]) {
      expect(reply.status).toBe(403);
      expect(reply.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});

describe('refusals write nothing', () => {
  let concernId = '';
  beforeAll(async () => {
    concernId = (await fileFor(worker, { title: '希望增加小区停车位', content: '晚上车位紧张。' })).concernId;
  });

  test('without a session: 401 for reads and writes', async () => {
    const anonymous = cloud.browser();
    for (const [method, path] of [
      ['GET', '/console/api/concerns?view=unit&page=1&pageSize=20'],
      ['GET', `/console/api/concerns/${concernId}`],
      ['POST', `/console/api/concerns/${concernId}/review`],
      ['POST', '/console/api/concerns'],
    ] as const) {
      const before = cloud.wholeMark();
      const reply = await anonymous.request(method, path, method === 'POST' ? { json: {} } : {});
      expect({ status: reply.status, code: reply.code }).toEqual({ status: 401, code: 'SESSION_REQUIRED' });
      expect(cloud.wholeMark()).toEqual(before);
    }
  });

  test('a wrong CSRF token: 403', async () => {
    const before = cloud.wholeMark();
    const reply = await leader.request('POST', `/console/api/concerns/${concernId}/review`, {
      json: { decision: 'approve', clientRequestId: rid('csrf') },
      csrf: 'not-the-token',
    });
    expect({ status: reply.status, code: reply.code }).toEqual({ status: 403, code: 'CSRF_TOKEN_INVALID' });
    expect(cloud.wholeMark()).toEqual(before);
  });

  test('out of scope is 403 like a concern that does not exist, for reads and writes', async () => {
    const lingcheng = await cloud.signIn('lingcheng.worker');
    for (const [path, body] of [
      [`/console/api/concerns/${concernId}`, null],
      [`/console/api/concerns/${concernId}/publish`, {}],
      [`/console/api/concerns/${concernId}/escalate`, { reason: '推送' }],
    ] as const) {
      const missingPath = path.replace(concernId, 'no-such-concern');
      const answers = [];
      for (const p of [path, missingPath]) {
        const before = cloud.wholeMark();
        const reply =
          body === null
            ? await lingcheng.get(p)
            : await lingcheng.post(p, { ...body, clientRequestId: rid('scope') });
        expect(cloud.wholeMark()).toEqual(before);
        answers.push({ status: reply.status, code: reply.code, message: reply.message });
      }
      expect(answers[0]).toEqual({
        status: 403,
        code: 'CONCERN_NOT_FOUND',
        message: expect.stringMatching(/[\u4e00-\u9fa5]/),
      });
      expect(answers[1]).toEqual(answers[0]);
    }
    // 代办 for a unit of another street: refused like a unit that does not exist, nothing written.
    await expectRefused(
      worker,
      '/console/api/concerns',
      {
        kind: 'worry',
        title: '路灯不亮',
        content: '路灯坏了。',
        orgUnitId: DEMO_SECOND_GRID_ID,
        onBehalfOf: { name: '陈伯', consent: CONSENT },
      },
      403,
      'CONCERN_UNIT_NOT_FOUND',
    );
  });

  test('bad input: 400 with a stable code and a Chinese message', async () => {
    await expectRefused(
      worker,
      '/console/api/concerns',
      { kind: 'worry', title: '', content: '' },
      400,
      'INVALID_INPUT',
    );
    await expectRefused(
      worker,
      '/console/api/concerns',
      {
        kind: 'worry',
        title: '缺少同意方式',
        content: '代办却没有写明居民如何同意。',
        orgUnitId: DEMO_GRID_ID,
        onBehalfOf: { name: '韦阿婆' },
      },
      400,
      'INVALID_INPUT',
    );
    await expectRefused(
      worker,
      '/console/api/concerns',
      {
        kind: 'worry',
        title: '敏感信息未单独同意',
        content: '居民患病需要照护。',
        orgUnitId: DEMO_GRID_ID,
        onBehalfOf: { name: '韦阿婆', consent: CONSENT },
        sensitive: true,
      },
      400,
      'INVALID_INPUT',
    );
    const list = await worker.get('/console/api/concerns?view=nope');
    expect({ status: list.status, code: list.code }).toEqual({ status: 400, code: 'INVALID_INPUT' });
  });
});

describe('the concerns ledger and figures', () => {
  test('the ledger exports the unit’s concerns of the period, a sensitive one by its public summary', async () => {
    const street = await cloud.signIn('street.worker');
    const from = '2025-03-01';
    const to = '2025-03-31';
    const job = await street.post<LedgerExportReply>('/console/api/ledgers/exports', {
      kind: 'concerns',
      from,
      to,
    });
    expect(job.code).toBe('OK');
    expect(job.data).toMatchObject({ status: 'done', kindLabel: '诉求' });
    const _ = cloud.db.command;
    const start = Date.UTC(2025, 1, 28, 16);
    const end = Date.UTC(2025, 2, 31, 16);
    const count = (
      await cloud.db
        .collection('concerns')
        .where({
          orgPath: cloud.db.RegExp({ regexp: '^/450900/450902/450902001/' }),
          createdAt: _.gte(start).and(_.lt(end)),
        })
        .count()
    ).total;
    expect(job.data.rowsTotal).toBe(count);
    expect(count).toBeGreaterThan(0);
    const file = await fetch(job.data.downloadUrl!);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await file.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    const cells = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1).map((v) => String(v ?? ''));
    const headerRow = [...Array(sheet.rowCount).keys()]
      .map((i) => i + 1)
      .find((r) => cells(r)[1] === '编号')!;
    expect(cells(headerRow)).toEqual([
      '序号',
      '编号',
      '类型',
      '标题',
      '社区',
      '当前层级',
      '状态',
      '提交时间',
      '认领方',
      '认领时间',
      '办结时间',
      '居民确认结果',
      '推送次数',
    ]);
    const rows = [...Array(count).keys()].map((i) => cells(headerRow + 1 + i));
    const byId = new Map(rows.map((r) => [r[1], r]));
    // The sensitive worry is listed by its public summary, never by its details.
    const sensitive = byId.get(ids.sensitive)!;
    expect(sensitive[3]).toBe('一位独居老人需要定期上门照看');
    expect(rows.flat().join('')).not.toContain('糖尿病');
    // The concern pushed to the street: its level and one push; claimed by the joint meeting, resolved.
    const pushed = byId.get(ids.pushed)!;
    expect(pushed[5]).toMatch(/^街道/);
    expect(pushed[12]).toBe('1');
    expect(pushed[10]).not.toBe('');
  });

  test('the dashboard counts received, claimed, resolved by level and month, against direct counts', async () => {
    const street = await cloud.signIn('street.leader');
    const reply = await street.get<ConcernDashboardReply>(
      '/console/api/dashboard/concerns?from=2025-03&to=2025-03',
    );
    expect(reply.code).toBe('OK');
    const d = reply.data;
    expect(d.months).toEqual(['2025-03']);
    expect(d.definitions.map((x) => x.key)).toEqual([
      'received',
      'claimedInTime',
      'resolved',
      'satisfied',
      'overdueAtCity',
    ]);
    const _ = cloud.db.command;
    const within = cloud.db.RegExp({ regexp: '^/450900/450902/450902001/' });
    const start = Date.UTC(2025, 1, 28, 16);
    const end = Date.UTC(2025, 2, 31, 16);
    const direct = async (where: Record<string, unknown>) =>
      (
        await cloud.db
          .collection('concerns')
          .where({ orgPath: within, ...where })
          .count()
      ).total;
    expect(d.total.received.numerator).toBe(await direct({ createdAt: _.gte(start).and(_.lt(end)) }));
    expect(d.total.resolved.numerator).toBe(await direct({ resolvedAt: _.gte(start).and(_.lt(end)) }));
    expect(d.total.claimedInTime.denominator).toBe(await direct({ 'claim.at': _.gte(start).and(_.lt(end)) }));
    // The levels add up to the total; the joint-meeting concern resolved at the street is counted there.
    const sum = (key: 'received' | 'resolved') => d.levels.reduce((n, l) => n + l.total[key].numerator, 0);
    expect(sum('received')).toBe(d.total.received.numerator);
    expect(sum('resolved')).toBe(d.total.resolved.numerator);
    expect(d.levels.find((l) => l.level === 'street')!.total.resolved.numerator).toBeGreaterThanOrEqual(1);
    expect(d.total.received.numerator).toBeGreaterThanOrEqual(5);
  });

  test('concerns pushed to the city: one claimed at once is in time; one overdue past 168 hours, then claimed late, is not', async () => {
    const path = (id: string, step: string) => `/console/api/concerns/${id}/${step}`;
    const figures = async () => {
      const city = await cloud.signIn('city.leader');
      const reply = await city.get<ConcernDashboardReply>(
        '/console/api/dashboard/concerns?from=2025-03&to=2025-03',
      );
      expect(reply.code).toBe('OK');
      return reply.data;
    };
    const cityLevel = (d: ConcernDashboardReply) => d.levels.find((l) => l.level === 'city')!.total;
    const toCity = async (title: string) => {
      const w = await cloud.signIn('community.worker');
      const l = await cloud.signIn('community.leader');
      const { concernId } = await fileFor(w, { title, content: `${title}，请尽快处理。` });
      await l.post(path(concernId, 'review'), { decision: 'approve', clientRequestId: rid('city-approve') });
      await w.post(path(concernId, 'publish'), { clientRequestId: rid('city-publish') });
      for (const account of ['community.worker', 'street.worker', 'county.worker']) {
        const pushed = await (
          await cloud.signIn(account)
        ).post<ConcernStepResult>(path(concernId, 'escalate'), {
          reason: '本级无力解决，推送上一级',
          clientRequestId: rid('city-push'),
        });
        expect(pushed.data).toMatchObject({ status: 'escalated' });
      }
      return concernId;
    };
    const claimAtCity = async (concernId: string) => {
      const claimed = await (
        await cloud.signIn('city.worker')
      ).post<ConcernStepResult>(path(concernId, 'claim'), {
        claimAs: 'unit',
        clientRequestId: rid('city-claim'),
      });
      expect(claimed.data).toMatchObject({ status: 'claimed', level: 'city' });
    };
    const before = await figures();
    const late = await toCity('河堤护栏缺失');
    const prompt = await toCity('城区主干道井盖破损');
    await claimAtCity(prompt);

    cloud.shiftClock(168 * HOUR_MS + HOUR_MS);
    const overdue = await figures();
    expect(overdue.overdueAtCityNow).toBe(before.overdueAtCityNow + 1);
    expect(overdue.total.overdueAtCity.numerator).toBe(before.total.overdueAtCity.numerator + 1);
    const seen = await (
      await cloud.signIn('city.worker')
    ).get<ConcernDetail>(`/console/api/concerns/${late}`);
    expect(seen.data).toMatchObject({ level: 'city', overdue: true });

    await claimAtCity(late);
    const after = await figures();
    // Both claimed at the city; only the prompt one within the limit.
    expect(cityLevel(after).claimedInTime.denominator).toBe(cityLevel(before).claimedInTime.denominator + 2);
    expect(cityLevel(after).claimedInTime.numerator).toBe(cityLevel(before).claimedInTime.numerator + 1);
    expect(after.overdueAtCityNow).toBe(before.overdueAtCityNow);
  });

  test('the queues: waiting for review (oldest first) and overdue unclaimed, against direct counts', async () => {
    const street = await cloud.signIn('street.worker');
    const reply = await street.get<ConcernQueuesReply>('/console/api/concerns/queues');
    expect(reply.code).toBe('OK');
    const _ = cloud.db.command;
    const within = cloud.db.RegExp({ regexp: '^/450900/450902/450902001/' });
    const direct = async (where: Record<string, unknown>) =>
      (
        await cloud.db
          .collection('concerns')
          .where({ orgPath: within, ...where })
          .count()
      ).total;
    const now = cloud.started.cloud.clock.now();
    expect(reply.data.toReview.total).toBe(await direct({ status: 'submitted' }));
    expect(reply.data.toReview.total).toBeGreaterThan(0);
    const created = reply.data.toReview.items.map((c) => c.createdAt);
    expect(created).toEqual([...created].sort((a, b) => a - b));
    expect(reply.data.overdueUnclaimed.total).toBe(
      await direct({ status: _.in(['published', 'escalated', 'referred']), claimDeadline: _.lte(now) }),
    );
    expect(reply.data.overdueUnclaimed.total).toBeGreaterThan(0);
    expect(reply.data.overdueUnclaimed.items.every((c) => c.overdue)).toBe(true);
  });

  test('another street’s unit is out of scope', async () => {
    const street = await cloud.signIn('street.leader');
    const before = cloud.wholeMark();
    const other = await street.get('/console/api/dashboard/concerns?orgUnitId=450981001');
    expect({ status: other.status, code: other.code }).toEqual({ status: 403, code: 'OUT_OF_SCOPE' });
    expect(cloud.wholeMark()).toEqual(before);
  });
});
