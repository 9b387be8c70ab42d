/**
 * 志愿服务 through the real admin-api on the local cloud (docs/console.md, docs/volunteers.md): a community worker
 * schedules an activity, lists the unit's activities by status, shows the check-in code (with its QR image)
 * that the volunteers scan through the real `volunteers` function, reads the attendance with phones in full,
 * confirms and corrects the hours; the unit's volunteers, one volunteer's record of the five kinds and the
 * training the worker records; the yearly ranking; the 志愿服务台账 exported to Excel and read back with exceljs
 * (the rows and totals of the confirmed hours, corrections included). Another street's worker sees none of it;
 * bad input and refusals write nothing.
 */
import ExcelJS from 'exceljs';
import type { LedgerExportReply } from '../../../core/console/ledgers/ledger.replies';
import type { VolunteerProfile } from '../../../core/model/volunteer.model';
import type {
  ActivityDetail,
  AttendanceResult,
  CheckinCodeResult,
  HoursConfirmResult,
  VolunteerRankingResult,
} from '../../../core/volunteers/volunteer.replies';
import type {
  UnitActivityList,
  UnitVolunteerList,
  VolunteerRecordAddResult,
  VolunteerRecordDetail,
} from '../../../core/volunteers/volunteer-unit.replies';
import { HOUR_MS, MINUTE_MS } from '../../functions/support/function-cloud';
import { consoleCloud, type ConsoleBrowser } from '../support/console-cloud';

const cloud = consoleCloud();
const COMMUNITY_ID = '450902001001';
const MEMBER = 'demo-volunteer-member-1';
const RESIDENT = 'demo-resident-1';
const BASE = '/console/api/volunteers';

let seq = 0;
const rid = (label: string) => `${label}-${(seq += 1).toString().padStart(4, '0')}-vol`;
const fn = (openid: string, command: string, input: Record<string, unknown>) =>
  cloud.as(openid).call<Record<string, unknown>>('volunteers', command, input);

let worker: ConsoleBrowser;
let elsewhere: ConsoleBrowser;
let activityId = '';
let startAt = 0;
let volunteerNo = '';
/** The member's totals before this file (the demo may have given them some). */
let baseline = { total: 0, count: 0, year: 0 };

beforeAll(async () => {
  worker = await cloud.signIn('community.worker');
  elsewhere = await cloud.signIn('lingcheng.worker');
  cloud.grant(MEMBER, 'TPL_ACTIVITY_REMINDER', 10);
  const profile = await cloud.get<VolunteerProfile>('volunteers', MEMBER);
  const year = String(new Date(cloud.now() + 8 * HOUR_MS).getUTCFullYear());
  baseline = {
    total: profile?.totalMinutes ?? 0,
    count: profile?.serviceCount ?? 0,
    year: profile?.minutesByYear[year] ?? 0,
  };
});
beforeEach(() => cloud.nextMinute());

/** Move the clock on; the console's sessions idle out meanwhile, so the workers sign in again. */
async function later(ms: number): Promise<void> {
  cloud.shiftClock(ms);
  worker = await cloud.signIn('community.worker');
  elsewhere = await cloud.signIn('lingcheng.worker');
}

async function expectRefused(
  call: () => Promise<{ status: number; code: string; message: string }>,
  status: number,
  code: string,
) {
  const before = cloud.wholeMark();
  const reply = await call();
  expect({ status: reply.status, code: reply.code }).toEqual({ status, code });
  expect(reply.message).toMatch(/[\u4e00-\u9fa5]/);
  expect(cloud.wholeMark()).toEqual(before);
}

