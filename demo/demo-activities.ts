/**
 * The demo's volunteer activities (志愿服务活动, docs/volunteers.md) in 东门社区, as the `volunteers` function
 * would have left them:
 * - two years of Saturday-morning activities (理发, 清洁, 义诊, 巡逻...), finished, organised by the demo team
 *   (team-0001, its leader demo-volunteer-leader-1) or by the community's worker, with volunteers checked in
 *   and out and their hours confirmed (service records; one corrected by a second record), residents who came
 *   and rated; so the volunteers have records, star levels and a yearly ranking;
 * - three upcoming activities with sign-ups;
 * - one activity today, started half an hour ago, check-in open for the walk-through: the team's leader shows
 *   the code (mini-program or the console's 现场签到码), demo-volunteer-member-1 (signed up) scans it;
 * - the volunteers' training, awards and evaluations (the other kinds of record).
 * The volunteers are eight simulated people of the community (`sim-volunteer-01`…) with a volunteer grant and
 * a profile numbered YL<year>…; no demo identity gets a profile or a record here (the demo teams do that).
 * Pure and seeded: one seed and `now` give the same documents.
 */
import { starLevelFor, shanghaiYear, volunteerNumber } from '../core/volunteers/activity.rules';
import { DEFAULT_PLATFORM_CONFIG } from '../core/kernel/platform.config';
import type { CollectionDocuments, CollectionName } from '../core/model/collections.model';
import type { User } from '../core/model/user.model';
import type {
  ActivityPlace,
  ActivitySignup,
  SignupKind,
  VolunteerActivity,
  VolunteerCounter,
  VolunteerProfile,
  VolunteerRecord,
} from '../core/model/volunteer.model';
import { DAY_MS, DEMO_COMMUNITY_ID, DEMO_GRID_ID, HOUR_MS } from './demo.constants';
import { DEMO_PATHS, DEMO_REFS } from './demo-identities';
import { simulatedResidentOpenid } from './demo-orders';
import { mobilePhone, personName } from './names.data';
import { Rng } from './prng';

const MINUTE_MS = 60_000;
const WEEKS = 104;
const TEAM_LEADER = 'demo-volunteer-leader-1';
const COMMUNITY_WORKER = 'demo-community-worker-1';
/** Signed up for today's activity, not yet checked in: the walk-through's volunteer. */
const WALKTHROUGH_VOLUNTEER = 'demo-volunteer-member-1';
/** How often each simulated volunteer came (the first is the most faithful). */
const ATTENDANCE = [0.95, 0.85, 0.75, 0.6, 0.5, 0.4, 0.3, 0.2] as const;

const TOPICS = [
  { title: '义务理发进小区', content: '为小区老人免费理发，行动不便的可上门服务。', place: '金港花园活动室' },
  { title: '楼道清洁日', content: '清理楼道杂物和小广告，张贴防火提示。', place: '金港花园各栋楼道' },
  { title: '社区义诊', content: '量血压、测血糖，家庭医生提供健康咨询。', place: '东门社区党群服务中心' },
  { title: '夜间平安巡逻', content: '沿小区周边巡查，检查消防通道和路灯。', place: '东门社区各小区' },
  {
    title: '智能手机使用课堂',
    content: '教老人使用微信视频、健康码和网上缴费。',
    place: '东门社区老年活动中心',
  },
  { title: '家电义务维修', content: '为居民免费检修小家电，只收配件成本费。', place: '金港花园广场' },
] as const;

export interface DemoActivityData {
  readonly users: User[];
  readonly activities: VolunteerActivity[];
  readonly signups: ActivitySignup[];
  readonly places: ActivityPlace[];
  readonly volunteers: VolunteerProfile[];
  readonly records: VolunteerRecord[];
  readonly counters: VolunteerCounter[];
}

interface SimVolunteer {
  readonly openid: string;
  readonly name: string;
  readonly phone: string;
}

