/**
 * The community subpackage's view models: a reply of the `volunteers` function in, what the pages show out —
 * activity rows in Shanghai time with places left, the detail's buttons exactly as `actions` and `signupAs`
 * allow, what a scan did, the organiser's code countdown, the forms' checks, and 我的志愿服务 (number, hours,
 * stars, the five kinds of record, the ranking, where the certificate is written).
 */
import {
  activityTimeText,
  checkActivityRating,
  checkCancelReason,
  checkHoursEntries,
  checkinDoneText,
  minutesText,
  refreshDelay,
  scanCancelled,
  secondsLeft,
  signupDoneText,
  toActivityDetail,
  toActivityRow,
  toAttendanceRows,
} from '../../../miniprogram/packages/community/view-models/activity.view-model';
import {
  certificatePath,
  shanghaiYear,
  toMyHoursView,
  toRankingRows,
} from '../../../miniprogram/packages/community/view-models/my-hours.view-model';
import {
  END,
  HOUR,
  START,
  activityDetail,
  activityItem,
  attendance,
  attendanceRow,
  checkinResult,
  mySignup,
  rankingReply,
  record,
  volunteerMeReply,
} from '../pages/community-replies';
import { T0 } from '../pages/support/replies';

describe('activity rows', () => {
  it('should show the time in Shanghai, the place and the places left, and say it all for a screen reader', () => {
    expect(toActivityRow(activityItem(), T0)).toEqual({
      id: 'act-1',
      title: '义务理发进小区',
      time: '11-30 09:00–11:00',
      place: '金港花园活动室',
      places: '剩余 12 个名额，志愿者名额 3 个',
      statusLabel: '报名中',
      statusTheme: 'primary',
      mine: '',
      label: '义务理发进小区，报名中，11-30 09:00–11:00，金港花园活动室，剩余 12 个名额，志愿者名额 3 个',
    });
  });

  it('should say a full activity is full, and show no places for one that ended', () => {
    expect(toActivityRow(activityItem({ placesLeft: 0, volunteerPlacesLeft: 0 }), T0).places).toBe(
      '居民名额已满',
    );
    expect(toActivityRow(activityItem({ status: 'finished', statusLabel: '已结束' }), T0).places).toBe('');
  });

  it('should show where the caller’s own sign-up stands in 我报名的', () => {
    const row = (s: Parameters<typeof mySignup>[0]) =>
      toActivityRow(activityItem({ mySignup: mySignup(s) }), T0);
    expect(row({}).mine).toBe('已报名（居民）');
    expect(row({ kind: 'volunteer', checkInAt: START - 10 * 60_000 }).mine).toBe(
      '已报名（志愿者） · 已签到（08:50）',
    );
    expect(row({ kind: 'volunteer', checkInAt: START, checkOutAt: END, minutes: 120 }).mine).toBe(
      '已报名（志愿者） · 已签退，服务 2 小时',
    );
    expect(
      row({ kind: 'volunteer', checkInAt: START, checkOutAt: END, minutes: 120, confirmedMinutes: 90 }).mine,
    ).toBe('已报名（志愿者） · 已签退，服务 1 小时 30 分钟，时长已确认');
    expect(row({ status: 'cancelled' }).mine).toBe('已取消报名');
  });

  it('should give an activity over midnight both days, and another year’s the year', () => {
    expect(activityTimeText(START, START + 16 * HOUR, T0)).toBe('11-30 09:00–12-01 01:00');
    expect(activityTimeText(START + 365 * 24 * HOUR, START + 365 * 24 * HOUR + HOUR, T0)).toBe(
      '2027-11-30 09:00–10:00',
    );
  });
});