describe('an activity from scheduling to confirmed hours', () => {
  test('a community worker schedules it; the unit’s list shows it by status; another street’s worker does not see it', async () => {
    startAt = cloud.now() + 2 * HOUR_MS;
    const saved = await worker.post<{ activityId: string; status: string }>(`${BASE}/activities`, {
      orgUnitId: COMMUNITY_ID,
      title: '社区义诊进小区',
      content: '为老人量血压、测血糖，提供健康咨询。',
      place: '东门社区党群服务中心',
      startAt,
      endAt: startAt + 2 * HOUR_MS,
      capacity: 20,
      volunteerPlaces: 3,
      clientRequestId: rid('save'),
    });
    expect({ status: saved.status, code: saved.code }).toEqual({ status: 200, code: 'OK' });
    activityId = saved.data.activityId;

    const scheduled = await worker.get<UnitActivityList>(`${BASE}/activities?status=scheduled&pageSize=50`);
    const row = scheduled.data.items.find((a) => a.activityId === activityId)!;
    expect(row).toMatchObject({
      title: '社区义诊进小区',
      capacity: 20,
      residentCount: 0,
      statusLabel: '报名中',
    });
    expect(scheduled.data.total).toBeGreaterThanOrEqual(1);
    const cancelled = await worker.get<UnitActivityList>(`${BASE}/activities?status=cancelled&pageSize=50`);
    expect(cancelled.data.items.some((a) => a.activityId === activityId)).toBe(false);

    const theirs = await elsewhere.get<UnitActivityList>(`${BASE}/activities?pageSize=50`);
    expect(theirs.data.items.some((a) => a.activityId === activityId)).toBe(false);
    await expectRefused(() => elsewhere.get(`${BASE}/activities/${activityId}`), 403, 'ACTIVITY_NOT_FOUND');
    const detail = await worker.get<ActivityDetail>(`${BASE}/activities/${activityId}`);
    expect(detail.data.actions).toContain('manage');
  });

  test('bad input is refused 400 and another street’s unit 403, writing nothing', async () => {
    const good = {
      orgUnitId: COMMUNITY_ID,
      title: '社区义诊',
      content: '健康咨询',
      place: '党群服务中心',
      startAt: cloud.now() + 5 * HOUR_MS,
      endAt: cloud.now() + 6 * HOUR_MS,
      capacity: 10,
      volunteerPlaces: 2,
    };
    await expectRefused(
      () =>
        worker.post(`${BASE}/activities`, { ...good, endAt: good.startAt - 1, clientRequestId: rid('bad') }),
      400,
      'INVALID_INPUT',
    );
    await expectRefused(
      () => elsewhere.post(`${BASE}/activities`, { ...good, clientRequestId: rid('away') }),
      403,
      'ACTIVITY_UNIT_NOT_FOUND',
    );
  });

  test('the volunteers sign up and scan the code shown on the screen; the attendance shows phones in full', async () => {
    const signed = await fn(MEMBER, 'activity.signup', {
      activityId,
      as: 'volunteer',
      clientRequestId: rid('su'),
    });
    expect(signed.code).toBe('OK');
    volunteerNo = String(signed.data['volunteerNo']);
    expect(
      (await fn(RESIDENT, 'activity.signup', { activityId, as: 'resident', clientRequestId: rid('su') }))
        .code,
    ).toBe('OK');

    await later(2 * HOUR_MS);
    const code = await worker.post<CheckinCodeResult & { qrImage: string }>(
      `${BASE}/activities/${activityId}/checkin-code`,
      { phase: 'in', clientRequestId: rid('code') },
    );
    expect(code.code).toBe('OK');
    expect(code.data.qrImage).toMatch(/^data:image\/png;base64,/);
    expect(
      (await fn(MEMBER, 'activity.checkin', { code: code.data.code, clientRequestId: rid('in') })).code,
    ).toBe('OK');
    // Single use: the same code a second time (a screenshot) is refused.
    expect(
      (await fn(RESIDENT, 'activity.checkin', { code: code.data.code, clientRequestId: rid('in') })).code,
    ).toBe('CHECKIN_CODE_USED');

    await later(90 * MINUTE_MS);
    const out = await worker.post<CheckinCodeResult>(`${BASE}/activities/${activityId}/checkin-code`, {
      phase: 'out',
      clientRequestId: rid('code'),
    });
    expect(
      (await fn(MEMBER, 'activity.checkin', { code: out.data.code, clientRequestId: rid('out') })).code,
    ).toBe('OK');

    const sheet = await worker.get<AttendanceResult>(`${BASE}/activities/${activityId}/attendance`);
    const member = sheet.data.rows.find((r) => r.volunteerNo === volunteerNo)!;
    expect(member).toMatchObject({
      kind: 'volunteer',
      minutes: 90,
      phoneMasked: false,
      confirmedMinutes: null,
    });
    expect(member.phone).toBe('13907750007');
    expect(sheet.data.rows).toHaveLength(2);
  });

  test('after the end the worker confirms the hours, and corrects them as a new record', async () => {
    const signupId = `${activityId}_${MEMBER}`;
    await expectRefused(
      () =>
        worker.post(`${BASE}/activities/${activityId}/hours`, {
          entries: [{ signupId, minutes: 90 }],
          clientRequestId: rid('early'),
        }),
      400,
      'HOURS_NOT_YET',
    );
    await later(HOUR_MS);
    const first = await worker.post<HoursConfirmResult>(`${BASE}/activities/${activityId}/hours`, {
      entries: [{ signupId, minutes: 90 }],
      clientRequestId: rid('hours'),
    });
    expect(first.data).toMatchObject({ credited: 1, corrections: 0 });
    const fixed = await worker.post<HoursConfirmResult>(`${BASE}/activities/${activityId}/hours`, {
      entries: [{ signupId, minutes: 120, note: '提前到场布置' }],
      clientRequestId: rid('hours'),
    });
    expect(fixed.data).toMatchObject({ credited: 0, corrections: 1 });
    await expectRefused(
      () =>
        elsewhere.post(`${BASE}/activities/${activityId}/hours`, {
          entries: [{ signupId, minutes: 60 }],
          clientRequestId: rid('away'),
        }),
      403,
      'ACTIVITY_NOT_FOUND',
    );
  });
});

