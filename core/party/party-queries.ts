/**
 * The reads of 双报到 (docs/party.md): `party.registrations.list` — a worker's or leader's requests of their
 * unit by status, paged; `party.mine` — the caller's own requests and whether their record is still active;
 * `party.roster` — a community's registered party organisations or members with their service (confirmed
 * service count and minutes, concerns claimed), phones in full only to the community's workers and leaders
 * and, for its own members, the organisation's secretary.
 */
import { authorize, can } from '../auth/authorize';
import { listScope, narrowScope } from '../auth/list-scope';
import type { Actor } from '../auth/roles';
import type { Where } from '../kernel/database.port';
import { requireIdentity } from '../kernel/identity';
import { orThrow } from '../kernel/outcome';
import { formatShanghaiMinute } from '../kernel/shanghai-time';
import type { PlatformPorts, UseCaseInput } from '../kernel/use-case';
import { COLLECTIONS } from '../model/collections.model';
import type { OrgUnit } from '../model/org-unit.model';
import {
  PARTY_MEMBER_TYPE_LABELS,
  PARTY_ORG_RANK_LABELS,
  PARTY_ORG_TYPE_LABELS,
  type DualRegistration,
  type PartyMember,
  type PartyOrg,
  type RegistrantKind,
  type RegistrationStatus,
} from '../model/party.model';
import { parseCommand } from '../schemas/command.parser';
import {
  dualRegistrationListSchema,
  partyMineSchema,
  partyOrgsSchema,
  partyRosterSchema,
} from '../schemas/party.schema';
import { partyError } from './party.errors';
import { communityOf } from './party-registration.usecase';
import type {
  MyRegistrationItem,
  PartyMemberRosterResult,
  PartyMineResult,
  PartyOrgRosterResult,
  PartyOrgsResult,
  RegistrationItem,
  RegistrationListResult,
  RosterMemberItem,
  RosterOrgItem,
} from './party.replies';
import { countsRegisteredMembers, rosterPhone } from './party.rules';

/** What a request is, in words (a volunteer team's are the teams' own, read here if any is stored). */
export const REGISTRANT_KIND_WORDS: Readonly<Record<RegistrantKind, string>> = {
  party_org: '党组织',
  party_member: '在职党员',
  volunteer_team: '志愿服务队',
};

export const REGISTRATION_STATUS_LABELS: Readonly<Record<RegistrationStatus, string>> = {
  pending: '待确认',
  confirmed: '已确认',
  rejected: '未通过',
};

type Db = PlatformPorts['db'];

async function namesOf(db: Db, collection: string, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const docs = await db.find<{ _id: string; name: string }>(
    collection,
    { _id: db.command.in(unique) },
    { fields: ['name'], limit: unique.length },
  );
  return new Map(docs.map((d) => [d._id, d.name]));
}

async function registrationItems(
  db: Db,
  registrations: readonly DualRegistration[],
): Promise<RegistrationItem[]> {
  const communities = await namesOf(
    db,
    COLLECTIONS.orgUnits,
    registrations.map((r) => r.communityId),
  );
  const orgs = await namesOf(
    db,
    COLLECTIONS.partyOrgs,
    registrations.flatMap((r) => (r.partyOrgId ? [r.partyOrgId] : [])),
  );
  return registrations.map((r) => ({
    registrationId: r._id,
    kind: r.kind,
    kindLabel: REGISTRANT_KIND_WORDS[r.kind],
    communityId: r.communityId,
    communityName: communities.get(r.communityId) ?? '',
    name: r.name,
    workUnit: r.workUnit,
    contactPhone: r.contactPhone,
    services: r.services,
    status: r.status,
    statusLabel: REGISTRATION_STATUS_LABELS[r.status],
    orgTypeLabel: r.orgType ? PARTY_ORG_TYPE_LABELS[r.orgType] : null,
    rankLabel: r.rank ? PARTY_ORG_RANK_LABELS[r.rank] : null,
    memberCount: r.memberCount ?? null,
    secretaryName: r.secretaryName ?? null,
    partyOrgId: r.partyOrgId ?? null,
    partyOrgName: r.partyOrgId ? (orgs.get(r.partyOrgId) ?? null) : null,
    registrantId: r.registrantId,
    reason: r.reason,
    createdAt: r.createdAt,
    createdAtText: formatShanghaiMinute(r.createdAt),
    decidedAt: r.decidedAt,
    decidedAtText: r.decidedAt === null ? null : formatShanghaiMinute(r.decidedAt),
  }));
}