describe('the detail’s buttons', () => {
  const buttons = (o: Parameters<typeof activityDetail>[0]) =>
    toActivityDetail(activityDetail(o), T0).buttons;
  const none = {
    signupResident: false,
    signupVolunteer: false,
    cancelSignup: false,
    scan: '',
    rate: false,
    manage: false,
    cancelActivity: false,
  };

  it('should offer 报名 only as the kinds `signupAs` names', () => {
    expect(buttons({})).toEqual({ ...none, signupResident: true });
    expect(buttons({ signupAs: ['resident', 'volunteer'] })).toEqual({
      ...none,
      signupResident: true,
      signupVolunteer: true,
    });
    expect(buttons({ signupAs: ['volunteer'] })).toEqual({ ...none, signupVolunteer: true });
    // signupAs without the action: nothing (the action decides).
    expect(buttons({ actions: [], signupAs: ['resident'] })).toEqual(none);
  });

  it('should offer 扫码签到 before the check-in and 扫码签退 after it', () => {
    expect(buttons({ actions: ['checkin'], mySignup: mySignup() }).scan).toBe('扫码签到');
    expect(buttons({ actions: ['checkin'], mySignup: mySignup({ checkInAt: START }) }).scan).toBe('扫码签退');
  });

  it('should offer the organiser’s tools with `manage`, and 取消活动 only before the end', () => {
    expect(buttons({ actions: ['manage'] })).toEqual({ ...none, manage: true, cancelActivity: true });
    const ended = toActivityDetail(activityDetail({ actions: ['manage'] }), END + 1).buttons;
    expect(ended).toEqual({ ...none, manage: true });
    expect(buttons({ actions: ['cancel_signup', 'rate'] })).toEqual({
      ...none,
      cancelSignup: true,
      rate: true,
    });
  });

  it('should show the places, who signed up, the rating and a cancellation', () => {
    const view = toActivityDetail(
      activityDetail({ ratingAverage: 4.5, ratingCount: 8, status: 'cancelled', cancelReason: '暴雨' }),
      T0,
    );
    expect(view).toMatchObject({
      time: '11-30 09:00–11:00',
      deadline: '2026-11-30 09:00',
      capacity: '居民 18/30 人，志愿者 2/5 人',
      rating: '居民评价 4.5 分（8 人）',
      cancelReason: '暴雨',
      places: '',
    });
  });
});

describe('what a step did', () => {
  it('should say a sign-up, with the volunteer number for a volunteer', () => {
    expect(signupDoneText('resident', null)).toContain('报名成功');
    expect(signupDoneText('volunteer', 'YL2026000012')).toContain('志愿者编号 YL2026000012');
  });

  it('should say a check-in with its time and a check-out with the minutes served', () => {
    expect(checkinDoneText(checkinResult())).toBe('签到成功（08:50）：义务理发进小区');
    expect(checkinDoneText(checkinResult({ phase: 'out', at: END, minutes: 135 }))).toBe(
      '签退成功（11:00），本次服务 2 小时 15 分钟。时长由组织者确认后计入志愿服务记录',
    );
    expect(minutesText(45)).toBe('45 分钟');
  });

  it('should take a closed scanner as nothing to say', () => {
    expect(scanCancelled('scanCode:fail cancel')).toBe(true);
    expect(scanCancelled('scanCode:fail camera denied')).toBe(false);
  });
});

describe('the organiser’s code', () => {
  it('should count the seconds down to the expiry', () => {
    expect(secondsLeft(T0 + 60_000, T0)).toBe(60);
    expect(secondsLeft(T0 + 60_000, T0 + 59_001)).toBe(1);
    expect(secondsLeft(T0 + 60_000, T0 + 61_000)).toBe(0);
  });

  it('should ask again every 15 seconds, and at the latest 5 seconds before the code expires', () => {
    expect(refreshDelay(T0 + 60_000, T0)).toBe(15_000);
    expect(refreshDelay(T0 + 12_000, T0)).toBe(7_000);
    expect(refreshDelay(T0 + 3_000, T0)).toBe(1_000);
  });
});