describe('the unit’s volunteers and their records', () => {
  test('the list shows the volunteer with number, hours and star level; their record has both service records', async () => {
    const list = await worker.get<UnitVolunteerList>(`${BASE}?volunteerNo=${volunteerNo}`);
    expect(list.data.items).toEqual([
      expect.objectContaining({
        volunteerNo,
        name: '覃德福',
        totalMinutes: baseline.total + 120,
        serviceCount: baseline.count + 1,
      }),
    ]);
    expect(list.data.total).toBe(1);
    const record = await worker.get<VolunteerRecordDetail>(`${BASE}/${volunteerNo}`);
    expect(record.data.basic.volunteerNo).toBe(volunteerNo);
    const service = record.data.records.service.filter((r) => r.title === '社区义诊进小区');
    expect(service.map((r) => r.minutes).sort()).toEqual([30, 90]);
    const correction = service.find((r) => r.correctsRecordId !== null)!;
    expect(record.data.correctedRecordIds).toContain(correction.correctsRecordId);
  });

  test('the worker records a training and an evaluation; another street’s worker can neither see nor record', async () => {
    const training = await worker.post<VolunteerRecordAddResult>(`${BASE}/${volunteerNo}/records`, {
      kind: 'training',
      title: '家庭医生签约服务志愿者培训',
      date: '2025-03-06',
      issuer: '东门社区卫生服务站',
      minutes: 120,
      clientRequestId: rid('rec'),
    });
    expect(training.data).toMatchObject({ kind: 'training', volunteerNo, correctsRecordId: null });
    const evaluation = await worker.post<VolunteerRecordAddResult>(`${BASE}/${volunteerNo}/records`, {
      kind: 'evaluation',
      title: '2025年度志愿服务评价',
      date: '2025-03-07',
      grade: 'good',
      clientRequestId: rid('rec'),
    });
    expect(evaluation.code).toBe('OK');
    const record = await worker.get<VolunteerRecordDetail>(`${BASE}/${volunteerNo}`);
    expect(record.data.records.training.find((r) => r.recordId === training.data.recordId)).toMatchObject({
      title: '家庭医生签约服务志愿者培训',
      minutes: 120,
      issuer: '东门社区卫生服务站',
    });
    expect(record.data.records.evaluation.find((r) => r.recordId === evaluation.data.recordId)?.grade).toBe(
      'good',
    );

    await expectRefused(() => elsewhere.get(`${BASE}/${volunteerNo}`), 403, 'VOLUNTEER_NUMBER_NOT_FOUND');
    await expectRefused(
      () =>
        elsewhere.post(`${BASE}/${volunteerNo}/records`, {
          kind: 'award',
          title: '优秀志愿者',
          date: '2025-03-07',
          clientRequestId: rid('away'),
        }),
      403,
      'VOLUNTEER_NUMBER_NOT_FOUND',
    );
    await expectRefused(
      () =>
        worker.post(`${BASE}/${volunteerNo}/records`, {
          kind: 'evaluation',
          title: '评价',
          date: '2025-03-07',
          clientRequestId: rid('bad'),
        }),
      400,
      'INVALID_INPUT',
    );
    const theirs = await elsewhere.get<UnitVolunteerList>(`${BASE}?pageSize=50`);
    expect(theirs.data.items.some((v) => v.volunteerNo === volunteerNo)).toBe(false);
  });

  test('the yearly ranking of the worker’s community shows the volunteer by number, the name masked', async () => {
    const year = new Date(startAt + 8 * HOUR_MS).getUTCFullYear();
    const ranking = await worker.get<VolunteerRankingResult>(`${BASE}/ranking?year=${year}`);
    expect(ranking.data.communityId).toBe(COMMUNITY_ID);
    expect(ranking.data.rows.find((r) => r.volunteerNo === volunteerNo)).toMatchObject({
      name: '覃**',
      minutes: baseline.year + 120,
    });
  });
});

