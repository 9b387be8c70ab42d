/**
 * Party organisations, party members, volunteer teams (微团队), their 双报到 records and service logs, the
 * stations (孵化管理中心/站) with their 十有 checklists, the joint meetings of every level, the fund entries of
 * the demo community, and the users of simulated residents and provider staff.
 */
import type { ConcernLevel } from '../core/lifecycle/concern.lifecycle';
import type { FundEntry, JointMeeting, Station } from '../core/model/operations.model';
import type { OrgUnit } from '../core/model/org-unit.model';
import type {
  DualRegistration,
  PartyMember,
  PartyOrg,
  PartyOrgRank,
  PartyOrgType,
  TeamBond,
  VolunteerServiceLog,
  VolunteerTeam,
} from '../core/model/party.model';
import type { User } from '../core/model/user.model';
import { STATION_CHECKLIST, type StationChecklistKey } from '../core/schemas/operations.schema';
import { unitIdOfPath } from '../core/org/org-path';
import { DAY_MS, DEMO_COMMUNITY_ID, DEMO_STREET_ID } from './demo.constants';
import { DEMO_IDENTITIES, DEMO_REFS } from './demo-identities';
import type { ProviderPlan } from './demo-providers';
import { simulatedResidentOpenid } from './demo-orders';
import { landline, mobilePhone, personName, residentNickname } from './names.data';
import { Rng } from './prng';
import type { YulinGeography } from './yulin.geography';

/** 'YYYY-MM-DD' of a moment, in Asia/Shanghai. */
export function shanghaiDate(t: number): string {
  return new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);
}

interface HostOrgSeed {
  readonly name: string;
  readonly type: PartyOrgType;
  readonly rank: PartyOrgRank;
  readonly workUnit: string;
}

/** 机关企事业单位 party organisations that registered with communities (双报到). */
const HOST_ORGS: readonly HostOrgSeed[] = [
  { name: '玉林市财政局机关党支部', type: 'organ', rank: 'branch', workUnit: '玉林市财政局' },
  { name: '玉林市民政局机关党支部', type: 'organ', rank: 'branch', workUnit: '玉林市民政局' },
  { name: '玉林市卫生健康委员会机关党支部', type: 'organ', rank: 'branch', workUnit: '玉林市卫生健康委员会' },
  { name: '玉林市第一人民医院党委', type: 'institution', rank: 'committee', workUnit: '玉林市第一人民医院' },
  {
    name: '玉林市红十字会医院党总支',
    type: 'institution',
    rank: 'general_branch',
    workUnit: '玉林市红十字会医院',
  },
  { name: '玉林师范学院机关党委', type: 'institution', rank: 'committee', workUnit: '玉林师范学院' },
  { name: '国网玉林供电局党委', type: 'enterprise', rank: 'committee', workUnit: '国网玉林供电局' },
  {
    name: '广西玉柴机器集团有限公司党委',
    type: 'enterprise',
    rank: 'committee',
    workUnit: '广西玉柴机器集团有限公司',
  },
  {
    name: '中国移动玉林分公司党委',
    type: 'enterprise',
    rank: 'committee',
    workUnit: '中国移动通信集团广西有限公司玉林分公司',
  },
  { name: '玉州区人民法院机关党支部', type: 'organ', rank: 'branch', workUnit: '玉林市玉州区人民法院' },
  { name: '玉州区教育局机关党支部', type: 'organ', rank: 'branch', workUnit: '玉林市玉州区教育局' },
  { name: '玉林市社会工作协会党支部', type: 'social', rank: 'branch', workUnit: '玉林市社会工作协会' },
];

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
    name: '邻里清洁志愿服务队',
    bond: 'geographic',
    services: ['卫生清洁', '垃圾分类督导'],
    description: '同一小区居民自发组成，每周末清理公共区域',
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
    name: '书香伴读微团队',
    bond: 'interest',
    services: ['亲子阅读', '作业辅导'],
    description: '退休教师和大学生志愿者组成，周末开展伴读',
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
  readonly stations: Station[];
  readonly jointMeetings: JointMeeting[];
  readonly fundEntries: FundEntry[];
}

