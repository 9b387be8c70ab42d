/** The demo's notices (demo/demo-announcements.ts): what the demo walk-through shows of 信息发布. */
import { isLive, readerPaths } from '../../core/announcements/announcement-access';
import { demoAnnouncements } from '../../demo/demo-announcements';
import { DEFAULT_DEMO_NOW } from '../../demo/demo.constants';
import { DEMO_PATHS } from '../../demo/demo-identities';

const now = DEFAULT_DEMO_NOW;
const notices = demoAnnouncements(now);
const live = notices.filter((n) => isLive(n, now));

test('notices of the city, the county, the street and the community are up', () => {
  const levels = new Set(live.map((n) => n.orgPath));
  expect(levels).toEqual(
    new Set([DEMO_PATHS.city, DEMO_PATHS.county, DEMO_PATHS.street, DEMO_PATHS.community]),
  );
});

test('a 公示 and a 结果公布 are up, one pinned; one expired, one still to come, a draft and a withdrawn one', () => {
  expect(live.map((n) => n.kind)).toEqual(expect.arrayContaining(['publicity', 'result']));
  expect(live.filter((n) => n.pinned)).toHaveLength(1);
  const byId = new Map(notices.map((n) => [n._id, n]));
  expect(byId.get('ann-demo-community-expired')!.expireAt!).toBeLessThan(now);
  expect(byId.get('ann-demo-community-tomorrow')!.publishAt!).toBeGreaterThan(now);
  expect(byId.get('ann-demo-community-draft')!.status).toBe('draft');
  expect(byId.get('ann-demo-community-withdrawn')).toMatchObject({
    status: 'withdrawn',
    withdrawReason: expect.any(String),
  });
});

test('the demo resident’s branch reads every notice that is up', () => {
  const branch = readerPaths({
    openid: 'demo-resident-1',
    grants: [{ role: 'resident', orgPath: DEMO_PATHS.grid }],
  });
  expect(live.every((n) => branch.includes(n.orgPath))).toBe(true);
});
