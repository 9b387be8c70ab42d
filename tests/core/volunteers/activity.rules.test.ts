/** The pure rules of volunteer activities (core/volunteers/activity.rules.ts): minutes, windows, codes, stars, numbers. */
import { DEFAULT_PLATFORM_CONFIG } from '../../../core/kernel/platform.config';
import {
  certificateNumber,
  checkinOpen,
  codeState,
  communitiesOf,
  maxCreditMinutes,
  servedMinutes,
  shanghaiYear,
  starLevelFor,
  volunteerNumber,
} from '../../../core/volunteers/activity.rules';
import { certificateLines } from '../../../core/volunteers/volunteer-records';
import type { VolunteerRecord } from '../../../core/model/volunteer.model';

const MIN = 60_000;
const config = DEFAULT_PLATFORM_CONFIG.volunteers;
/** 2025-03-10 09:00 to 11:00 Asia/Shanghai. */
const START = Date.UTC(2025, 2, 10, 1, 0);
const activity = { startAt: START, endAt: START + 120 * MIN };

describe('minutes served: check-out minus check-in, clamped to [start - 30 min, end + 60 min]', () => {
  test.each([
    ['on time', START, START + 120 * MIN, 120],
    ['a partial minute is not counted', START, START + 90 * MIN + 59_000, 90],
    ['arriving 20 min early counts', START - 20 * MIN, START + 60 * MIN, 80],
    ['arriving 50 min early counts from 30 min before', START - 50 * MIN, START + 60 * MIN, 90],
    ['staying 40 min late counts', START, START + 160 * MIN, 160],
    ['a check-out the next morning counts until 60 min after the end', START, START + 20 * 60 * MIN, 180],
    ['check-out before check-in gives 0', START + 60 * MIN, START + 30 * MIN, 0],
    ['both after the window give 0', START + 200 * MIN, START + 260 * MIN, 0],
  ])('%s', (_label, checkIn, checkOut, minutes) => {
    expect(servedMinutes(checkIn, checkOut, activity, config)).toBe(minutes);
  });

  test('the most an entry may be confirmed with is the window: 30 + 120 + 60 minutes', () => {
    expect(maxCreditMinutes(activity, config)).toBe(210);
  });
});

test.each([
  [START - 61 * MIN, false],
  [START - 60 * MIN, true],
  [START + 180 * MIN, true],
  [START + 181 * MIN, false],
])('check-in at %p is open: %p (60 min before the start to 60 min after the end)', (now, open) => {
  expect(checkinOpen(activity, config, now)).toBe(open);
});

describe('a code: valid for its 60 seconds and one scan', () => {
  const issued = START;
  const expiresAt = issued + config.codeValidSeconds * 1000;
  test.each([
    ['fresh', { expiresAt, usedBy: null }, issued + 59_999, 'valid'],
    ['at its expiry', { expiresAt, usedBy: null }, expiresAt, 'expired'],
    ['used', { expiresAt, usedBy: 'someone' }, issued + 1000, 'used'],
    ['used and expired', { expiresAt, usedBy: 'someone' }, expiresAt + 1, 'expired'],
  ] as const)('%s', (_label, code, now, state) => {
    expect(codeState(code, now)).toBe(state);
  });
});

test.each([
  [0, 0],
  [99 * 60 + 59, 0],
  [100 * 60, 1],
  [299 * 60, 1],
  [300 * 60, 2],
  [600 * 60, 3],
  [1000 * 60, 4],
  [1500 * 60, 5],
  [5000 * 60, 5],
])('%p minutes is star level %p (100 / 300 / 600 / 1000 / 1500 hours)', (minutes, stars) => {
  expect(starLevelFor(minutes, config.starHours)).toBe(stars);
});

test('numbers: YL + year + six digits; YLZYZ- + year + six digits; the year in Asia/Shanghai', () => {
  expect(volunteerNumber(2025, 7)).toBe('YL2025000007');
  expect(certificateNumber(2025, 123)).toBe('YLZYZ-2025000123');
  // 2024-12-31 17:00 UTC is already 2025 in Shanghai.
  expect(shanghaiYear(Date.UTC(2024, 11, 31, 17, 0))).toBe(2025);
  expect(shanghaiYear(Date.UTC(2024, 11, 31, 15, 59))).toBe(2024);
});

test('a person’s communities: from their bound grid, their volunteer grant, their unit', () => {
  const grid = '/4509/450902/450902001/450902001001/450902001001001/';
  const community = '/4509/450902/450902001/450902001002/';
  const street = '/4509/450902/450902001/';
  expect(
    communitiesOf({
      openid: 'x',
      grants: [
        { role: 'resident', orgPath: grid },
        { role: 'volunteer', orgPath: community, teamId: 't', position: 'member' },
        { role: 'worker', orgPath: street },
      ],
    }),
  ).toEqual(['/4509/450902/450902001/450902001001/', community]);
  expect(communitiesOf({ openid: 'y', grants: [{ role: 'resident' }] })).toEqual([]);
});

test('a certificate lists each activity once, corrections summed in, of the year asked', () => {
  const base = {
    openid: 'v',
    orgPath: '/a/',
    kind: 'service' as const,
    activityId: 'a1',
    note: '',
    confirmedBy: 'o',
    createdAt: 0,
  };
  const records: VolunteerRecord[] = [
    {
      ...base,
      _id: 'r1',
      title: '义务理发',
      signupId: 's1',
      minutes: 120,
      correctsRecordId: null,
      year: 2025,
      serviceAt: 2,
    },
    {
      ...base,
      _id: 'r2',
      title: '义务理发',
      signupId: 's1',
      minutes: -30,
      correctsRecordId: 'r1',
      year: 2025,
      serviceAt: 2,
    },
    {
      ...base,
      _id: 'r3',
      title: '敬老助餐',
      signupId: 's2',
      minutes: 60,
      correctsRecordId: null,
      year: 2025,
      serviceAt: 1,
    },
    {
      ...base,
      _id: 'r4',
      title: '旧年活动',
      signupId: 's3',
      minutes: 45,
      correctsRecordId: null,
      year: 2024,
      serviceAt: 0,
    },
  ];
  expect(certificateLines(records, 2025)).toEqual([
    { title: '敬老助餐', serviceAt: 1, minutes: 60 },
    { title: '义务理发', serviceAt: 2, minutes: 90 },
  ]);
  expect(certificateLines(records, null).map((l) => l.minutes)).toEqual([45, 60, 90]);
});