export function communityPartyOrgId(communityId: string): string {
  return `po-c-${communityId}`;
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
 * organisations, host organisations, party members, pending registrations, volunteer teams, stations, joint
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
  const partyOrgs = communityPartyOrgs(ctx);
  const hosts = hostPartyOrgs(ctx);
  const members = partyMembersOf(ctx, hosts.communities);
  const pending = pendingRegistrations(ctx);
  const teams = volunteerTeamsOf(ctx);
  return {
    partyOrgs: [...partyOrgs, ...hosts.partyOrgs],
    partyMembers: members.partyMembers,
    volunteerTeams: teams.volunteerTeams,
    dualRegistrations: [...hosts.dualRegistrations, ...members.dualRegistrations, ...pending],
    volunteerServiceLogs: teams.volunteerServiceLogs,
    stations: stationsOf(ctx),
    jointMeetings: jointMeetingsOf(ctx),
    fundEntries: demoCommunityFunds(ctx),
  };
}

/** Every community's own party organisation. */
function communityPartyOrgs({ rng, geo, now }: PeopleContext): PartyOrg[] {
  const streetOf = (unit: OrgUnit): OrgUnit => geo.byId.get(unit.parentId!)!;
  return geo.communities.map((community) => ({
    _id: communityPartyOrgId(community._id),
    name: `${streetOf(community).name}${community.name}${community.kind === 'urban' ? '党委' : '党总支'}`,
    type: 'community',
    rank: community.kind === 'urban' ? 'committee' : 'general_branch',
    orgUnitId: community._id,
    workUnit: `${community.name}居民委员会`,
    secretaryName: community._id === DEMO_COMMUNITY_ID ? '陆国华' : personName(rng),
    contactPhone: landline(rng),
    memberCount: rng.int(30, 160),
    registeredAt: null,
    orgPath: community.path,
    createdAt: now - 900 * DAY_MS,
    updatedAt: now - 900 * DAY_MS,
  }));
}

function hostPartyOrgId(hostIndex: number): string {
  return `po-organ-${String(hostIndex + 1).padStart(2, '0')}`;
}

/**
 * 机关企事业单位 organisations registered with the communities of 玉城街道 (the first two with the demo one),
 * with their confirmed 双报到 records; `communities[i]` is where host organisation i registered.
 */
function hostPartyOrgs(ctx: PeopleContext): {
  partyOrgs: PartyOrg[];
  dualRegistrations: DualRegistration[];
  communities: OrgUnit[];
} {
  const { rng, now, demoCommunity, demoStreetCommunities } = ctx;
  const partyOrgs: PartyOrg[] = [];
  const dualRegistrations: DualRegistration[] = [];
  const communities: OrgUnit[] = [];
  HOST_ORGS.forEach((seedOrg, i) => {
    const community = i < 2 ? demoCommunity : demoStreetCommunities[(i - 1) % demoStreetCommunities.length]!;
    communities.push(community);
    const id = hostPartyOrgId(i);
    const registeredAt = now - rng.int(60, 700) * DAY_MS;
    const secretary = personName(rng);
    const phone = mobilePhone(rng);
    partyOrgs.push({
      _id: id,
      name: seedOrg.name,
      type: seedOrg.type,
      rank: seedOrg.rank,
      orgUnitId: community._id,
      workUnit: seedOrg.workUnit,
      secretaryName: secretary,
      contactPhone: phone,
      memberCount: rng.int(12, 300),
      registeredAt,
      orgPath: community.path,
      createdAt: registeredAt,
      updatedAt: registeredAt,
    });
    dualRegistrations.push({
      _id: `reg-${id}`,
      kind: 'party_org',
      applicantOpenid: `sim-secretary-${id}`,
      communityId: community._id,
      name: seedOrg.name,
      workUnit: seedOrg.workUnit,
      contactPhone: phone,
      services: [],
      status: 'confirmed',
      registrantId: id,
      decidedBy: 'demo-community-leader-1',
      decidedAt: registeredAt,
      reason: null,
      orgPath: community.path,
      createdAt: registeredAt - 2 * DAY_MS,
      updatedAt: registeredAt,
    });
  });
  return { partyOrgs, dualRegistrations, communities };
}

const MEMBER_SERVICES = [
  '理发',
  '卫生清洁',
  '治安巡防',
  '阳光义诊',
  '帮扶助困',
  '就业创业',
  '作业辅导',
  '法律咨询',
  '家电义修',
];

/**
 * Party members: the demo one first, then in-service members of the host organisations and retired members
 * of the community organisations of 玉城街道; in-service members registered with a community (双报到).
 */