function simVolunteers(seed: number): SimVolunteer[] {
  return ATTENDANCE.map((_, i) => {
    const rng = Rng.derive(seed, 'demo-volunteer', i);
    return {
      openid: `sim-volunteer-${String(i + 1).padStart(2, '0')}`,
      name: personName(rng),
      phone: mobilePhone(rng),
    };
  });
}

/** Saturday 08:30 Asia/Shanghai of the week `weeksAgo` weeks before `now` (at least three days before). */
function saturdayMorning(now: number, weeksAgo: number): number {
  const shanghai = new Date(now + 8 * HOUR_MS);
  const midnight =
    Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate()) - 8 * HOUR_MS;
  const lastSaturday = midnight - ((shanghai.getUTCDay() + 1) % 7) * DAY_MS;
  const base = now - lastSaturday < 3 * DAY_MS ? lastSaturday - 7 * DAY_MS : lastSaturday;
  return base - weeksAgo * 7 * DAY_MS + 8.5 * HOUR_MS;
}

class Builder {
  readonly activities: VolunteerActivity[] = [];
  readonly signups: ActivitySignup[] = [];
  readonly places: ActivityPlace[] = [];
  readonly records: VolunteerRecord[] = [];

  constructor(private readonly now: number) {}

  activity(
    id: string,
    startAt: number,
    minutes: number,
    topic: (typeof TOPICS)[number],
    byTeam: boolean,
  ): VolunteerActivity {
    const endAt = startAt + minutes * MINUTE_MS;
    const past = endAt <= this.now;
    const activity: VolunteerActivity = {
      _id: id,
      orgPath: DEMO_PATHS.community,
      orgUnitId: DEMO_COMMUNITY_ID,
      communityPath: DEMO_PATHS.community,
      teamId: byTeam ? DEMO_REFS.teamId : null,
      organiserOpenid: byTeam ? TEAM_LEADER : COMMUNITY_WORKER,
      title: topic.title,
      content: topic.content,
      place: topic.place,
      startAt,
      endAt,
      signupDeadline: startAt,
      capacity: 20,
      volunteerPlaces: 8,
      residentCount: 0,
      volunteerCount: 0,
      status: past ? 'finished' : 'scheduled',
      contentFlagged: false,
      cancelReason: null,
      cancelledAt: null,
      finishedAt: past ? endAt + 10 * MINUTE_MS : null,
      remindAt: startAt - 120 * MINUTE_MS > this.now ? startAt - 120 * MINUTE_MS : null,
      remindedAt: null,
      hoursRemindAt: null,
      hoursConfirmedAt: past ? endAt + 20 * HOUR_MS : null,
      ratingCount: 0,
      ratingStarsTotal: 0,
      createdAt: startAt - 10 * DAY_MS,
      updatedAt: past ? endAt + 20 * HOUR_MS : startAt - 10 * DAY_MS,
    };
    this.activities.push(activity);
    return activity;
  }

  /** A sign-up holding the next numbered place of its kind; the activity's counter follows. */
  signup(activity: VolunteerActivity, openid: string, kind: SignupKind, extra: Partial<ActivitySignup> = {}) {
    const index = this.activities.indexOf(activity);
    const counted = kind === 'resident' ? activity.residentCount + 1 : activity.volunteerCount + 1;
    const updated: VolunteerActivity =
      kind === 'resident'
        ? { ...activity, residentCount: counted }
        : { ...activity, volunteerCount: counted };
    this.activities[index] = updated;
    const placeId = `${activity._id}-${kind}-${counted}`;
    const signedAt = activity.startAt - (3 + (counted % 4)) * DAY_MS;
    this.places.push({
      _id: placeId,
      activityId: activity._id,
      orgPath: activity.orgPath,
      kind,
      n: counted,
      holder: openid,
      updatedAt: signedAt,
    });
    const signup: ActivitySignup = {
      _id: `${activity._id}_${openid}`,
      activityId: activity._id,
      openid,
      orgPath: activity.orgPath,
      kind,
      status: 'signed',
      signedAt,
      cancelledAt: null,
      placeId,
      partyMemberId: null,
      checkInAt: null,
      checkOutAt: null,
      minutes: null,
      confirmedMinutes: null,
      recordId: null,
      corrections: 0,
      ratedAt: null,
      stars: null,
      ratingText: '',
      ratingTextHeld: false,
      createdAt: signedAt,
      updatedAt: signedAt,
      ...extra,
    };
    this.signups.push(signup);
    return { activity: updated, signup };
  }

