/** The demo community's teams as their members hold them (demo/demo-teams.ts): what docs/volunteers.md#teams promises. */
import { TEAM_BONDS } from '../../core/model/party.model';
import { demoActivities } from '../../demo/demo-activities';
import { DAY_MS, DEFAULT_DEMO_NOW, DEFAULT_DEMO_SEED, DEMO_COMMUNITY_ID } from '../../demo/demo.constants';
import { DEMO_IDENTITIES, DEMO_REFS } from '../../demo/demo-identities';
import { generatePeople } from '../../demo/demo-people';
import { DEMO_TEAM_APPLICANT, demoTeams } from '../../demo/demo-teams';
import { buildYulinGeography } from '../../demo/yulin.geography';

const now = DEFAULT_DEMO_NOW;
const people = generatePeople(DEFAULT_DEMO_SEED, buildYulinGeography(now - 900 * DAY_MS), now);
const data = demoTeams(DEFAULT_DEMO_SEED, now, people.volunteerTeams);
const local = data.teams.filter((t) => t.communityId === DEMO_COMMUNITY_ID);

test('three teams in the demo community, one of each bond, their member counts their members', () => {
  expect(local.map((t) => t.bond).sort()).toEqual([...TEAM_BONDS].sort());
  for (const team of local) {
    const members = data.members.filter((m) => m.teamId === team._id && m.status === 'active');
    expect([team._id, team.memberCount]).toEqual([team._id, members.length]);
    expect(members.filter((m) => m.position === 'leader').map((m) => m.openid)).toEqual([team.leaderOpenid]);
  }
  expect(data.teams).toHaveLength(people.volunteerTeams.length);
});

test('demo-volunteer-leader-1 leads team-0001 and demo-volunteer-member-1 is a member, as their grants say', () => {
  const byId = (openid: string) =>
    data.members.find((m) => m.openid === openid && m.teamId === DEMO_REFS.teamId);
  expect(byId('demo-volunteer-leader-1')?.position).toBe('leader');
  expect(byId('demo-volunteer-member-1')?.position).toBe('member');
  for (const openid of ['demo-volunteer-leader-1', 'demo-volunteer-member-1']) {
    const grant = DEMO_IDENTITIES.find((d) => d.openid === openid)!.grants.find(
      (g) => g.role === 'volunteer',
    )!;
    expect(grant.position).toBe(byId(openid)!.position);
  }
});

test('every simulated member holds the team’s grant in their user and a numbered profile', () => {
  const users = new Map(data.users.map((u) => [u._id, u]));
  const profiles = new Map(data.volunteers.map((v) => [v._id, v]));
  for (const m of data.members) {
    const user = users.get(m.openid);
    if (!m.openid.startsWith('demo-')) {
      expect(user?.grants).toContainEqual({
        role: 'volunteer',
        orgPath: m.orgPath,
        teamId: m.teamId,
        position: m.position,
      });
    }
    // The demo identities get their number with their first volunteer sign-up.
    if (m.openid.startsWith('demo-')) {
      expect(profiles.has(m.openid)).toBe(false);
      continue;
    }
    expect(profiles.get(m.openid)).toMatchObject({
      teamIds: [m.teamId],
      volunteerNo: expect.stringMatching(/^YL\d{10}$/),
    });
  }
  // Numbers are unique, also against the activities' volunteers, and the counter is at the last one.
  const activities = demoActivities(DEFAULT_DEMO_SEED, now, 4);
  const numbers = [...data.volunteers, ...activities.volunteers].map((v) => v.volunteerNo);
  expect(new Set(numbers).size).toBe(numbers.length);
  const ids = [...data.volunteers, ...activities.volunteers].map((v) => v._id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(data.counters).toEqual([
    { _id: expect.stringMatching(/^volunteerNo-\d{4}$/), seq: data.volunteers.length },
  ]);
  expect(activities.counters.map((c) => c._id)).not.toContain(data.counters[0]!._id);
});

test('one application waits for team-0001’s leader, from a resident of the community who is not a member', () => {
  expect(data.applications).toEqual([
    expect.objectContaining({ teamId: DEMO_REFS.teamId, openid: DEMO_TEAM_APPLICANT, status: 'pending' }),
  ]);
  expect(data.members.some((m) => m.openid === DEMO_TEAM_APPLICANT)).toBe(false);
  expect(data.users.find((u) => u._id === DEMO_TEAM_APPLICANT)?.homeOrgPath).toContain(DEMO_COMMUNITY_ID);
});