function paged<T>(items: readonly T[], total: number, page: number, pageSize: number) {
  return { items, total, page, pageSize, hasMore: page * pageSize < total };
}

/** party.registrations.list: the requests of the caller's unit (or one community within it), newest first. */
export async function listRegistrations(input: UseCaseInput): Promise<RegistrationListResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const query = parseCommand(dualRegistrationListSchema, input.command);
  const { db } = ports;
  let scope = orThrow(listScope(actor, 'party.registration.view'));
  if (query.communityId !== undefined) {
    const unit = await db.get<OrgUnit>(COLLECTIONS.orgUnits, query.communityId);
    scope = orThrow(narrowScope(scope, unit?.path ?? null, 'party.registration.view'));
  }
  const where: Where = {
    ...(scope.all ? {} : { orgPath: db.command.prefix(scope.paths[0]!) }),
    status: query.status,
  };
  const [total, docs] = await Promise.all([
    db.count(COLLECTIONS.dualRegistrations, where),
    db.find<DualRegistration>(COLLECTIONS.dualRegistrations, where, {
      orderBy: [
        ['createdAt', 'desc'],
        ['_id', 'asc'],
      ],
      skip: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
    }),
  ]);
  return paged(await registrationItems(db, docs), total, query.page, query.pageSize);
}

/** party.mine: the caller's own requests, newest first, each with whether its member record has left. */
export async function partyMine(input: UseCaseInput): Promise<PartyMineResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const query = parseCommand(partyMineSchema, input.command);
  const { db } = ports;
  const where: Where = { applicantOpenid: actor.openid };
  const [total, docs] = await Promise.all([
    db.count(COLLECTIONS.dualRegistrations, where),
    db.find<DualRegistration>(COLLECTIONS.dualRegistrations, where, {
      orderBy: [
        ['createdAt', 'desc'],
        ['_id', 'asc'],
      ],
      skip: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
    }),
  ]);
  const memberIds = docs.flatMap((d) =>
    d.kind === 'party_member' && d.registrantId !== null ? [d.registrantId] : [],
  );
  const members =
    memberIds.length === 0
      ? []
      : await db.find<PartyMember>(
          COLLECTIONS.partyMembers,
          { _id: db.command.in(memberIds) },
          { fields: ['leftAt'], limit: memberIds.length },
        );
  const left = new Set(members.filter((m) => (m.leftAt ?? null) !== null).map((m) => m._id));
  const items: MyRegistrationItem[] = (await registrationItems(db, docs)).map((item) => ({
    ...item,
    left: item.registrantId !== null && left.has(item.registrantId),
  }));
  return paged(items, total, query.page, query.pageSize);
}

/**
 * party.orgs: the organisations registered with a community (双报到 confirmed), for an applicant to name the
 * one they belong to; public facts only (name, type, host unit), as the roster's masking leaves them.
 */
export async function partyOrgs(input: UseCaseInput): Promise<PartyOrgsResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const query = parseCommand(partyOrgsSchema, input.command);
  authorize(actor, 'party.register', { ownerOpenid: actor.openid }, { roles: ['resident', 'party_member'] });
  const { db } = ports;
  const community = await communityOf(db, query.communityId);
  // A community has a few dozen registered organisations: read them whole, keep the registered ones, page here.
  const orgs = (
    await db.find<PartyOrg>(
      COLLECTIONS.partyOrgs,
      { orgPath: community.path },
      {
        orderBy: [
          ['name', 'asc'],
          ['_id', 'asc'],
        ],
        limit: 1000,
      },
    )
  ).filter(countsRegisteredMembers);
  const start = (query.page - 1) * query.pageSize;
  const items = orgs.slice(start, start + query.pageSize).map((org) => ({
    partyOrgId: org._id,
    name: org.name,
    typeLabel: PARTY_ORG_TYPE_LABELS[org.type],
    workUnit: org.workUnit,
  }));
  return paged(items, orgs.length, query.page, query.pageSize);
}

/** The community the roster is of: the one asked for, else the caller's first community to view. */
function rosterCommunityPath(actor: Actor): string | null {
  const grant = actor.grants.find(
    (g) =>
      (g.role === 'party_member' || g.role === 'worker' || g.role === 'leader') && g.orgPath !== undefined,
  );
  return grant?.orgPath ?? null;
}