  /** The organiser's confirmation of a checked-in volunteer's minutes: the service record. */
  service(activity: VolunteerActivity, signup: ActivitySignup, minutes: number, correctTo?: number): number {
    const first: VolunteerRecord = {
      _id: `svc-${signup._id}`,
      openid: signup.openid,
      orgPath: activity.orgPath,
      kind: 'service',
      title: activity.title,
      activityId: activity._id,
      signupId: signup._id,
      minutes,
      correctsRecordId: null,
      year: shanghaiYear(activity.startAt),
      serviceAt: activity.startAt,
      note: '',
      confirmedBy: activity.organiserOpenid,
      createdAt: activity.hoursConfirmedAt!,
    };
    this.records.push(first);
    if (correctTo === undefined || correctTo === minutes) return minutes;
    this.records.push({
      ...first,
      _id: `svc-${signup._id}-c1`,
      minutes: correctTo - minutes,
      correctsRecordId: first._id,
      note: '签退漏扫，按现场登记更正',
      createdAt: activity.hoursConfirmedAt! + DAY_MS,
    });
    return correctTo;
  }
}

/** Service totals per volunteer, summed from the records as they are written. */
class Tally {
  readonly minutes = new Map<string, number>();
  readonly count = new Map<string, number>();
  readonly byYear = new Map<string, Record<string, number>>();
  add(openid: string, minutes: number, at: number): void {
    this.minutes.set(openid, (this.minutes.get(openid) ?? 0) + minutes);
    this.count.set(openid, (this.count.get(openid) ?? 0) + 1);
    const year = String(shanghaiYear(at));
    const byYear = this.byYear.get(openid) ?? {};
    byYear[year] = (byYear[year] ?? 0) + minutes;
    this.byYear.set(openid, byYear);
  }
}

/** The volunteers who came to week `w`'s activity: checked in and out, hours confirmed (one corrected). */
function volunteersCame(
  b: Builder,
  activity: VolunteerActivity,
  people: readonly SimVolunteer[],
  w: number,
  rng: Rng,
  tally: Tally,
) {
  let current = activity;
  people.forEach((person, i) => {
    // One check-out scanned too early, corrected a day later (a new record naming the first).
    const correction = w === 30 && i === 0 ? 210 : undefined;
    if (correction === undefined && !rng.chance(ATTENDANCE[i]!)) return;
    const checkInAt = current.startAt - rng.int(0, 20) * MINUTE_MS;
    const served = correction === undefined ? 200 + rng.int(0, 30) : 90;
    const made = b.signup(current, person.openid, 'volunteer', {
      checkInAt,
      checkOutAt: checkInAt + served * MINUTE_MS,
      minutes: served,
    });
    current = made.activity;
    const credited = b.service(current, made.signup, served, correction);
    b.signups[b.signups.length - 1] = {
      ...made.signup,
      confirmedMinutes: credited,
      recordId: `svc-${made.signup._id}`,
      corrections: correction === undefined ? 0 : 1,
    };
    tally.add(person.openid, credited, current.startAt);
  });
  return current;
}

