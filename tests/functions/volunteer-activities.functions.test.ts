/**
 * Volunteer activities through the real `volunteers` and `volunteer-timers` functions on the local cloud
 * (docs/volunteers.md): scheduling by a team's leader and a worker, the lists and scope, 100 concurrent
 * sign-ups for 30 places, single-use check-in codes that expire, minutes from check-in to check-out, hours
 * confirmed once (corrections as new records), ratings, the volunteer's record, ranking and certificate, the
 * reminders on the controllable clock, and the refusals (bad input, wrong role, out of scope) writing nothing.
 */
import JSZip from 'jszip';
import type { Action } from '../../core/auth/actions';
import { PERMISSION_MATRIX } from '../../core/auth/permissions.matrix';
import { GRANTABLE_ROLES } from '../../core/auth/roles';
import type { VolunteerActivity, VolunteerProfile, VolunteerRecord } from '../../core/model/volunteer.model';
import type {
  ActivityDetail,
  ActivityListResult,
  ActivityRateResult,
  ActivitySignupResult,
  AttendanceResult,
  CheckinResult,
  HoursConfirmResult,
  VolunteerCertificateResult,
  VolunteerMeResult,
  VolunteerRankingResult,
} from '../../core/volunteers/volunteer.replies';
import { DEMO_COMMUNITY_ID, DEMO_SECOND_RESIDENT_OPENID } from '../../demo/demo.constants';
import { DEMO_PATHS, DEMO_REFS } from '../../demo/demo-identities';
import {
  COMMUNITY_WORKER,
  TEAM_LEADER,
  TEAM_MEMBER,
  activityInput,
  checkinCode,
  scheduleActivity,
  signUp,
  volunteersCall,
  volunteersWrite,
} from './support/activity-records';
import { HOUR_MS, MINUTE_MS, functionCloud, type Reply } from './support/function-cloud';
import { ok } from './support/order-loop';
import { expectRefusedWritingNothing } from './support/platform-writes';
import { writeUser } from './support/role-actors';

const cloud = functionCloud();

const RESIDENT = 'demo-resident-1';
const STRANGER_RESIDENT = DEMO_SECOND_RESIDENT_OPENID;
const PARTY_MEMBER = 'demo-party-member-1';
const NEIGHBOUR = 'act-neighbour-1';
const TEMPLATE = 'TPL_ACTIVITY_REMINDER';

const call = <T>(openid: string | null, command: string, input: unknown = {}) =>
  volunteersCall<T>(cloud, openid, command, input);
const write = <T>(openid: string, command: string, input: Record<string, unknown>) =>
  volunteersWrite<T>(cloud, openid, command, input);
const activityOf = async (id: string) => (await cloud.get<VolunteerActivity>('volunteer_activities', id))!;
const detail = (openid: string, id: string) =>
  call<ActivityDetail>(openid, 'activity.detail', { activityId: id });

/** Check-in for `openid` with a fresh code at the current time. */
async function scan(openid: string, activityId: string, phase: 'in' | 'out'): Promise<Reply<CheckinResult>> {
  const code = await checkinCode(cloud, activityId, phase);
  return write<CheckinResult>(openid, 'activity.checkin', { code });
}

/** Run the volunteer-timers trigger once more at the current time (at-least-once delivery). */
async function fireVolunteerTimer(): Promise<unknown> {
  const event = { Type: 'Timer', TriggerName: 'redelivered', Time: new Date(cloud.now()).toISOString() };
  const result = await cloud.started.cloud.runner.invoke('volunteer-timers', event, { SOURCE: 'wx_trigger' });
  return JSON.parse(result.responseData) as unknown;
}

beforeAll(async () => {
  await writeUser(cloud, NEIGHBOUR, []);
  for (const openid of [RESIDENT, NEIGHBOUR, TEAM_LEADER, TEAM_MEMBER, PARTY_MEMBER, COMMUNITY_WORKER]) {
    cloud.grant(openid, TEMPLATE, 50);
  }
});