describe('the forms', () => {
  it('should ask for stars, keep the text within 300 characters', () => {
    expect(checkActivityRating(0, '')).toEqual({ ok: false, message: '请先点星星评分' });
    expect(checkActivityRating(5, '  很好  ')).toEqual({ ok: true, value: { stars: 5, text: '很好' } });
    expect(checkActivityRating(4, '好'.repeat(301)).ok).toBe(false);
  });

  it('should ask for a cancellation reason', () => {
    expect(checkCancelReason('  ')).toEqual({ ok: false, message: '请填写取消原因，报名的人会收到通知' });
    expect(checkCancelReason(' 暴雨 ')).toEqual({ ok: true, value: '暴雨' });
  });

  it('should confirm each volunteer who checked in with whole minutes within the window', () => {
    const rows = toAttendanceRows(
      attendance([
        attendanceRow(),
        attendanceRow({ signupId: 'act-1_v2', name: '王芳', confirmedMinutes: 100 }),
        attendanceRow({ signupId: 'act-1_r1', kind: 'resident', kindLabel: '居民', volunteerNo: null }),
        attendanceRow({ signupId: 'act-1_v3', checkInAt: null, checkOutAt: null, minutes: null }),
      ]),
    );
    expect(rows.map((r) => [r.signupId, r.confirmable, r.minutes])).toEqual([
      ['act-1_v1', true, 150],
      ['act-1_v2', true, 100],
      ['act-1_r1', false, 150],
      ['act-1_v3', false, 0],
    ]);
    expect(rows[0]).toMatchObject({
      checkIn: '签到 08:40',
      checkOut: '签退 11:10',
      served: '服务 2 小时 30 分钟',
    });
    expect(checkHoursEntries(rows, {}, 210)).toEqual({
      ok: true,
      value: [
        { signupId: 'act-1_v1', minutes: 150 },
        { signupId: 'act-1_v2', minutes: 100 },
      ],
    });
    expect(checkHoursEntries(rows, { 'act-1_v1': '120' }, 210)).toMatchObject({
      ok: true,
      value: [{ signupId: 'act-1_v1', minutes: 120 }, expect.anything()],
    });
    expect(checkHoursEntries(rows, { 'act-1_v1': '1.5' }, 210)).toEqual({
      ok: false,
      message: '请为李志明填写整数分钟',
    });
    expect(checkHoursEntries(rows, { 'act-1_v2': '300' }, 210)).toEqual({
      ok: false,
      message: '王芳的服务时长应在 0 到 210 分钟之间',
    });
    expect(checkHoursEntries([], {}, 210).ok).toBe(false);
  });
});

describe('我的志愿服务', () => {
  it('should show the number, hours, stars and the way to the next star', () => {
    const view = toMyHoursView(volunteerMeReply());
    expect(view).toMatchObject({
      volunteerNo: 'YL2026000012',
      hours: '120.5',
      serviceCount: 31,
      stars: '★☆☆☆☆',
      starLabel: '1 星志愿者',
      next: '再服务 180 小时可升为 2 星志愿者',
    });
    expect(toMyHoursView(volunteerMeReply({ starLevel: 5, nextStarHours: null })).next).toBe('已是最高星级');
  });

  it('should show the five kinds of record as sections, basic information first', () => {
    const view = toMyHoursView(
      volunteerMeReply({
        records: {
          service: [record(), record({ recordId: 'rec-c', minutes: -30, correctsRecordId: 'rec-1' })],
          training: [],
          award: [],
          evaluation: [
            record({
              recordId: 'rec-e',
              kind: 'evaluation',
              title: '年度评价',
              minutes: 0,
              grade: 'good',
              issuer: '东门社区',
            }),
          ],
        },
      }),
    );
    expect(view.sections.map((s) => s.title)).toEqual([
      '个人基本信息',
      '志愿服务信息',
      '培训信息',
      '表彰奖励信息',
      '评价信息',
    ]);
    expect(view.sections[0]!.rows.find((r) => r.id === 'no')!.detail).toBe('YL2026000012');
    expect(view.sections[1]!.rows.map((r) => r.detail)).toEqual([
      '2026-11-30 · 2 小时 30 分钟',
      '2026-11-30 · 更正 -30 分钟',
    ]);
    expect(view.sections[2]).toMatchObject({ rows: [], empty: '还没有培训记录' });
    expect(view.sections[4]!.rows[0]!.detail).toBe('2026-11-30 · 良好 · 东门社区');
  });

  it('should rank with masked names, hours and stars', () => {
    expect(toRankingRows(rankingReply())[1]).toEqual({
      key: 'YL2026000012',
      rank: 2,
      name: '李**',
      volunteerNo: 'YL2026000012',
      hours: '120.5 小时',
      stars: '★☆☆☆☆',
      label: '第 2 名，李**，120.5 小时，1 星',
    });
    expect(shanghaiYear(Date.UTC(2026, 11, 31, 16, 30))).toBe(2027);
  });

  it('should write the certificate in the user’s folder under a safe name', () => {
    expect(certificatePath('wxfile://usr', '志愿服务证明 YLZYZ-2026-000001.docx')).toBe(
      'wxfile://usr/志愿服务证明_YLZYZ-2026-000001.docx',
    );
    expect(certificatePath('wxfile://usr', '../x')).toBe('wxfile://usr/.._x.docx');
  });
});
