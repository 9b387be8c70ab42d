/**
 * Party organisations, party members, volunteer teams (微团队), their 双报到 records and service logs, the
 * joint meetings of every level, the fund entries of
 * the demo community, and the users of simulated residents and provider staff. The party organisations, members
 * and their 双报到 records are made by demo/demo-party.ts, in this stream's order.
 */
import type { ConcernLevel } from '../core/lifecycle/concern.lifecycle';
import type { JointMeeting } from '../core/model/operations.model';
import type { OrgUnit } from '../core/model/org-unit.model';
import type {
  DualRegistration,
  PartyMember,
  PartyOrg,
  TeamBond,
  VolunteerServiceLog,
  VolunteerTeam,
} from '../core/model/party.model';
import type { User } from '../core/model/user.model';
import { DAY_MS, DEMO_COMMUNITY_ID, DEMO_STREET_ID } from './demo.constants';
import { DEMO_IDENTITIES } from './demo-identities';
import {
  communityPartyOrgId,
  communityPartyOrgs,
  hostPartyOrgs,
  partyMembersOf,
  pendingRegistrations,
  withRegisteredMemberCounts,
} from './demo-party';
import type { ProviderPlan } from './demo-providers';
import { simulatedResidentOpenid } from './demo-orders';
import { landline, mobilePhone, personName, residentNickname } from './names.data';
import { Rng } from './prng';
import type { YulinGeography } from './yulin.geography';

/** 'YYYY-MM-DD' of a moment, in Asia/Shanghai. */
export function shanghaiDate(t: number): string {
  return new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);
}

interface TeamSeed {
  readonly name: string;
  readonly bond: TeamBond;
  readonly services: readonly string[];
  readonly description: string;
}

const TEAMS: readonly TeamSeed[] = [
  {
    name: '银发理发微团队',
    bond: 'occupational',
    services: ['理发', '修面'],
    description: '退休理发师组成，定期为老人和行动不便居民上门理发',
  },
  {
    name: '夕阳红治安巡防队',
    bond: 'geographic',
    services: ['治安巡防', '防诈骗宣传'],
    description: '小区离退休党员组成，每晚巡查楼道和车棚',
  },
  {
    name: '书香伴读微团队',
    bond: 'interest',
    services: ['亲子阅读', '作业辅导'],
    description: '退休教师和大学生志愿者组成，周末开展伴读',
  },
  {
    name: '阳光义诊微团队',
    bond: 'occupational',
    services: ['阳光义诊', '健康咨询'],
    description: '医院在职和退休医护人员组成，每月一次进网格义诊',
  },
  {
    name: '帮扶助困志愿服务队',
    bond: 'geographic',
    services: ['帮扶助困', '代购代办'],
    description: '结对帮扶独居老人和困难家庭',
  },
  {
    name: '就业创业指导微团队',
    bond: 'occupational',
    services: ['就业创业', '技能培训'],
    description: '人社、企业退休干部组成，提供求职和创业指导',
  },
  {
    name: '邻里清洁志愿服务队',
    bond: 'geographic',
    services: ['卫生清洁', '垃圾分类督导'],
    description: '同一小区居民自发组成，每周末清理公共区域',
  },
  {
    name: '红绳助老服务队',
    bond: 'geographic',
    services: ['助老陪伴', '陪同就医'],
    description: '为高龄、独居老人提供陪伴和陪诊',
  },
  {
    name: '文明劝导微团队',
    bond: 'geographic',
    services: ['文明劝导', '交通劝导'],
    description: '劝导乱停车、高空抛物等不文明行为',
  },
  {
    name: '法律援助志愿服务队',
    bond: 'occupational',
    services: ['法律咨询', '矛盾调解'],
    description: '律师和法院退休干部组成，每月一次法律咨询',
  },
  {
    name: '电器义修微团队',
    bond: 'occupational',
    services: ['家电义修', '安全用电检查'],
    description: '供电局和家电维修师傅组成，免费检修小家电',
  },
  {
    name: '广场舞健身队',
    bond: 'interest',
    services: ['健身指导', '文艺演出'],
    description: '社区文体骨干组成，带动居民健身',
  },
];