/** The residents who came and rated. */
function residentsCame(
  b: Builder,
  activity: VolunteerActivity,
  residents: readonly string[],
  rng: Rng,
): void {
  let current = activity;
  residents.forEach((openid, k) => {
    if (!rng.chance(0.4)) return;
    const stars = rng.chance(0.8) ? 5 : 4;
    const made = b.signup(current, openid, 'resident', {
      checkInAt: current.startAt + rng.int(0, 30) * MINUTE_MS,
      ratedAt: current.endAt + rng.int(1, 48) * HOUR_MS,
      stars,
      ratingText: k % 3 === 0 ? '志愿者很热心，服务周到' : '',
    });
    current = {
      ...made.activity,
      ratingCount: made.activity.ratingCount + 1,
      ratingStarsTotal: made.activity.ratingStarsTotal + stars,
    };
    b.activities[b.activities.length - 1] = current;
  });
}

/** Three upcoming activities with sign-ups, and today's, started half an hour ago, check-in open. */
function upcomingAndToday(
  b: Builder,
  now: number,
  people: readonly SimVolunteer[],
  residents: readonly string[],
) {
  const upcoming: [number, number][] = [
    [2, 2],
    [5, 4],
    [9, 0],
  ];
  upcoming.forEach(([days, topicIndex], u) => {
    let activity = b.activity(
      `act-demo-next-${u + 1}`,
      saturdayMorning(now, 0) + (7 + days) * DAY_MS,
      180,
      TOPICS[topicIndex]!,
      u !== 1,
    );
    people.slice(0, 3 + u).forEach((p) => (activity = b.signup(activity, p.openid, 'volunteer').activity));
    residents.slice(0, 4 + 2 * u).forEach((r) => (activity = b.signup(activity, r, 'resident').activity));
  });
  const todayStart = Math.floor((now - 30 * MINUTE_MS) / MINUTE_MS) * MINUTE_MS;
  let today = b.activity('act-demo-today', todayStart, 180, TOPICS[0]!, true);
  people.slice(0, 3).forEach((p, i) => {
    const checkedIn = i === 0 ? { checkInAt: todayStart - 10 * MINUTE_MS } : {};
    today = b.signup(today, p.openid, 'volunteer', checkedIn).activity;
  });
  today = b.signup(today, WALKTHROUGH_VOLUNTEER, 'volunteer').activity;
  residents.slice(0, 5).forEach((r) => (today = b.signup(today, r, 'resident').activity));
}

/** The other kinds of record: a training for everyone, awards for the most faithful, a yearly evaluation. */
function otherRecords(people: readonly SimVolunteer[], now: number): VolunteerRecord[] {
  const other = (
    p: SimVolunteer,
    i: number,
    kind: VolunteerRecord['kind'],
    title: string,
    daysAgo: number,
    extra: Partial<VolunteerRecord>,
  ): VolunteerRecord => ({
    _id: `rec-demo-${kind}-${String(i + 1).padStart(2, '0')}`,
    openid: p.openid,
    orgPath: DEMO_PATHS.community,
    kind,
    title,
    activityId: null,
    signupId: null,
    minutes: 0,
    correctsRecordId: null,
    year: shanghaiYear(now - daysAgo * DAY_MS),
    serviceAt: now - daysAgo * DAY_MS,
    note: '',
    confirmedBy: COMMUNITY_WORKER,
    createdAt: now - daysAgo * DAY_MS,
    issuer: '东门社区党委',
    ...extra,
  });
  return people.flatMap((p, i) => [
    other(p, i, 'training', '社区志愿者岗前培训（服务礼仪与安全）', 700, { minutes: 240 }),
    other(p, i, 'evaluation', '年度志愿服务评价', 340, {
      grade: i < 2 ? 'excellent' : i < 5 ? 'good' : 'pass',
      note: i < 2 ? '服务次数多，群众评价好' : '',
    }),
    ...(i < 2 ? [other(p, i, 'award', '玉城街道优秀志愿者', 330, { issuer: '玉城街道党工委' })] : []),
  ]);
}