function partyMembersOf(
  ctx: PeopleContext,
  hostCommunities: readonly OrgUnit[],
): { partyMembers: PartyMember[]; dualRegistrations: DualRegistration[] } {
  const partyMembers: PartyMember[] = [];
  const dualRegistrations: DualRegistration[] = [];
  for (let i = 0; i < 40; i += 1) {
    const member = partyMember(ctx, hostCommunities, i);
    partyMembers.push(member);
    if (member.memberType === 'in_service') dualRegistrations.push(memberRegistration(member));
  }
  return { partyMembers, dualRegistrations };
}

function partyMember(ctx: PeopleContext, hostCommunities: readonly OrgUnit[], i: number): PartyMember {
  const { rng, now, demoStreetCommunities } = ctx;
  const demo = i === 0;
  const inService = demo || rng.chance(0.6);
  const hostIndex = demo ? 0 : rng.int(0, HOST_ORGS.length - 1);
  const community = inService ? hostCommunities[hostIndex]! : rng.pick(demoStreetCommunities);
  const partyOrgId = demo
    ? DEMO_REFS.partyOrgId
    : inService
      ? hostPartyOrgId(hostIndex)
      : communityPartyOrgId(community._id);
  const registeredAt = now - rng.int(20, 600) * DAY_MS;
  const identity = demo ? DEMO_IDENTITIES.find((d) => d.role === 'party_member')! : null;
  const member: PartyMember = {
    _id: `pm-${String(i + 1).padStart(4, '0')}`,
    openid: identity?.openid ?? null,
    name: identity?.realName ?? personName(rng),
    phone: identity?.phone ?? mobilePhone(rng),
    partyOrgId,
    memberType: inService ? 'in_service' : 'retired',
    workUnit: inService ? HOST_ORGS[hostIndex]!.workUnit : '退休',
    services: rng.sample(MEMBER_SERVICES, rng.int(1, 3)),
    registeredAt,
    serviceCount: rng.int(0, 30),
    serviceMinutes: 0,
    orgPath: community.path,
    createdAt: registeredAt,
    updatedAt: registeredAt,
  };
  return { ...member, serviceMinutes: member.serviceCount * rng.int(60, 150) };
}

function memberRegistration(member: PartyMember): DualRegistration {
  return {
    _id: `reg-${member._id}`,
    kind: 'party_member',
    applicantOpenid: member.openid ?? `sim-member-${member._id}`,
    communityId: unitIdOfPath(member.orgPath),
    name: member.name,
    workUnit: member.workUnit,
    contactPhone: member.phone,
    services: member.services,
    status: 'confirmed',
    registrantId: member._id,
    decidedBy: 'demo-community-worker-1',
    decidedAt: member.registeredAt,
    reason: null,
    orgPath: member.orgPath,
    createdAt: member.registeredAt - DAY_MS,
    updatedAt: member.registeredAt,
  };
}

interface PendingRegistrationSpec {
  readonly id: string;
  readonly kind: DualRegistration['kind'];
  readonly applicantOpenid: string;
  readonly name: string;
  readonly workUnit: string;
  readonly contactPhone: string;
  readonly services: readonly string[];
  readonly daysAgo: number;
}

function pendingRegistration(
  spec: PendingRegistrationSpec,
  community: OrgUnit,
  now: number,
): DualRegistration {
  return {
    _id: spec.id,
    kind: spec.kind,
    applicantOpenid: spec.applicantOpenid,
    communityId: community._id,
    name: spec.name,
    workUnit: spec.workUnit,
    contactPhone: spec.contactPhone,
    services: [...spec.services],
    status: 'pending',
    registrantId: null,
    decidedBy: null,
    decidedAt: null,
    reason: null,
    orgPath: community.path,
    createdAt: now - spec.daysAgo * DAY_MS,
    updatedAt: now - spec.daysAgo * DAY_MS,
  };
}