describe('志愿服务台账', () => {
  test('the Excel ledger holds one row per service record, the correction with its difference, and the totals', async () => {
    const day = new Date(startAt + 8 * HOUR_MS).toISOString().slice(0, 10);
    const job = await worker.post<LedgerExportReply>('/console/api/ledgers/exports', {
      kind: 'volunteer_services',
      from: day,
      to: day,
    });
    expect({ code: job.code, status: job.data.status }).toEqual({ code: 'OK', status: 'done' });
    const res = await fetch(job.data.downloadUrl!);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
    expect(String(values(1)[0])).toBe(`东门社区服务台账（志愿服务） ${day} 至 ${day}`);
    expect(values(5)).toEqual([
      '序号',
      '服务时间',
      '志愿者编号',
      '姓名',
      '所属社区',
      '服务活动',
      '组织方',
      '确认时长（分钟）',
      '确认时长（小时）',
      '记录类型',
      '更正的记录',
      '确认时间',
      '记录编号',
    ]);
    const rows = [6, 7].map(values);
    expect(rows.map((r) => [r[0], r[2], r[3], r[5], r[6], r[7], r[9]])).toEqual([
      [1, volunteerNo, '覃**', '社区义诊进小区', '东门社区', 90, '确认'],
      [2, volunteerNo, '覃**', '社区义诊进小区', '东门社区', 30, '更正'],
    ]);
    expect(rows[1]![10]).toBe(rows[0]![12]);
    const totals = values(8);
    expect(totals.slice(0, 3)).toEqual(['合计', '共 2 条', '志愿者 1 人']);
    expect(totals.slice(7, 9)).toEqual([120, 2]);
    expect(sheet.rowCount).toBe(8);
  });
});