/** party.roster: a community's registered organisations (view `orgs`) or members (`members`), paged. */
export async function partyRoster(
  input: UseCaseInput,
): Promise<PartyOrgRosterResult | PartyMemberRosterResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const query = parseCommand(partyRosterSchema, input.command);
  const { db } = ports;
  let community: OrgUnit | null;
  if (query.communityId !== undefined) {
    community = await db.get<OrgUnit>(COLLECTIONS.orgUnits, query.communityId);
  } else {
    const path = rosterCommunityPath(actor);
    community = path === null ? null : await db.findOne<OrgUnit>(COLLECTIONS.orgUnits, { path });
  }
  authorize(actor, 'party.roster.view', { orgPath: community?.path ?? '' });
  if (community === null) throw partyError('PARTY_COMMUNITY_REQUIRED');
  if (community.level !== 'community') throw partyError('PARTY_COMMUNITY_NOT_FOUND');
  const head = { communityId: community._id, communityName: community.name };
  const skip = (query.page - 1) * query.pageSize;
  const order = {
    orderBy: [['registeredAt', 'desc'] as const, ['_id', 'asc'] as const],
    skip,
    limit: query.pageSize,
  };

  if (query.view === 'orgs') {
    const where: Where = { orgPath: community.path };
    const [total, orgs] = await Promise.all([
      db.count(COLLECTIONS.partyOrgs, where),
      db.find<PartyOrg>(COLLECTIONS.partyOrgs, where, order),
    ]);
    const items = await Promise.all(orgs.map((org) => orgItem(db, actor, org)));
    return { ...head, ...paged(items, total, query.page, query.pageSize) };
  }
  const where: Where = { orgPath: community.path, leftAt: null };
  const [total, members] = await Promise.all([
    db.count(COLLECTIONS.partyMembers, where),
    db.find<PartyMember>(COLLECTIONS.partyMembers, where, order),
  ]);
  const orgNames = await namesOf(
    db,
    COLLECTIONS.partyOrgs,
    members.map((m) => m.partyOrgId),
  );
  const items = await Promise.all(members.map((m) => memberItem(db, actor, m, orgNames)));
  return { ...head, ...paged(items, total, query.page, query.pageSize) };
}

async function orgItem(db: Db, actor: Actor, org: PartyOrg): Promise<RosterOrgItem> {
  const visible = can(actor, 'party.phone.view', { orgPath: org.orgPath, assigneePartyOrgId: org._id });
  const members = await db.find<Pick<PartyMember, '_id' | 'serviceCount' | 'serviceMinutes' | 'orgPath'>>(
    COLLECTIONS.partyMembers,
    { partyOrgId: org._id },
    { fields: ['serviceCount', 'serviceMinutes', 'orgPath'], limit: 1000 },
  );
  const here = members.filter((m) => m.orgPath === org.orgPath);
  return {
    partyOrgId: org._id,
    name: org.name,
    type: org.type,
    typeLabel: PARTY_ORG_TYPE_LABELS[org.type],
    rank: org.rank,
    rankLabel: PARTY_ORG_RANK_LABELS[org.rank],
    workUnit: org.workUnit,
    secretaryName: org.secretaryName,
    ...(() => {
      const p = rosterPhone(org.contactPhone, visible);
      return { contactPhone: p.phone, phoneMasked: p.phoneMasked };
    })(),
    memberCount: org.memberCount,
    declaredMemberCount: org.declaredMemberCount ?? null,
    registeredAt: org.registeredAt,
    serviceCount: here.reduce((sum, m) => sum + m.serviceCount, 0),
    serviceMinutes: here.reduce((sum, m) => sum + m.serviceMinutes, 0),
    claimedConcerns: await db.count(COLLECTIONS.concerns, { assigneePartyOrgId: org._id }),
  };
}

async function memberItem(
  db: Db,
  actor: Actor,
  member: PartyMember,
  orgNames: ReadonlyMap<string, string>,
): Promise<RosterMemberItem> {
  const visible = can(actor, 'party.phone.view', {
    orgPath: member.orgPath,
    assigneePartyOrgId: member.partyOrgId,
  });
  return {
    memberId: member._id,
    name: member.name,
    workUnit: member.workUnit,
    partyOrgId: member.partyOrgId,
    partyOrgName: orgNames.get(member.partyOrgId) ?? '',
    memberType: member.memberType,
    memberTypeLabel: PARTY_MEMBER_TYPE_LABELS[member.memberType],
    services: member.services,
    ...rosterPhone(member.phone, visible),
    registeredAt: member.registeredAt,
    serviceCount: member.serviceCount,
    serviceMinutes: member.serviceMinutes,
    claimedConcerns:
      member.openid === null ? 0 : await db.count(COLLECTIONS.concerns, { assigneeOpenid: member.openid }),
  };
}