describe('scheduling, lists and scope', () => {
  test('the team’s leader and a community worker schedule; residents of the community see them upcoming', async () => {
    const byTeam = await scheduleActivity(cloud);
    const byWorker = await scheduleActivity(
      cloud,
      { orgUnitId: DEMO_COMMUNITY_ID, teamId: undefined, title: '社区义诊' },
      48 * HOUR_MS,
      COMMUNITY_WORKER,
    );
    expect(await activityOf(byTeam)).toMatchObject({
      status: 'scheduled',
      teamId: DEMO_REFS.teamId,
      orgPath: DEMO_PATHS.grid,
      communityPath: DEMO_PATHS.community,
      organiserOpenid: TEAM_LEADER,
      residentCount: 0,
    });
    const upcoming = ok(
      await call<ActivityListResult>(RESIDENT, 'activity.list', { view: 'upcoming', pageSize: 50 }),
    );
    const ids = upcoming.items.map((i) => i.activityId);
    expect(ids).toEqual(expect.arrayContaining([byTeam, byWorker]));
    // Latest start first.
    expect(ids.indexOf(byWorker)).toBeLessThan(ids.indexOf(byTeam));
    const organised = ok(await call<ActivityListResult>(TEAM_LEADER, 'activity.list', { view: 'organised' }));
    expect(organised.items.map((i) => i.activityId)).toContain(byTeam);
    expect(organised.items.map((i) => i.activityId)).not.toContain(byWorker);
    const d = ok(await detail(RESIDENT, byTeam));
    expect(d.actions).toEqual(['signup']);
    expect(d.placesLeft).toBe(30);
    expect(ok(await detail(TEAM_LEADER, byTeam)).actions).toContain('manage');
  });

  test('another community’s resident neither sees nor signs up; a team member or a resident cannot schedule', async () => {
    const id = await scheduleActivity(cloud);
    await expectRefusedWritingNothing(cloud, () => detail(STRANGER_RESIDENT, id), 'ACTIVITY_NOT_FOUND');
    await expectRefusedWritingNothing(
      cloud,
      () => write(STRANGER_RESIDENT, 'activity.signup', { activityId: id, as: 'resident' }),
      'ACTIVITY_NOT_FOUND',
    );
    const theirs = ok(
      await call<ActivityListResult>(STRANGER_RESIDENT, 'activity.list', { view: 'upcoming', pageSize: 50 }),
    );
    expect(theirs.items.map((i) => i.activityId)).not.toContain(id);
    await expectRefusedWritingNothing(
      cloud,
      () => write(TEAM_MEMBER, 'activity.save', activityInput(cloud)),
      'PERMISSION_DENIED',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(RESIDENT, 'activity.save', activityInput(cloud)),
      'PERMISSION_DENIED',
    );
    // A worker of 东门社区 cannot schedule in another community's grid.
    await expectRefusedWritingNothing(
      cloud,
      () =>
        write(
          COMMUNITY_WORKER,
          'activity.save',
          activityInput(cloud, { orgUnitId: 'no-such-unit', teamId: undefined }),
        ),
      'ACTIVITY_UNIT_NOT_FOUND',
    );
    // A resident cannot sign up as a volunteer.
    await expectRefusedWritingNothing(
      cloud,
      () => write(RESIDENT, 'activity.signup', { activityId: id, as: 'volunteer' }),
      'ACTIVITY_VOLUNTEER_REQUIRED',
    );
  });

  test('the organisers’ commands by role and scope: another team’s leader and a far worker are told not found; a member and a party member are denied', async () => {
    const id = await scheduleActivity(cloud);
    const otherLeader = await writeUser(cloud, 'act-other-leader', [
      { role: 'volunteer', orgPath: DEMO_PATHS.community, teamId: 'team-0002', position: 'leader' },
    ]);
    const farWorker = await writeUser(
      cloud,
      'act-far-worker',
      [{ role: 'worker', orgPath: DEMO_PATHS.secondCommunity }],
      DEMO_PATHS.secondGrid,
    );
    const commands: [string, Record<string, unknown>][] = [
      ['activity.checkin.code', { activityId: id, phase: 'in' }],
      ['activity.hours.confirm', { activityId: id, entries: [{ signupId: `${id}_x`, minutes: 60 }] }],
      ['activity.cancel', { activityId: id, reason: '临时有事' }],
    ];
    for (const [command, input] of commands) {
      await expectRefusedWritingNothing(
        cloud,
        () => write(otherLeader.openid, command, input),
        'ACTIVITY_NOT_FOUND',
      );
      await expectRefusedWritingNothing(
        cloud,
        () => write(farWorker.openid, command, input),
        'ACTIVITY_NOT_FOUND',
      );
      await expectRefusedWritingNothing(cloud, () => write(TEAM_MEMBER, command, input), 'PERMISSION_DENIED');
      await expectRefusedWritingNothing(
        cloud,
        () => write(PARTY_MEMBER, command, input),
        'PERMISSION_DENIED',
      );
    }
    await expectRefusedWritingNothing(
      cloud,
      () => call(otherLeader.openid, 'activity.attendance', { activityId: id }),
      'ACTIVITY_NOT_FOUND',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => call(farWorker.openid, 'activity.attendance', { activityId: id }),
      'ACTIVITY_NOT_FOUND',
    );
    // The far worker cannot schedule in the demo grid: the unit answers as if it did not exist.
    await expectRefusedWritingNothing(
      cloud,
      () => write(farWorker.openid, 'activity.save', activityInput(cloud, { teamId: undefined })),
      'ACTIVITY_UNIT_NOT_FOUND',
    );
    // Another team's leader cannot schedule for the demo team.
    await expectRefusedWritingNothing(
      cloud,
      () => write(otherLeader.openid, 'activity.save', activityInput(cloud)),
      'ACTIVITY_UNIT_NOT_FOUND',
    );
    // The organised list: neither sees the activity.
    for (const openid of [otherLeader.openid, farWorker.openid]) {
      const organised = ok(await call<ActivityListResult>(openid, 'activity.list', { view: 'organised' }));
      expect(organised.items.map((i) => i.activityId)).not.toContain(id);
    }
  });

  test('roles the matrix does not allow are refused PERMISSION_DENIED by the organisers’ and the volunteers’ commands', async () => {
    const id = await scheduleActivity(cloud);
    const commands: [string, Action, Record<string, unknown>, boolean][] = [
      ['activity.save', 'activity.manage', activityInput(cloud, { teamId: undefined }), true],
      ['activity.cancel', 'activity.manage', { activityId: id, reason: '临时有事' }, true],
      ['activity.checkin.code', 'activity.manage', { activityId: id, phase: 'in' }, true],
      ['activity.attendance', 'activity.manage', { activityId: id }, false],
      [
        'activity.hours.confirm',
        'volunteer.hours.confirm',
        { activityId: id, entries: [{ signupId: 'x_y', minutes: 1 }] },
        true,
      ],
      ['volunteer.me', 'volunteer.record.view', {}, false],
      ['volunteer.certificate', 'volunteer.record.view', {}, true],
    ];
    let seq = 0;
    for (const [command, action, input, writes] of commands) {
      // volunteer.me and the certificate are offered to volunteers and party members only.
      const offered = action === 'volunteer.record.view' ? ['volunteer', 'party_member'] : null;
      for (const role of GRANTABLE_ROLES) {
        const cell = PERMISSION_MATRIX[action][role];
        if (cell !== undefined && (offered === null || offered.includes(role))) continue;
        seq += 1;
        const grant =
          role === 'provider_staff'
            ? {
                role,
                providerId: DEMO_REFS.providerId,
                position: 'manager' as const,
                orgPath: DEMO_PATHS.community,
              }
            : role === 'volunteer'
              ? { role, orgPath: DEMO_PATHS.community, teamId: DEMO_REFS.teamId, position: 'leader' as const }
              : { role, orgPath: DEMO_PATHS.community };
        const user = await writeUser(cloud, `act-role-${seq}`, role === 'resident' ? [] : [grant]);
        await expectRefusedWritingNothing(
          cloud,
          () => (writes ? write(user.openid, command, input) : call(user.openid, command, input)),
          'PERMISSION_DENIED',
        );
      }
    }
  });

  test('an edit keeps the organiser and the places held; more places are fine', async () => {
    const id = await scheduleActivity(cloud, { capacity: 10 });
    await signUp(cloud, NEIGHBOUR, id);
    const input = { ...activityInput(cloud, { capacity: 10 }), activityId: id };
    await expectRefusedWritingNothing(
      cloud,
      () => write(TEAM_LEADER, 'activity.save', { ...input, capacity: 5 }),
      'ACTIVITY_CAPACITY_BELOW_SIGNUPS',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(TEAM_LEADER, 'activity.save', { ...input, orgUnitId: DEMO_COMMUNITY_ID }),
      'ACTIVITY_ORGANISER_FIXED',
    );
    ok(await write(TEAM_LEADER, 'activity.save', { ...input, capacity: 20, title: '义务理发（加场）' }));
    expect(await activityOf(id)).toMatchObject({ capacity: 20, title: '义务理发（加场）', residentCount: 1 });
    expect(ok(await detail(NEIGHBOUR, id)).placesLeft).toBe(19);
  });

  test('bad input answers the schema’s codes and writes nothing', async () => {
    const id = await scheduleActivity(cloud);
    for (const bad of [
      activityInput(cloud, { capacity: 0 }),
      activityInput(cloud, { capacity: 501 }),
      activityInput(cloud, { endAt: cloud.now() }),
      activityInput(cloud, { title: '' }),
      activityInput(cloud, { volunteerPlaces: -1 }),
    ]) {
      await expectRefusedWritingNothing(
        cloud,
        () => write(TEAM_LEADER, 'activity.save', bad),
        'INVALID_INPUT',
      );
    }
    await expectRefusedWritingNothing(
      cloud,
      () => write(RESIDENT, 'activity.signup', { activityId: id, as: 'guest' }),
      'INVALID_INPUT',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(RESIDENT, 'activity.checkin', { code: 'x' }),
      'INVALID_INPUT',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(TEAM_LEADER, 'activity.hours.confirm', { activityId: id, entries: [] }),
      'INVALID_INPUT',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(RESIDENT, 'activity.rate', { activityId: id, stars: 6 }),
      'INVALID_INPUT',
    );
    // A start in the past.
    await expectRefusedWritingNothing(
      cloud,
      () => write(TEAM_LEADER, 'activity.save', activityInput(cloud, {}, -HOUR_MS)),
      'ACTIVITY_TIME_PAST',
    );
  });
});

