/**
 * The records a unit keeps of its volunteers besides their hours, and the places-left repair, through the
 * real `volunteers` and `volunteer-timers` functions on the local cloud (docs/volunteers.md "Records kept by
 * the unit" and "Timer"): a worker and the team's leader record training, an award and an evaluation; a
 * correction is a new record naming the one it corrects; the refusals (bad input, wrong role, another unit or
 * team, risky text) write nothing; a drifted places-left counter is repaired by the timer, and a run with
 * nothing to repair writes nothing.
 */
import type { VolunteerActivity, VolunteerProfile, VolunteerRecord } from '../../core/model/volunteer.model';
import type { VolunteerMeResult, VolunteerTimerResult } from '../../core/volunteers/volunteer.replies';
import type { VolunteerRecordAddResult } from '../../core/volunteers/volunteer-unit.replies';
import { DEMO_PATHS, DEMO_REFS } from '../../demo/demo-identities';
import {
  COMMUNITY_WORKER,
  TEAM_LEADER,
  scheduleActivity,
  signUp,
  volunteersCall,
  volunteersWrite,
} from './support/activity-records';
import { MINUTE_MS, functionCloud } from './support/function-cloud';
import { ok } from './support/order-loop';
import { expectRefusedWritingNothing, platformMark } from './support/platform-writes';
import { writeUser } from './support/role-actors';

const cloud = functionCloud();

const RESIDENT = 'demo-resident-1';
const OTHER_COUNTY_WORKER = 'rec-worker-elsewhere';
const OTHER_TEAM_LEADER = 'rec-other-team-leader';
/** A member of the demo team, new to this file (the demo's own members may have records of their own). */
const TEAM_MEMBER = 'rec-team-member';

const add = (openid: string, input: Record<string, unknown>) =>
  volunteersWrite<VolunteerRecordAddResult>(cloud, openid, 'volunteer.record.add', input);

let volunteerNo = '';

beforeAll(async () => {
  await writeUser(cloud, OTHER_COUNTY_WORKER, [{ role: 'worker', orgPath: DEMO_PATHS.secondCommunity }]);
  await writeUser(cloud, OTHER_TEAM_LEADER, [
    { role: 'volunteer', orgPath: DEMO_PATHS.community, teamId: 'team-9999', position: 'leader' },
  ]);
  await writeUser(cloud, TEAM_MEMBER, [
    { role: 'volunteer', orgPath: DEMO_PATHS.community, teamId: DEMO_REFS.teamId, position: 'member' },
  ]);
  // The team's member becomes a volunteer (a profile with a number) by signing up as one.
  const activityId = await scheduleActivity(cloud);
  volunteerNo = (await signUp(cloud, TEAM_MEMBER, activityId, 'volunteer')).volunteerNo!;
});