const JOINT_MEETING_DEPARTMENTS: Readonly<Record<ConcernLevel, readonly string[]>> = {
  city: [
    '市委组织部',
    '市民政局',
    '市住房城乡建设局',
    '市城市管理监督局',
    '市公安局',
    '市卫生健康委员会',
    '市市场监督管理局',
  ],
  county: ['县（市、区）委组织部', '民政局', '住房城乡建设局', '城市管理局', '公安分局', '市场监督管理局'],
  street: ['街道党工委', '街道办事处', '派出所', '市场监督管理所', '城管执法中队', '司法所'],
  community: ['社区党委', '社区居委会', '物业服务企业', '业主委员会', '驻区单位党组织'],
};

export interface PeopleData {
  readonly partyOrgs: PartyOrg[];
  readonly partyMembers: PartyMember[];
  readonly volunteerTeams: VolunteerTeam[];
  readonly dualRegistrations: DualRegistration[];
  readonly volunteerServiceLogs: VolunteerServiceLog[];
  readonly jointMeetings: JointMeeting[];
}

/** What every step of `generatePeople` shares: one seeded stream, drawn from in a fixed order. */
interface PeopleContext {
  readonly rng: Rng;
  readonly geo: YulinGeography;
  readonly now: number;
  readonly demoCommunity: OrgUnit;
  readonly demoStreetCommunities: readonly OrgUnit[];
}

/**
 * The people side of the platform. The steps draw from one seeded stream in this order (community party
 * organisations, host organisations, party members, pending registrations, volunteer teams, joint
 * meetings), so reordering them would change the data.
 */
export function generatePeople(seed: number, geo: YulinGeography, now: number): PeopleData {
  const ctx: PeopleContext = {
    rng: Rng.derive(seed, 'people'),
    geo,
    now,
    demoCommunity: geo.byId.get(DEMO_COMMUNITY_ID)!,
    demoStreetCommunities: geo.communities.filter((c) => c.parentId === DEMO_STREET_ID),
  };
  // 双报到's part (demo/demo-party.ts), first in the stream.
  const partyOrgs = communityPartyOrgs(ctx);
  const hosts = hostPartyOrgs(ctx);
  const members = partyMembersOf(ctx, hosts.communities);
  const pending = pendingRegistrations(ctx);
  const teams = volunteerTeamsOf(ctx);
  return {
    partyOrgs: withRegisteredMemberCounts([...partyOrgs, ...hosts.partyOrgs], members.partyMembers),
    partyMembers: members.partyMembers,
    volunteerTeams: teams.volunteerTeams,
    dualRegistrations: [...hosts.dualRegistrations, ...members.dualRegistrations, ...pending],
    volunteerServiceLogs: teams.volunteerServiceLogs,
    jointMeetings: jointMeetingsOf(ctx),
  };
}

/** Volunteer teams: the first three in the demo community, the rest across 玉城街道; with their service logs. */
function volunteerTeamsOf(ctx: PeopleContext): {
  volunteerTeams: VolunteerTeam[];
  volunteerServiceLogs: VolunteerServiceLog[];
} {
  const { rng, now, demoCommunity, demoStreetCommunities } = ctx;
  const volunteerTeams: VolunteerTeam[] = [];
  const volunteerServiceLogs: VolunteerServiceLog[] = [];
  TEAMS.forEach((team, i) => {
    const community = i < 3 ? demoCommunity : demoStreetCommunities[i % demoStreetCommunities.length]!;
    const id = `team-${String(i + 1).padStart(4, '0')}`;
    const leader = i === 0 ? DEMO_IDENTITIES.find((d) => d.openid === 'demo-volunteer-leader-1')! : null;
    const leaderOpenid = leader?.openid ?? `sim-volunteer-leader-${id}`;
    const createdAt = now - rng.int(200, 800) * DAY_MS;
    const logs = serviceLogsOf(ctx, team, id, leaderOpenid, community);
    volunteerServiceLogs.push(...logs);
    volunteerTeams.push({
      _id: id,
      name: team.name,
      description: team.description,
      bond: team.bond,
      services: team.services,
      communityId: community._id,
      servedCommunityIds: [community._id],
      partyOrgId: i === 3 ? 'po-organ-04' : communityPartyOrgId(community._id),
      leaderOpenid,
      leaderName: leader?.realName ?? personName(rng),
      memberCount: rng.int(6, 40),
      active: true,
      serviceCount: logs.length,
      serviceMinutes: logs.reduce((sum, log) => sum + log.minutes, 0),
      orgPath: community.path,
      createdAt,
      updatedAt: now,
    });
  });
  return { volunteerTeams, volunteerServiceLogs };
}