describe('sign-up under concurrency', () => {
  test('100 concurrent sign-ups for 30 places: exactly 30 succeed, 70 are ACTIVITY_FULL; a second sign-up is refused', async () => {
    const id = await scheduleActivity(cloud, { capacity: 30 });
    const residents = Array.from({ length: 100 }, (_, i) => `act-rush-${String(i).padStart(3, '0')}`);
    for (const openid of residents) await writeUser(cloud, openid, []);
    const replies = await Promise.all(
      residents.map((openid) =>
        write<ActivitySignupResult>(openid, 'activity.signup', { activityId: id, as: 'resident' }),
      ),
    );
    const codes = replies.map((r) => r.code);
    expect(codes.filter((c) => c === 'OK')).toHaveLength(30);
    expect(codes.filter((c) => c === 'ACTIVITY_FULL')).toHaveLength(70);
    const activity = await activityOf(id);
    expect(activity.residentCount).toBe(30);
    expect(await cloud.count('activity_signups', { activityId: id, status: 'signed' })).toBe(30);
    // Thirty numbered places, each held by one of the thirty.
    const places = await cloud.find<{ n: number; holder: string }>('activity_places', { activityId: id });
    expect(places.map((p) => p.n).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(new Set(places.map((p) => p.holder)).size).toBe(30);
    const winner = residents[codes.indexOf('OK')]!;
    await expectRefusedWritingNothing(
      cloud,
      () => write(winner, 'activity.signup', { activityId: id, as: 'resident' }),
      'ACTIVITY_ALREADY_SIGNED',
    );
    // Cancelling frees the place: someone refused gets it.
    ok(await write(winner, 'activity.signup.cancel', { activityId: id }));
    const loser = residents[codes.indexOf('ACTIVITY_FULL')]!;
    expect((await signUp(cloud, loser, id)).placesLeft).toBe(0);
    expect((await activityOf(id)).residentCount).toBe(30);
  }, 180_000);
});

describe('check-in codes, minutes, hours', () => {
  let activityId: string;
  let checkedInAt: number;

  test('a volunteer signs up and gets a number; check-in opens an hour before the start', async () => {
    activityId = await scheduleActivity(cloud, {}, 3 * HOUR_MS);
    const member = await signUp(cloud, TEAM_MEMBER, activityId, 'volunteer');
    expect(member.volunteerNo).toMatch(/^YL2025\d{6}$/);
    // A party member serves as a volunteer too, with a number of their own.
    const partyMember = await signUp(cloud, PARTY_MEMBER, activityId, 'volunteer');
    expect(partyMember.volunteerNo).toMatch(/^YL2025\d{6}$/);
    expect(partyMember.volunteerNo).not.toBe(member.volunteerNo);
    await signUp(cloud, RESIDENT, activityId);
    const profile = await cloud.get<VolunteerProfile>('volunteers', TEAM_MEMBER);
    expect(profile).toMatchObject({
      volunteerNo: member.volunteerNo,
      totalMinutes: 0,
      communityId: DEMO_COMMUNITY_ID,
    });
    await expectRefusedWritingNothing(
      cloud,
      () => write(TEAM_LEADER, 'activity.checkin.code', { activityId, phase: 'in' }),
      'ACTIVITY_CHECKIN_NOT_OPEN',
    );
    // A team member is not an organiser.
    cloud.shiftClock(2 * HOUR_MS + 30 * MINUTE_MS);
    await expectRefusedWritingNothing(
      cloud,
      () => write(TEAM_MEMBER, 'activity.checkin.code', { activityId, phase: 'in' }),
      'PERMISSION_DENIED',
    );
  });

  test('a code is single use: the second scanner is refused; an expired code is refused; both write nothing', async () => {
    const code = await checkinCode(cloud, activityId, 'in');
    const first = ok(await write<CheckinResult>(TEAM_MEMBER, 'activity.checkin', { code }));
    checkedInAt = first.at;
    expect(first.phase).toBe('in');
    // The screenshot sent to a friend: used.
    await expectRefusedWritingNothing(
      cloud,
      () => write(RESIDENT, 'activity.checkin', { code }),
      'CHECKIN_CODE_USED',
    );
    const stale = await checkinCode(cloud, activityId, 'in');
    cloud.shiftClock(61_000);
    await expectRefusedWritingNothing(
      cloud,
      () => write(RESIDENT, 'activity.checkin', { code: stale }),
      'CHECKIN_CODE_EXPIRED',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(RESIDENT, 'activity.checkin', { code: 'a'.repeat(48) }),
      'CHECKIN_CODE_INVALID',
    );
    // Someone not signed up does not use the code up.
    const fresh = await checkinCode(cloud, activityId, 'in');
    await expectRefusedWritingNothing(
      cloud,
      () => write(NEIGHBOUR, 'activity.checkin', { code: fresh }),
      'ACTIVITY_NOT_SIGNED',
    );
    ok(await write(RESIDENT, 'activity.checkin', { code: fresh }));
    ok(await scan(PARTY_MEMBER, activityId, 'in'));
    const again = await checkinCode(cloud, activityId, 'in');
    await expectRefusedWritingNothing(
      cloud,
      () => write(TEAM_MEMBER, 'activity.checkin', { code: again }),
      'ACTIVITY_ALREADY_CHECKED_IN',
    );
  });

  test('check-out: the minutes equal check-out minus check-in', async () => {
    cloud.shiftClock(95 * MINUTE_MS);
    const out = ok(await scan(TEAM_MEMBER, activityId, 'out'));
    expect(out.minutes).toBe(Math.floor((out.at - checkedInAt) / MINUTE_MS));
    expect(out.minutes).toBeGreaterThanOrEqual(96);
    ok(await scan(RESIDENT, activityId, 'out'));
    ok(await scan(PARTY_MEMBER, activityId, 'out'));
    const attendance = ok(
      await call<AttendanceResult>(COMMUNITY_WORKER, 'activity.attendance', { activityId }),
    );
    const row = attendance.rows.find((r) => r.signupId === `${activityId}_${TEAM_MEMBER}`)!;
    expect(row).toMatchObject({ kind: 'volunteer', minutes: out.minutes, phoneMasked: false });
    expect(row.phone).toMatch(/^1\d{10}$/);
    await expectRefusedWritingNothing(
      cloud,
      () => call(TEAM_MEMBER, 'activity.attendance', { activityId }),
      'PERMISSION_DENIED',
    );
  });

  test('hours are confirmed once by the organiser: a retry does not credit twice; a correction is a new record', async () => {
    const signupId = `${activityId}_${TEAM_MEMBER}`;
    const served = (await cloud.get<{ minutes: number }>('activity_signups', signupId))!.minutes;
    const entries = [{ signupId, minutes: served }];
    await expectRefusedWritingNothing(
      cloud,
      () => write(TEAM_LEADER, 'activity.hours.confirm', { activityId, entries }),
      'HOURS_NOT_YET',
    );
    cloud.shiftClock(2 * HOUR_MS);
    // A team member is not the organiser.
    await expectRefusedWritingNothing(
      cloud,
      () => write(TEAM_MEMBER, 'activity.hours.confirm', { activityId, entries }),
      'PERMISSION_DENIED',
    );
    // A resident's sign-up earns no hours.
    await expectRefusedWritingNothing(
      cloud,
      () =>
        write(TEAM_LEADER, 'activity.hours.confirm', {
          activityId,
          entries: [{ signupId: `${activityId}_${RESIDENT}`, minutes: 60 }],
        }),
      'HOURS_NOT_VOLUNTEER',
    );
    const team0 = (await cloud.get<{ serviceMinutes: number; serviceCount: number }>(
      'volunteer_teams',
      DEMO_REFS.teamId,
    ))!;
    const input = { activityId, entries, clientRequestId: cloud.requestId('hours') };
    const first = ok(await call<HoursConfirmResult>(TEAM_LEADER, 'activity.hours.confirm', input));
    expect(first).toMatchObject({ credited: 1, corrections: 0 });
    const retry = ok(await call<HoursConfirmResult>(TEAM_LEADER, 'activity.hours.confirm', input));
    expect(retry).toEqual(first);
    const again = ok(
      await write<HoursConfirmResult>(TEAM_LEADER, 'activity.hours.confirm', { activityId, entries }),
    );
    expect(again).toMatchObject({ credited: 0, corrections: 0, unchanged: 1 });
    let profile = (await cloud.get<VolunteerProfile>('volunteers', TEAM_MEMBER))!;
    expect(profile.totalMinutes).toBe(served);
    expect(profile.serviceCount).toBe(1);
    expect(await cloud.count('volunteer_records', { openid: TEAM_MEMBER })).toBe(1);

    const corrected = ok(
      await write<HoursConfirmResult>(TEAM_LEADER, 'activity.hours.confirm', {
        activityId,
        entries: [{ signupId, minutes: served + 10, note: '提前到场布置' }],
      }),
    );
    expect(corrected).toMatchObject({ credited: 0, corrections: 1 });
    const records = await cloud.find<VolunteerRecord>('volunteer_records', { openid: TEAM_MEMBER });
    const original = records.find((r) => r.correctsRecordId === null)!;
    expect(original.minutes).toBe(served);
    expect(records.find((r) => r.correctsRecordId === original._id)).toMatchObject({
      minutes: 10,
      kind: 'service',
    });
    profile = (await cloud.get<VolunteerProfile>('volunteers', TEAM_MEMBER))!;
    expect(profile.totalMinutes).toBe(served + 10);
    expect(profile.minutesByYear['2025']).toBe(served + 10);
    const team = (await cloud.get<{ serviceMinutes: number; serviceCount: number }>(
      'volunteer_teams',
      DEMO_REFS.teamId,
    ))!;
    expect(team.serviceMinutes).toBe(team0.serviceMinutes + served + 10);
    expect(team.serviceCount).toBe(team0.serviceCount + 1);
    // The party member's hours count for their party-member record (双报到 service) too.
    const pmSignup = `${activityId}_${PARTY_MEMBER}`;
    const pmServed = (await cloud.get<{ minutes: number }>('activity_signups', pmSignup))!.minutes;
    const pm0 = (
      await cloud.find<{ serviceMinutes: number; serviceCount: number }>('party_members', {
        openid: PARTY_MEMBER,
      })
    )[0]!;
    ok(
      await write(TEAM_LEADER, 'activity.hours.confirm', {
        activityId,
        entries: [{ signupId: pmSignup, minutes: pmServed }],
      }),
    );
    const pm = (
      await cloud.find<{ serviceMinutes: number; serviceCount: number }>('party_members', {
        openid: PARTY_MEMBER,
      })
    )[0]!;
    expect(pm.serviceMinutes).toBe(pm0.serviceMinutes + pmServed);
    expect(pm.serviceCount).toBe(pm0.serviceCount + 1);
    // Beyond the activity's window.
    await expectRefusedWritingNothing(
      cloud,
      () =>
        write(TEAM_LEADER, 'activity.hours.confirm', { activityId, entries: [{ signupId, minutes: 600 }] }),
      'HOURS_OUTSIDE_WINDOW',
    );
  });

  test('the resident who took part rates once after the end', async () => {
    const rated = ok(
      await write<ActivityRateResult>(RESIDENT, 'activity.rate', {
        activityId,
        stars: 5,
        text: '理发师傅很耐心',
      }),
    );
    expect(rated).toMatchObject({ stars: 5, ratingCount: 1 });
    await expectRefusedWritingNothing(
      cloud,
      () => write(RESIDENT, 'activity.rate', { activityId, stars: 4 }),
      'ACTIVITY_ALREADY_RATED',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(TEAM_MEMBER, 'activity.rate', { activityId, stars: 4 }),
      'ACTIVITY_RATE_NOT_ALLOWED',
    );
    expect(ok(await detail(RESIDENT, activityId)).ratingAverage).toBe(5);
  });

  test('the volunteer’s record, the yearly ranking (names masked) and a numbered certificate', async () => {
    const me = ok(await call<VolunteerMeResult>(TEAM_MEMBER, 'volunteer.me'));
    const profile = (await cloud.get<VolunteerProfile>('volunteers', TEAM_MEMBER))!;
    expect(me.basic.volunteerNo).toBe(profile.volunteerNo);
    expect(me.totalMinutes).toBe(profile.totalMinutes);
    expect(me.records.service).toHaveLength(2);
    expect(Object.keys(me.records).sort()).toEqual(['award', 'evaluation', 'service', 'training']);
    await expectRefusedWritingNothing(cloud, () => call(RESIDENT, 'volunteer.me'), 'PERMISSION_DENIED');

    const ranking = ok(await call<VolunteerRankingResult>(RESIDENT, 'volunteer.ranking', { year: 2025 }));
    const row = ranking.rows.find((r) => r.volunteerNo === profile.volunteerNo)!;
    expect(row.minutes).toBe(profile.totalMinutes);
    expect(row.name).toMatch(/\*\*$/);
    expect(row.name).not.toBe(profile.name);

    const cert = ok(
      await write<VolunteerCertificateResult>(TEAM_MEMBER, 'volunteer.certificate', { year: 2025 }),
    );
    expect(cert.certificateNo).toMatch(/^YLZYZ-2025\d{6}$/);
    expect(cert.totalMinutes).toBe(profile.totalMinutes);
    // The Word file names the certificate, the volunteer's number and the hours; never an identity number.
    const zip = await JSZip.loadAsync(Buffer.from(cert.base64, 'base64'));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain(cert.certificateNo);
    expect(xml).toContain(profile.volunteerNo);
    expect(xml).toContain(`${(Math.round((profile.totalMinutes / 60) * 10) / 10).toFixed(1)} 小时`);
    expect(xml).toContain('义务理发进小区');
    const second = ok(await write<VolunteerCertificateResult>(TEAM_MEMBER, 'volunteer.certificate', {}));
    expect(second.certificateNo).not.toBe(cert.certificateNo);
    expect(await cloud.count('volunteer_certificates', { openid: TEAM_MEMBER })).toBe(2);
  });
});

describe('the timer and cancellation', () => {
  test('the signed-up are reminded once before the start; the organiser once of unconfirmed hours', async () => {
    // The codes of the check-ins above, expired: kept a day, then removed by the timer.
    expect(await cloud.count('checkin_codes')).toBeGreaterThan(0);
    const id = await scheduleActivity(cloud, {}, 4 * HOUR_MS);
    await signUp(cloud, NEIGHBOUR, id);
    await signUp(cloud, TEAM_MEMBER, id, 'volunteer');
    const toNeighbour = () =>
      cloud.outbox({ touser: NEIGHBOUR, templateId: TEMPLATE }).filter((m) => m.page.includes(id)).length;
    const toLeader = () =>
      cloud.outbox({ touser: TEAM_LEADER, templateId: TEMPLATE }).filter((m) => m.page.includes(id)).length;
    await cloud.advance(HOUR_MS);
    expect(toNeighbour()).toBe(0);
    await cloud.advance(90 * MINUTE_MS);
    expect(toNeighbour()).toBe(1);
    expect((await activityOf(id)).remindAt).toBeNull();
    await fireVolunteerTimer();
    await cloud.advance(30 * MINUTE_MS);
    expect(toNeighbour()).toBe(1);
    // The end: finished; a day later the organiser hears of the hours, once.
    await cloud.advance(3 * HOUR_MS);
    expect((await activityOf(id)).status).toBe('finished');
    expect(toLeader()).toBe(0);
    await cloud.advance(24 * HOUR_MS);
    expect(toLeader()).toBe(1);
    await fireVolunteerTimer();
    await cloud.advance(HOUR_MS);
    expect(toLeader()).toBe(1);
    expect(await cloud.count('checkin_codes')).toBe(0);
  }, 120_000);

  test('cancelling tells everyone signed up; sign-ups are closed', async () => {
    const id = await scheduleActivity(cloud, {}, 48 * HOUR_MS);
    await signUp(cloud, NEIGHBOUR, id);
    const before = cloud.outbox({ touser: NEIGHBOUR, templateId: TEMPLATE }).length;
    await expectRefusedWritingNothing(
      cloud,
      () => write(TEAM_MEMBER, 'activity.cancel', { activityId: id, reason: '天气原因' }),
      'PERMISSION_DENIED',
    );
    ok(await write(TEAM_LEADER, 'activity.cancel', { activityId: id, reason: '天气原因，改期举行' }));
    expect(cloud.outbox({ touser: NEIGHBOUR, templateId: TEMPLATE }).length).toBe(before + 1);
    const inbox = await cloud.find<{ lines: { value: string }[] }>('inbox_messages', {
      touser: NEIGHBOUR,
      subjectId: id,
    });
    expect(inbox.some((m) => m.lines.some((l) => l.value === '活动取消'))).toBe(true);
    await expectRefusedWritingNothing(
      cloud,
      () => write(RESIDENT, 'activity.signup', { activityId: id, as: 'resident' }),
      'ACTIVITY_SIGNUP_CLOSED',
    );
  });
});