/** Profiles numbered in the year they joined (before the oldest activity); totals are their records' sums. */
function profilesOf(
  people: readonly SimVolunteer[],
  tally: Tally,
  joinedAt: number,
  now: number,
): VolunteerProfile[] {
  return people.map((p, i) => {
    const total = tally.minutes.get(p.openid) ?? 0;
    return {
      _id: p.openid,
      openid: p.openid,
      orgPath: DEMO_PATHS.community,
      name: p.name,
      volunteerNo: volunteerNumber(shanghaiYear(joinedAt), i + 1),
      communityId: DEMO_COMMUNITY_ID,
      teamIds: [],
      totalMinutes: total,
      serviceCount: tally.count.get(p.openid) ?? 0,
      minutesByYear: tally.byYear.get(p.openid) ?? {},
      starLevel: starLevelFor(total, DEFAULT_PLATFORM_CONFIG.volunteers.starHours),
      createdAt: joinedAt,
      updatedAt: now - 7 * DAY_MS,
    };
  });
}

function usersOf(people: readonly SimVolunteer[], joinedAt: number): User[] {
  return people.map((p) => ({
    _id: p.openid,
    openid: p.openid,
    nickname: p.name,
    realName: p.name,
    phone: p.phone,
    phoneConsentAt: joinedAt,
    homeUnitId: DEMO_GRID_ID,
    homeOrgPath: DEMO_PATHS.grid,
    grants: [
      { role: 'resident', orgPath: DEMO_PATHS.grid },
      { role: 'volunteer', orgPath: DEMO_PATHS.community },
    ],
    demo: false,
    createdAt: joinedAt,
    updatedAt: joinedAt,
  }));
}

export function demoActivities(seed: number, now: number, residentsPerGrid: number): DemoActivityData {
  const people = simVolunteers(seed);
  const b = new Builder(now);
  const residents = Array.from({ length: Math.min(residentsPerGrid, 12) }, (_, k) =>
    simulatedResidentOpenid(DEMO_GRID_ID, k),
  );
  const tally = new Tally();
  for (let w = WEEKS; w >= 1; w -= 1) {
    const rng = Rng.derive(seed, 'demo-activity', w);
    const startAt = saturdayMorning(now, w);
    const byTeam = w % 3 !== 0;
    const held = b.activity(
      `act-demo-${String(w).padStart(3, '0')}`,
      startAt,
      210,
      TOPICS[w % TOPICS.length]!,
      byTeam,
    );
    residentsCame(b, volunteersCame(b, held, people, w, rng, tally), residents, rng);
  }
  upcomingAndToday(b, now, people, residents);
  const joinedAt = saturdayMorning(now, WEEKS) - 30 * DAY_MS;
  return {
    users: usersOf(people, joinedAt),
    activities: b.activities,
    signups: b.signups,
    places: b.places,
    volunteers: profilesOf(people, tally, joinedAt, now),
    records: [...b.records, ...otherRecords(people, now)],
    counters: [{ _id: `volunteerNo-${shanghaiYear(joinedAt)}`, seq: people.length }],
  };
}

/** A batch of one collection's documents (demo-dataset.ts's DemoBatch, which imports this file). */
type DemoBatch = {
  [K in CollectionName]: { readonly collection: K; readonly documents: CollectionDocuments[K][] };
}[CollectionName];

/** The activities' documents as batches of the data set (demo-dataset.ts), at most `batchSize` each. */
export function* demoActivityBatches(
  seed: number,
  now: number,
  residentsPerGrid: number,
  batchSize: number,
): Generator<DemoBatch> {
  const d = demoActivities(seed, now, residentsPerGrid);
  const parts: [DemoBatch['collection'], readonly object[]][] = [
    ['users', d.users],
    ['volunteer_activities', d.activities],
    ['activity_signups', d.signups],
    ['activity_places', d.places],
    ['volunteers', d.volunteers],
    ['volunteer_records', d.records],
    ['volunteer_counters', d.counters],
  ];
  for (const [collection, documents] of parts) {
    for (let i = 0; i < documents.length; i += batchSize) {
      yield { collection, documents: documents.slice(i, i + batchSize) } as DemoBatch;
    }
  }
}
