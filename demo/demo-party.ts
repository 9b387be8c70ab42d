/**
 * 双报到's demo records (docs/party.md): every community's own party organisation; the 机关企事业单位
 * organisations registered with the communities of 玉城街道 (the first two with the demo community), each with its
 * confirmed 双报到 and its secretary; party members, the demo one (demo-party-member-1, pm-0001 of
 * po-organ-01, whose grant demo-identities.ts gives) first, in-service ones registered (双报到) and retired ones
 * of their community's organisation; two requests waiting for the demo community's answer (an organisation's and
 * a member's). A registered organisation's `memberCount` is its registered members (decision 0041). The steps
 * draw from the people stream of demo-people.ts (`generatePeople` calls them first, in this order).
 */
import type { OrgUnit } from '../core/model/org-unit.model';
import type {
  DualRegistration,
  PartyMember,
  PartyOrg,
  PartyOrgRank,
  PartyOrgType,
} from '../core/model/party.model';
import { unitIdOfPath } from '../core/org/org-path';
import { DAY_MS, DEMO_COMMUNITY_ID } from './demo.constants';
import { DEMO_IDENTITIES, DEMO_REFS } from './demo-identities';
import { landline, mobilePhone, personName } from './names.data';
import type { Rng } from './prng';
import type { YulinGeography } from './yulin.geography';

/** What the steps draw from: demo-people.ts's people stream and places (its `PeopleContext`). */
export interface PeopleContext {
  readonly rng: Rng;
  readonly geo: YulinGeography;
  readonly now: number;
  readonly demoCommunity: OrgUnit;
  readonly demoStreetCommunities: readonly OrgUnit[];
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

export function communityPartyOrgId(communityId: string): string {
  return `po-c-${communityId}`;
}

/** Every community's own party organisation. */
export function communityPartyOrgs({ rng, geo, now }: PeopleContext): PartyOrg[] {
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
export function hostPartyOrgs(ctx: PeopleContext): {
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
    const declared = rng.int(12, 300);
    partyOrgs.push({
      _id: id,
      name: seedOrg.name,
      type: seedOrg.type,
      rank: seedOrg.rank,
      orgUnitId: community._id,
      workUnit: seedOrg.workUnit,
      secretaryName: secretary,
      contactPhone: phone,
      // Counted from the registered members (withRegisteredMemberCounts, decision 0041).
      memberCount: 0,
      registeredAt,
      secretaryOpenid: `sim-secretary-${id}`,
      declaredMemberCount: declared,
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
      orgType: seedOrg.type,
      rank: seedOrg.rank,
      memberCount: declared,
      secretaryName: secretary,
      partyOrgId: null,
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
export function partyMembersOf(
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
    leftAt: null,
    leftBy: null,
    leftReason: null,
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
    partyOrgId: member.partyOrgId,
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
  /** party_org: what its secretary filled in. */
  readonly org?: Pick<DualRegistration, 'orgType' | 'rank' | 'memberCount' | 'secretaryName'>;
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
    orgType: spec.org?.orgType ?? null,
    rank: spec.org?.rank ?? null,
    memberCount: spec.org?.memberCount ?? null,
    secretaryName: spec.org?.secretaryName ?? null,
    partyOrgId: null,
    orgPath: community.path,
    createdAt: now - spec.daysAgo * DAY_MS,
    updatedAt: now - spec.daysAgo * DAY_MS,
  };
}

/** Two registrations still waiting for the demo community's answer. */
export function pendingRegistrations({ rng, now, demoCommunity }: PeopleContext): DualRegistration[] {
  const partyOrg: PendingRegistrationSpec = {
    id: 'reg-pending-1',
    kind: 'party_org',
    applicantOpenid: 'sim-secretary-pending-1',
    name: '玉林市住房公积金管理中心机关党支部',
    workUnit: '玉林市住房公积金管理中心',
    contactPhone: landline(rng),
    services: ['政策宣讲', '帮扶助困'],
    daysAgo: 2,
    org: { orgType: 'institution', rank: 'branch', memberCount: 36, secretaryName: '莫志强' },
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

/**
 * The organisations with each registered one's `memberCount` set to its registered members: the in-service
 * members naming it in its community (decision 0041). A community's own keeps its count.
 */
export function withRegisteredMemberCounts(
  orgs: readonly PartyOrg[],
  members: readonly PartyMember[],
): PartyOrg[] {
  const counts = new Map<string, number>();
  for (const m of members) {
    if (m.memberType === 'in_service') counts.set(m.partyOrgId, (counts.get(m.partyOrgId) ?? 0) + 1);
  }
  return orgs.map((org) =>
    org.registeredAt === null ? org : { ...org, memberCount: counts.get(org._id) ?? 0 },
  );
}
