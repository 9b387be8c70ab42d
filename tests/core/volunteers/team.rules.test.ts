/** The pure rules of volunteer teams (core/volunteers/team.rules.ts): codes, grants, the public view, actions. */
import type { Actor, RoleGrant } from '../../../core/auth/roles';
import { TEAM_BONDS, type VolunteerTeam } from '../../../core/model/party.model';
import { TEAM_BOND_VALUES } from '../../../core/schemas/volunteer-team.schema';
import {
  TEAM_INVITE_ALPHABET,
  hoursOf,
  teamActions,
  teamInviteCodeFrom,
  teamSummary,
  withTeamGrant,
  withoutTeamGrant,
} from '../../../core/volunteers/team.rules';
import type { TeamAction, TeamMyState } from '../../../core/volunteers/team.replies';

const COMMUNITY = '/450900/450902/450902001/450902001001/';
const GRID = `${COMMUNITY}450902001001001/`;
const OTHER_COMMUNITY = '/450900/450902/450902001/450902001002/';

const TEAM: VolunteerTeam = {
  _id: 'team-1',
  name: '银发理发队',
  description: '',
  bond: 'interest',
  services: ['理发'],
  communityId: '450902001001',
  servedCommunityIds: ['450902001001'],
  partyOrgId: null,
  leaderOpenid: 'o-leader',
  leaderName: '王建国',
  memberCount: 3,
  active: true,
  serviceCount: 2,
  serviceMinutes: 190,
  orgPath: COMMUNITY,
  createdAt: 0,
  updatedAt: 0,
};

const actor = (openid: string, ...grants: RoleGrant[]): Actor => ({ openid, grants });
const resident = (path: string) => actor('o-res', { role: 'resident', orgPath: path });

describe('invitation codes', () => {
  test('8 characters of the alphabet without look-alikes; distinct ids give distinct codes', () => {
    const codes = Array.from({ length: 2000 }, (_, i) => teamInviteCodeFrom(`id-${i}`));
    for (const code of codes) {
      expect(code).toHaveLength(8);
      expect([...code].every((c) => TEAM_INVITE_ALPHABET.includes(c))).toBe(true);
      expect(code).not.toMatch(/[01OI]/);
    }
    expect(new Set(codes).size).toBe(codes.length);
    expect(teamInviteCodeFrom('same')).toBe(teamInviteCodeFrom('same'));
  });
});

describe('the volunteer grant of a member', () => {
  const other: RoleGrant = { role: 'volunteer', orgPath: COMMUNITY, teamId: 'team-2', position: 'member' };
  const home: RoleGrant = { role: 'resident', orgPath: GRID };

  test('joining adds the team’s grant; a new position replaces it; leaving removes only it', () => {
    const joined = withTeamGrant([home, other], TEAM, 'member');
    expect(joined).toEqual([
      home,
      other,
      { role: 'volunteer', orgPath: COMMUNITY, teamId: 'team-1', position: 'member' },
    ]);
    const promoted = withTeamGrant(joined, TEAM, 'leader');
    expect(promoted.filter((g) => g.teamId === 'team-1')).toEqual([
      { role: 'volunteer', orgPath: COMMUNITY, teamId: 'team-1', position: 'leader' },
    ]);
    expect(withoutTeamGrant(promoted, 'team-1')).toEqual([home, other]);
  });
});

test('the schema’s bonds are the model’s', () => {
  expect(TEAM_BOND_VALUES).toEqual(TEAM_BONDS);
});

describe('the public view', () => {
  test('the leader’s name masked, hours with one decimal; no leader yet: 待定', () => {
    expect(teamSummary(TEAM)).toMatchObject({ leaderName: '王**', serviceHours: 3.2, bondLabel: '趣缘' });
    expect(teamSummary({ ...TEAM, leaderOpenid: null, leaderName: '' }).leaderName).toBe('待定');
    expect(hoursOf(0)).toBe(0);
    expect(hoursOf(90)).toBe(1.5);
  });
});

describe('what the caller may do', () => {
  const rows: [string, Actor, TeamMyState, TeamAction[]][] = [
    ['a resident of the community', resident(GRID), 'none', ['apply', 'join_with_code']],
    ['a resident of another community', resident(OTHER_COMMUNITY), 'none', ['join_with_code']],
    ['an applicant waiting', resident(GRID), 'pending', ['join_with_code']],
    [
      'a member',
      actor('o-m', { role: 'volunteer', orgPath: COMMUNITY, teamId: 'team-1', position: 'member' }),
      'member',
      ['leave'],
    ],
    [
      'the leader',
      actor('o-leader', { role: 'volunteer', orgPath: COMMUNITY, teamId: 'team-1', position: 'leader' }),
      'leader',
      ['invite', 'decide', 'remove_member', 'edit'],
    ],
    [
      'another team’s leader',
      actor('o-l2', { role: 'volunteer', orgPath: COMMUNITY, teamId: 'team-2', position: 'leader' }),
      'none',
      ['apply', 'join_with_code'],
    ],
    [
      'a worker of the community',
      actor('o-w', { role: 'worker', orgPath: COMMUNITY }),
      'none',
      ['apply', 'join_with_code', 'invite', 'decide', 'remove_member', 'edit', 'set_leader', 'deactivate'],
    ],
    [
      'a worker of another community',
      actor('o-w2', { role: 'worker', orgPath: OTHER_COMMUNITY }),
      'none',
      ['join_with_code'],
    ],
    [
      'a party secretary of the community',
      actor('o-s', { role: 'party_member', orgPath: COMMUNITY, partyOrgId: 'po-1', position: 'secretary' }),
      'none',
      ['apply', 'join_with_code', 'edit'],
    ],
  ];

  test.each(rows)('%s', (_label, who, state, expected) => {
    expect(teamActions(who, TEAM, state)).toEqual(expected);
  });

  test('an inactive team offers nothing, even to its workers', () => {
    expect(
      teamActions(actor('o-w', { role: 'worker', orgPath: COMMUNITY }), { ...TEAM, active: false }, 'none'),
    ).toEqual([]);
  });
});
