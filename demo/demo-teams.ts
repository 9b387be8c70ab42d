/**
 * The demo community's volunteer teams (微团队) as their members hold them (docs/volunteers.md#teams): the three
 * teams of 东门社区 (业缘 银发理发, 地缘 治安巡防, 趣缘 书香伴读; demo/demo-people.ts makes every team of the
 * street) with their leaders and members — each a `team_members` record, a `volunteer` grant in `users` and a
 * volunteer profile with its number — and one application waiting for the leader of team-0001. The demo
 * identities demo-volunteer-leader-1 (leads team-0001) and demo-volunteer-member-1 (a member of it) have their
 * users in demo-identities.ts and no profile yet (their number comes with their first volunteer sign-up, which
 * the walk-throughs and tests/functions/volunteer-activities show); the other members are simulated here, each
 * with a numbered profile. The teams' `memberCount` is their members'.
 */
import type { User } from '../core/model/user.model';
import type { VolunteerTeam } from '../core/model/party.model';
import type { VolunteerCounter, VolunteerProfile } from '../core/model/volunteer.model';
import type { TeamApplication, TeamMember, TeamPosition } from '../core/model/volunteer-team.model';
import { shanghaiYear, volunteerNumber } from '../core/volunteers/activity.rules';
import { teamGrantOf, teamMemberId } from '../core/volunteers/team.rules';
import { DAY_MS, DEMO_COMMUNITY_ID, DEMO_GRID_ID } from './demo.constants';
import { DEMO_PATHS, demoIdentity } from './demo-identities';
import { mobilePhone, personName } from './names.data';
import { Rng } from './prng';

/** Simulated members per team of the demo community, besides its leader. */
const MEMBERS_PER_TEAM = [4, 3, 3] as const;
/** The simulated resident whose application waits for team-0001's leader. */
export const DEMO_TEAM_APPLICANT = 'sim-team-applicant-1';
const DEMO_LEADER = 'demo-volunteer-leader-1';
const DEMO_MEMBER = 'demo-volunteer-member-1';

interface Person {
  readonly openid: string;
  readonly name: string;
  /** Simulated here (a user is written); false for the demo identities. */
  readonly simulated: boolean;
  readonly position: TeamPosition;
}

export interface DemoTeamData {
  /** The teams, those of the demo community with their real member counts. */
  readonly teams: VolunteerTeam[];
  readonly members: TeamMember[];
  readonly applications: TeamApplication[];
  readonly users: User[];
  readonly volunteers: VolunteerProfile[];
  readonly counters: VolunteerCounter[];
}

function simulated(seed: number, openid: string, index: number, position: TeamPosition): Person {
  return { openid, name: personName(Rng.derive(seed, 'demo-team-member', index)), simulated: true, position };
}

/** Each demo-community team's people: its leader first. */
function peopleOf(seed: number, team: VolunteerTeam, t: number): Person[] {
  const members = Array.from({ length: MEMBERS_PER_TEAM[t] ?? 3 }, (_, k) =>
    simulated(seed, `sim-team-${t + 1}-member-${k + 1}`, t * 10 + k, 'member'),
  );
  if (team.leaderOpenid === DEMO_LEADER) {
    return [
      { openid: DEMO_LEADER, name: team.leaderName, simulated: false, position: 'leader' },
      {
        openid: DEMO_MEMBER,
        name: demoIdentity(DEMO_MEMBER)?.realName ?? '',
        simulated: false,
        position: 'member',
      },
      ...members,
    ];
  }
  const leader: Person = {
    openid: team.leaderOpenid ?? `sim-team-${t + 1}-leader`,
    name: team.leaderName,
    simulated: true,
    position: 'leader',
  };
  return [leader, ...members];
}