/** Two to four services a team logged in the grids of its community. */
function serviceLogsOf(
  { rng, now, geo }: PeopleContext,
  team: TeamSeed,
  teamId: string,
  leaderOpenid: string,
  community: OrgUnit,
): VolunteerServiceLog[] {
  const logs: VolunteerServiceLog[] = [];
  const count = rng.int(2, 4);
  const grids = geo.gridsOfCommunity.get(community._id) ?? [];
  for (let k = 0; k < count; k += 1) {
    const minutes = rng.int(4, 16) * 15;
    const at = now - rng.int(1, 90) * DAY_MS;
    const place = grids.length > 0 ? rng.pick(grids) : community;
    logs.push({
      _id: `vlog-${teamId.slice(5)}-${k + 1}`,
      teamId,
      loggedBy: leaderOpenid,
      orgUnitId: place._id,
      serviceDate: shanghaiDate(at),
      minutes,
      participants: rng.int(3, 15),
      content: `在${place.name}开展${rng.pick(team.services)}志愿服务，服务居民 ${rng.int(8, 60)} 人次`,
      images: [],
      orgPath: place.path,
      createdAt: at,
    });
  }
  return logs;
}

/** Joint meetings at the four levels (市、县、街道(镇)、社区). */
function jointMeetingsOf({ rng, geo, now }: PeopleContext): JointMeeting[] {
  return geo.units
    .filter((u) => u.level !== 'grid')
    .map((unit) => {
      const level = unit.level as ConcernLevel;
      return {
        _id: `jm-${unit._id}`,
        name: `${unit.name}城市基层党建工作联席会议`,
        level,
        orgUnitId: unit._id,
        officeName: `${unit.name}城市基层党建工作联席会议办公室`,
        officePhone: landline(rng),
        memberDepartments: JOINT_MEETING_DEPARTMENTS[level],
        orgPath: unit.path,
        createdAt: now - 900 * DAY_MS,
        updatedAt: now - 900 * DAY_MS,
      };
    });
}

/** The users of the simulated residents of one grid. */
export function simulatedResidentUsers(seed: number, grid: OrgUnit, perGrid: number, now: number): User[] {
  const users: User[] = [];
  for (let k = 0; k < perGrid; k += 1) {
    const rng = Rng.derive(seed, `resident:${grid._id}`, k);
    const nickname = residentNickname(rng);
    const openid = simulatedResidentOpenid(grid._id, k);
    users.push({
      _id: openid,
      openid,
      nickname,
      realName: null,
      phone: mobilePhone(rng),
      phoneConsentAt: now - 400 * DAY_MS,
      homeUnitId: grid._id,
      homeOrgPath: grid.path,
      grants: [{ role: 'resident', orgPath: grid.path }],
      demo: false,
      createdAt: now - 400 * DAY_MS,
      updatedAt: now - 400 * DAY_MS,
    });
  }
  return users;
}

/** The user of a provider's manager (the demo provider's staff are demo identities instead). */
export function providerManagerUser(plan: ProviderPlan): User | null {
  if (plan.managerOpenid.startsWith('demo-')) return null;
  return {
    _id: plan.managerOpenid,
    openid: plan.managerOpenid,
    nickname: plan.managerName,
    realName: plan.managerName,
    phone: plan.contactPhone.startsWith('1') ? plan.contactPhone : null,
    phoneConsentAt: plan.contactPhone.startsWith('1') ? plan.agreementSignedAt : null,
    homeUnitId: plan.home._id,
    homeOrgPath: plan.home.path,
    grants: [{ role: 'provider_staff', providerId: plan.id, position: 'manager', orgPath: plan.home.path }],
    demo: false,
    createdAt: plan.agreementSignedAt,
    updatedAt: plan.agreementSignedAt,
  };
}