describe('training, awards and evaluations', () => {
  test('a worker of the unit and the team’s leader record them; the volunteer sees them among the five kinds', async () => {
    const training = ok(
      await add(COMMUNITY_WORKER, {
        volunteerNo,
        kind: 'training',
        title: '老年人理发服务技能培训',
        date: '2025-03-01',
        issuer: '东门社区党委',
        minutes: 180,
      }),
    );
    expect(training).toEqual({
      recordId: expect.any(String),
      kind: 'training',
      volunteerNo,
      correctsRecordId: null,
    });
    const award = ok(
      await add(TEAM_LEADER, {
        volunteerNo,
        kind: 'award',
        title: '优秀志愿者',
        date: '2025-03-05',
        issuer: '玉城街道',
      }),
    );
    ok(
      await add(COMMUNITY_WORKER, {
        volunteerNo,
        kind: 'evaluation',
        title: '2025年第一季度志愿服务评价',
        date: '2025-03-08',
        grade: 'excellent',
        note: '服务热情，群众满意',
      }),
    );
    const stored = (await cloud.get<VolunteerRecord>('volunteer_records', training.recordId))!;
    expect(stored).toEqual(
      expect.objectContaining({
        openid: TEAM_MEMBER,
        orgPath: DEMO_PATHS.community,
        kind: 'training',
        minutes: 180,
        year: 2025,
        confirmedBy: COMMUNITY_WORKER,
        issuer: '东门社区党委',
      }),
    );

    const me = ok(await volunteersCall<VolunteerMeResult>(cloud, TEAM_MEMBER, 'volunteer.me'));
    expect(me.records.training.map((r) => [r.title, r.minutes, r.issuer])).toEqual([
      ['老年人理发服务技能培训', 180, '东门社区党委'],
    ]);
    expect(me.records.award.map((r) => r.recordId)).toEqual([award.recordId]);
    expect(me.records.evaluation.map((r) => [r.grade, r.note])).toEqual([
      ['excellent', '服务热情，群众满意'],
    ]);
    // Training and awards are not service: the hours stay as the organisers confirmed them.
    expect(me.totalMinutes).toBe(0);
  });

  test('a correction is a new record naming the one it corrects; the first stays', async () => {
    const first = ok(
      await add(COMMUNITY_WORKER, { volunteerNo, kind: 'award', title: '优秀志原者', date: '2025-04-01' }),
    );
    const fixed = ok(
      await add(COMMUNITY_WORKER, {
        volunteerNo,
        kind: 'award',
        title: '优秀志愿者',
        date: '2025-04-01',
        correctsRecordId: first.recordId,
      }),
    );
    expect(fixed.correctsRecordId).toBe(first.recordId);
    expect((await cloud.get<VolunteerRecord>('volunteer_records', first.recordId))!.title).toBe('优秀志原者');
    const me = ok(await volunteersCall<VolunteerMeResult>(cloud, TEAM_MEMBER, 'volunteer.me'));
    expect(me.records.award.find((r) => r.recordId === fixed.recordId)!.correctsRecordId).toBe(
      first.recordId,
    );

    // Only a record of the same volunteer and kind can be corrected (a service record: by confirming hours).
    await expectRefusedWritingNothing(
      cloud,
      () =>
        add(COMMUNITY_WORKER, {
          volunteerNo,
          kind: 'training',
          title: '更正',
          date: '2025-04-01',
          correctsRecordId: first.recordId,
        }),
      'VOLUNTEER_RECORD_NOT_FOUND',
    );
  });

  test('a retry with the same request id records once', async () => {
    const input = {
      volunteerNo,
      kind: 'training',
      title: '急救知识培训',
      date: '2025-05-10',
      minutes: 120,
      clientRequestId: cloud.requestId('rec-retry'),
    };
    const before = await cloud.count('volunteer_records', { openid: TEAM_MEMBER });
    const once = ok(
      await volunteersCall<VolunteerRecordAddResult>(cloud, COMMUNITY_WORKER, 'volunteer.record.add', input),
    );
    const again = ok(
      await volunteersCall<VolunteerRecordAddResult>(cloud, COMMUNITY_WORKER, 'volunteer.record.add', input),
    );
    expect(again).toEqual(once);
    expect(await cloud.count('volunteer_records', { openid: TEAM_MEMBER })).toBe(before + 1);
  });

  test('bad input, the wrong role, another unit or team and risky text are refused, writing nothing', async () => {
    const good = { volunteerNo, kind: 'award', title: '优秀志愿者', date: '2025-06-01' };
    const refusals: [string, Record<string, unknown>, string][] = [
      [COMMUNITY_WORKER, { ...good, kind: 'evaluation' }, 'INVALID_INPUT'],
      [COMMUNITY_WORKER, { ...good, grade: 'excellent' }, 'INVALID_INPUT'],
      [COMMUNITY_WORKER, { ...good, minutes: 60 }, 'INVALID_INPUT'],
      [COMMUNITY_WORKER, { ...good, date: '2025-02-30' }, 'INVALID_INPUT'],
      [COMMUNITY_WORKER, { ...good, volunteerNo: '450902199001011234' }, 'INVALID_INPUT'],
      [COMMUNITY_WORKER, { ...good, volunteerNo: 'YL2099999999' }, 'VOLUNTEER_NUMBER_NOT_FOUND'],
      [OTHER_COUNTY_WORKER, good, 'VOLUNTEER_NUMBER_NOT_FOUND'],
      [OTHER_TEAM_LEADER, good, 'VOLUNTEER_NUMBER_NOT_FOUND'],
      [TEAM_MEMBER, good, 'PERMISSION_DENIED'],
      [RESIDENT, good, 'PERMISSION_DENIED'],
      [COMMUNITY_WORKER, { ...good, note: '参加网络博彩获奖' }, 'VOLUNTEER_RECORD_TEXT_RISKY'],
    ];
    for (const [who, input, code] of refusals) {
      const reply = await expectRefusedWritingNothing(cloud, () => add(who, input), code);
      expect({ who, input, code: reply.code }).toEqual({ who, input, code });
    }
    await expectRefusedWritingNothing(
      cloud,
      () =>
        volunteersCall(cloud, null, 'volunteer.record.add', { ...good, clientRequestId: cloud.requestId() }),
      'UNAUTHENTICATED',
    );
  });
});