function userOf(seed: number, p: Person, grantsFor: readonly VolunteerTeam[], at: number): User {
  return {
    _id: p.openid,
    openid: p.openid,
    nickname: p.name,
    realName: p.name,
    phone: mobilePhone(Rng.derive(seed, 'demo-team-phone', p.openid.length * 31 + (at % 997))),
    phoneConsentAt: at,
    homeUnitId: DEMO_GRID_ID,
    homeOrgPath: DEMO_PATHS.grid,
    grants: [
      { role: 'resident', orgPath: DEMO_PATHS.grid },
      ...grantsFor.map((team) => teamGrantOf(team, p.position)),
    ],
    demo: false,
    createdAt: at,
    updatedAt: at,
  };
}

/** The application waiting for the first team's leader, and its applicant (a resident of the demo grid). */
function applicationOf(
  seed: number,
  now: number,
  first: VolunteerTeam | undefined,
): { application: TeamApplication; user: User } | null {
  if (first === undefined) return null;
  const name = personName(Rng.derive(seed, 'demo-team-applicant'));
  const applicant: Person = { openid: DEMO_TEAM_APPLICANT, name, simulated: true, position: 'member' };
  return {
    application: {
      _id: teamMemberId(first._id, DEMO_TEAM_APPLICANT),
      teamId: first._id,
      openid: DEMO_TEAM_APPLICANT,
      orgPath: first.orgPath,
      status: 'pending',
      appliedAt: now - 2 * DAY_MS,
      decidedBy: null,
      decidedAt: null,
      createdAt: now - 2 * DAY_MS,
      updatedAt: now - 2 * DAY_MS,
    },
    user: userOf(seed, applicant, [], now - 30 * DAY_MS),
  };
}

/**
 * The membership of the demo community's teams (the first three of `teams`, in the demo community), and the
 * teams with their member counts. Volunteer numbers are of the year four years before `now` (the teams are
 * older than the activities' volunteers, whose numbers are of a later year: demo/demo-activities.ts), from a
 * counter of that year.
 */
export function demoTeams(seed: number, now: number, teams: readonly VolunteerTeam[]): DemoTeamData {
  // Four years back: the activities' volunteers joined two years and some weeks back, so the years differ.
  const joinedAt = now - 4 * 365 * DAY_MS;
  const year = shanghaiYear(joinedAt);
  const local = teams.filter((t) => t.communityId === DEMO_COMMUNITY_ID).slice(0, 3);
  const members: TeamMember[] = [];
  const users: User[] = [];
  const volunteers: VolunteerProfile[] = [];
  const counts = new Map<string, number>();
  local.forEach((team, t) => {
    const people = peopleOf(seed, team, t);
    counts.set(team._id, people.length);
    people.forEach((p, k) => {
      const at = joinedAt + (t * 10 + k) * DAY_MS;
      members.push({
        _id: teamMemberId(team._id, p.openid),
        teamId: team._id,
        openid: p.openid,
        orgPath: team.orgPath,
        position: p.position,
        status: 'active',
        via: p.position === 'leader' ? 'appointed' : k % 2 === 0 ? 'invitation' : 'application',
        joinedAt: at,
        leftAt: null,
        removedBy: null,
        createdAt: at,
        updatedAt: at,
      });
      if (!p.simulated) return;
      users.push(userOf(seed, p, [team], at));
      volunteers.push({
        _id: p.openid,
        openid: p.openid,
        name: p.name,
        volunteerNo: volunteerNumber(year, volunteers.length + 1),
        communityId: DEMO_COMMUNITY_ID,
        orgPath: DEMO_PATHS.community,
        teamIds: [team._id],
        totalMinutes: 0,
        serviceCount: 0,
        minutesByYear: {},
        starLevel: 0,
        createdAt: at,
        updatedAt: at,
      });
    });
  });
  const waiting = applicationOf(seed, now, local[0]);
  if (waiting !== null) users.push(waiting.user);
  return {
    teams: teams.map((t) => {
      const count = counts.get(t._id);
      return count === undefined ? t : { ...t, memberCount: count };
    }),
    members,
    applications: waiting === null ? [] : [waiting.application],
    users,
    volunteers,
    counters: volunteers.length === 0 ? [] : [{ _id: `volunteerNo-${year}`, seq: volunteers.length }],
  };
}