/** Two registrations still waiting for the demo community's answer. */
function pendingRegistrations({ rng, now, demoCommunity }: PeopleContext): DualRegistration[] {
  const partyOrg: PendingRegistrationSpec = {
    id: 'reg-pending-1',
    kind: 'party_org',
    applicantOpenid: 'sim-secretary-pending-1',
    name: '玉林市住房公积金管理中心机关党支部',
    workUnit: '玉林市住房公积金管理中心',
    contactPhone: landline(rng),
    services: ['政策宣讲', '帮扶助困'],
    daysAgo: 2,
  };
  const member: PendingRegistrationSpec = {
    id: 'reg-pending-2',
    kind: 'party_member',
    applicantOpenid: 'sim-member-pending-2',
    name: personName(rng),
    workUnit: '玉林市图书馆',
    contactPhone: mobilePhone(rng),
    services: ['亲子阅读'],
    daysAgo: 1,
  };
  return [partyOrg, member].map((spec) => pendingRegistration(spec, demoCommunity, now));
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

/** Stations: every community has one; 27 are demonstration stations (示范点) with the full 十有. */
function stationsOf({ rng, geo, now }: PeopleContext): Station[] {
  const checklistKeys = Object.keys(STATION_CHECKLIST) as StationChecklistKey[];
  const urbanOf = (county: OrgUnit): OrgUnit[] =>
    geo.communities.filter((c) => c.path.startsWith(county.path) && c.kind === 'urban');
  const demonstrationIds = new Set(
    [...urbanOf(geo.counties[0]!).slice(0, 22), ...urbanOf(geo.counties[6]!).slice(0, 5)].map((c) => c._id),
  );
  return geo.communities.map((community) => {
    const demonstration = demonstrationIds.has(community._id);
    const checklist = Object.fromEntries(
      checklistKeys.map((key) => [key, demonstration || rng.chance(0.6)]),
    ) as Record<StationChecklistKey, boolean>;
    return {
      _id: `st-${community._id}`,
      name: `${community.name}“为民红绳”孵化管理${demonstration ? '中心' : '站'}`,
      orgUnitId: community._id,
      address: `${community.fullName}党群服务中心`,
      phone: landline(rng),
      checklist,
      checklistMet: checklistKeys.filter((key) => checklist[key]).length,
      demonstration,
      note: demonstration ? '“十有”标准示范点' : '',
      updatedBy: null,
      orgPath: community.path,
      createdAt: now - 700 * DAY_MS,
      updatedAt: now - rng.int(1, 200) * DAY_MS,
    };
  });
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

/** Where the demo community's funds come from: 财政安排一点、党费拨一点、街道出一点、爱心企业捐助一点、社区筹一点. */
const FUND_INCOMES = [
  { source: 'finance', yuan: 50_000, note: '年度社区服务群众专项经费' },
  { source: 'party_dues', yuan: 8_000, note: '党费拨付党建活动经费' },
  { source: 'street', yuan: 15_000, note: '玉城街道“为民红绳”平台运行补助' },
  { source: 'donor', yuan: 6_000, note: '爱心企业捐助（玉林市惠民超市）' },
  { source: 'community', yuan: 3_500, note: '社区自筹' },
] as const;

const FUND_EXPENSES = [
  { use: 'service_fund', yuan: 18_600, note: '困难群众微心愿物资采购' },
  { use: 'community_work', yuan: 9_200, note: '社区活动场地和办公耗材' },
  { use: 'staff_pay', yuan: 24_000, note: '网格员、平台管理人员补贴' },
  { use: 'facilities', yuan: 7_850, note: '孵化管理中心公示栏和服务流程图制作' },
  { use: 'platform', yuan: 4_500, note: '信息发布系统维护' },
] as const;

/** The demo community's fund ledger: the incomes, then the uses. */
function demoCommunityFunds({ now, demoCommunity }: PeopleContext): FundEntry[] {
  const fundBase = {
    orgUnitId: DEMO_COMMUNITY_ID,
    orgPath: demoCommunity.path,
    recordedBy: 'demo-community-worker-1',
  };
  const fundId = (n: number): string => `fund-${String(n).padStart(4, '0')}`;
  const incomes = FUND_INCOMES.map((income, i): FundEntry => {
    const at = now - (330 - i * 40) * DAY_MS;
    return {
      _id: fundId(i + 1),
      direction: 'income',
      source: income.source,
      amountFen: income.yuan * 100,
      date: shanghaiDate(at),
      note: income.note,
      createdAt: at,
      ...fundBase,
    };
  });
  const expenses = FUND_EXPENSES.map((expense, i): FundEntry => {
    const at = now - (300 - i * 50) * DAY_MS;
    return {
      _id: fundId(FUND_INCOMES.length + i + 1),
      direction: 'expense',
      use: expense.use,
      amountFen: expense.yuan * 100,
      date: shanghaiDate(at),
      note: expense.note,
      createdAt: at,
      ...fundBase,
    };
  });
  return [...incomes, ...expenses];
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