describe('places left repaired by the timer', () => {
  const runTimer = async (): Promise<VolunteerTimerResult> => {
    const event = { Type: 'Timer', TriggerName: 'redelivered', Time: new Date(cloud.now()).toISOString() };
    const result = await cloud.started.cloud.runner.invoke('volunteer-timers', event, {
      SOURCE: 'wx_trigger',
    });
    const reply = JSON.parse(result.responseData) as { code: string; data: VolunteerTimerResult };
    expect(reply.code).toBe('OK');
    return reply.data;
  };

  test('a counter left one off by a stopped function is recounted from the sign-ups; a run with nothing to repair writes nothing', async () => {
    const activityId = await scheduleActivity(cloud, {}, 3 * 24 * 3_600_000);
    const neighbours = ['rec-neighbour-1', 'rec-neighbour-2'];
    for (const openid of neighbours)
      await writeUser(cloud, openid, [{ role: 'resident', orgPath: DEMO_PATHS.grid }]);
    for (const openid of neighbours) await signUp(cloud, openid, activityId);
    await signUp(cloud, TEAM_LEADER, activityId, 'volunteer');
    // A function stopped after the third sign-up's commit, before its increment; another one's cancellation
    // was counted twice.
    await cloud.update('volunteer_activities', activityId, { residentCount: 1, volunteerCount: 2 });
    const shown = async () => {
      const a = (await cloud.get<VolunteerActivity>('volunteer_activities', activityId))!;
      return [a.residentCount, a.volunteerCount];
    };

    // Sign-ups of the last few minutes may still have their increment on the way: not yet.
    await runTimer();
    expect(await shown()).toEqual([1, 2]);

    cloud.shiftClock(10 * MINUTE_MS);
    const run = await runTimer();
    expect(run.countsRepaired).toBeGreaterThanOrEqual(1);
    expect(await shown()).toEqual([2, 1]);
    const detail = ok(
      await volunteersCall<{ placesLeft: number; volunteerPlacesLeft: number }>(
        cloud,
        RESIDENT,
        'activity.detail',
        {
          activityId,
        },
      ),
    );
    expect([detail.placesLeft, detail.volunteerPlacesLeft]).toEqual([28, 4]);

    cloud.shiftClock(MINUTE_MS);
    const before = platformMark(cloud);
    const quiet = await runTimer();
    expect(quiet.countsRepaired).toBe(0);
    expect(platformMark(cloud)).toEqual(before);
  });
});

test('the volunteer’s profile keeps its number and teams: the records name them, not an identity number', async () => {
  const profile = (await cloud.get<VolunteerProfile>('volunteers', TEAM_MEMBER))!;
  expect(profile.volunteerNo).toBe(volunteerNo);
  expect(profile.teamIds).toEqual([DEMO_REFS.teamId]);
});
