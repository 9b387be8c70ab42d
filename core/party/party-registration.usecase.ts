/**
 * 双报到 (docs/party.md): `party.register` — any signed-in WeChat user applies to a community, as the
 * secretary of a party organisation (机关、企业、事业单位、社会组织) or as a serving party member, one pending
 * request per applicant and community; `party.register.confirm` — a worker or leader of that community
 * approves (the party organisation or party member record and the applicant's `party_member` grant, in one
 * transaction) or declines with a reason; the applicant hears of it in the message centre and by
 * TPL_PARTY_REGISTRATION; `party.member.leave` — a member leaves, or the community's worker removes them: the
 * grant goes, the record stays, marked left.
 */
import { authorize, checkAccess } from '../auth/authorize';
import { runCommand } from '../kernel/command.runner';
import type { ContentScene } from '../kernel/content-security.port';
import type { TransactionPort } from '../kernel/database.port';
import { requireIdentity } from '../kernel/identity';
import { refusalError } from '../kernel/outcome';
import { DEFAULT_PLATFORM_CONFIG, type PlatformConfig } from '../kernel/platform.config';
import type { SubscribeMessage } from '../kernel/notifier.port';
import { formatShanghaiMinute } from '../kernel/shanghai-time';
import type { PlatformPorts, UseCaseInput } from '../kernel/use-case';
import { deliverMessages, enqueueMessages } from '../messaging/message-outbox';
import { fitThing } from '../messaging/template-values';
import { COLLECTIONS } from '../model/collections.model';
import type { OrgUnit } from '../model/org-unit.model';
import type { DualRegistration, PartyMember, PartyOrg } from '../model/party.model';
import { newUser, type User } from '../model/user.model';
import { parseCommand } from '../schemas/command.parser';
import {
  dualRegistrationConfirmSchema,
  dualRegistrationSchema,
  partyMemberLeaveSchema,
} from '../schemas/party.schema';
import { partyError, type PartyErrorCode } from './party.errors';
import type { PartyConfirmResult, PartyLeaveResult, PartyRegisterResult } from './party.replies';
import {
  countsRegisteredMembers,
  registrationGrant,
  registrationIdOf,
  withGrant,
  withoutGrant,
} from './party.rules';

/** The applicant's page in the mini-program (their registrations and their status). */
export const PARTY_REGISTER_PAGE = 'packages/community/pages/register/register';

/** The short words of TPL_PARTY_REGISTRATION's `phrase2` (at most five characters). */
export const PARTY_DECISION_PHRASES = { confirmed: '已确认', rejected: '未通过' } as const;

/** The community named, or the community of a grid named (where the applicant lives). */
export async function communityOf(db: PlatformPorts['db'], unitId: string): Promise<OrgUnit> {
  const unit = await db.get<OrgUnit>(COLLECTIONS.orgUnits, unitId);
  const community =
    unit?.level === 'grid' && unit.parentId !== null
      ? await db.get<OrgUnit>(COLLECTIONS.orgUnits, unit.parentId)
      : unit;
  if (community === null || community.level !== 'community') throw partyError('PARTY_COMMUNITY_NOT_FOUND');
  return community;
}

/** Free text others will read, through content security; a risky one refuses the command with `code`. */
async function screen(
  ports: PlatformPorts,
  openid: string,
  texts: readonly string[],
  scene: ContentScene,
  code: PartyErrorCode,
): Promise<void> {
  for (const text of texts) {
    if (text.trim().length === 0) continue;
    if ((await ports.contentSecurity.check(text, openid, scene)) === 'risky') throw partyError(code);
  }
}

/** Registered organisations of the community, not a community's own (a member names one of these). */
async function registeredOrgIn(
  db: PlatformPorts['db'],
  partyOrgId: string,
  community: OrgUnit,
): Promise<PartyOrg> {
  const org = await db.get<PartyOrg>(COLLECTIONS.partyOrgs, partyOrgId);
  if (org === null || org.orgPath !== community.path) throw partyError('PARTY_ORG_NOT_FOUND');
  return org;
}

export async function registerParty(input: UseCaseInput): Promise<PartyRegisterResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const command = parseCommand(dualRegistrationSchema, input.command);
  authorize(actor, 'party.register', { ownerOpenid: actor.openid }, { roles: ['resident', 'party_member'] });
  // Teams register as teams (their own commands), whatever the schema still accepts.
  if ((command.kind as string) !== 'party_org' && command.kind !== 'party_member') {
    throw partyError('PARTY_KIND_UNSUPPORTED');
  }
  const community = await communityOf(ports.db, command.communityId);
  if (command.kind === 'party_member' && command.partyOrgId !== undefined) {
    await registeredOrgIn(ports.db, command.partyOrgId, community);
  }
  await screen(
    ports,
    actor.openid,
    [command.name, command.workUnit, command.secretaryName, ...command.services],
    'profile',
    'PARTY_TEXT_RISKY',
  );

  return runCommand(ports, actor, 'party.register', command, async ({ tx, now }) => {
    const mine = { applicantOpenid: actor.openid, communityId: community._id };
    // Queries outside the transaction: a concurrent twin computes the same id below, and only one commits.
    if ((await ports.db.count(COLLECTIONS.dualRegistrations, { ...mine, status: 'pending' })) > 0) {
      throw partyError('PARTY_REGISTRATION_PENDING');
    }
    await refuseIfRegistered(ports, actor.openid, command.kind, community);
    const sequence = (await ports.db.count(COLLECTIONS.dualRegistrations, mine)) + 1;
    const id = registrationIdOf(actor.openid, community._id, sequence);
    if ((await tx.get(COLLECTIONS.dualRegistrations, id)) !== null) {
      throw partyError('PARTY_REGISTRATION_PENDING');
    }
    const isOrg = command.kind === 'party_org';
    const registration: DualRegistration = {
      _id: id,
      kind: command.kind,
      applicantOpenid: actor.openid,
      communityId: community._id,
      name: command.name,
      workUnit: command.workUnit,
      contactPhone: command.contactPhone,
      services: command.services,
      status: 'pending',
      registrantId: null,
      decidedBy: null,
      decidedAt: null,
      reason: null,
      orgType: isOrg ? (command.orgType ?? null) : null,
      rank: isOrg ? (command.rank ?? null) : null,
      memberCount: isOrg ? (command.memberCount ?? null) : null,
      secretaryName: isOrg ? command.secretaryName : null,
      partyOrgId: isOrg ? null : (command.partyOrgId ?? null),
      orgPath: community.path,
      createdAt: now,
      updatedAt: now,
    };
    await tx.insert(COLLECTIONS.dualRegistrations, registration);
    return { registrationId: id, status: registration.status };
  });
}

/** An active member of the community, or the secretary of an organisation registered there, is registered. */
async function refuseIfRegistered(
  ports: PlatformPorts,
  openid: string,
  kind: DualRegistration['kind'],
  community: OrgUnit,
): Promise<void> {
  if (kind === 'party_member') {
    const members = await ports.db.find<PartyMember>(
      COLLECTIONS.partyMembers,
      { openid },
      { fields: ['orgPath', 'leftAt'], limit: 100 },
    );
    if (members.some((m) => m.orgPath === community.path && (m.leftAt ?? null) === null)) {
      throw partyError('PARTY_ALREADY_REGISTERED');
    }
    return;
  }
  const org = await ports.db.findOne<PartyOrg>(COLLECTIONS.partyOrgs, {
    orgPath: community.path,
    secretaryOpenid: openid,
  });
  if (org !== null) throw partyError('PARTY_ALREADY_REGISTERED');
}

/** What a confirmation needs read before its transaction: the request, its community and the member's org. */
async function loadForDecision(input: UseCaseInput, registrationId: string) {
  const { ports, actor } = input;
  const registration = await ports.db.get<DualRegistration>(COLLECTIONS.dualRegistrations, registrationId);
  const access = checkAccess(actor, 'party.register.confirm', { orgPath: registration?.orgPath ?? '' });
  // One who may confirm somewhere is told of another community's request as of a missing one (nothing
  // tells them it exists); one who may confirm nowhere is refused.
  if (!access.ok && access.refusal.code !== 'OUT_OF_SCOPE') throw refusalError(access.refusal);
  if (registration === null || !access.ok) throw partyError('PARTY_REGISTRATION_NOT_FOUND');
  const community = await communityOf(ports.db, registration.communityId);
  return { registration, community };
}

/** The organisation a confirmed member joins: the one they named, else the community's own. */
async function memberOrgId(ports: PlatformPorts, registration: DualRegistration, community: OrgUnit) {
  if (registration.partyOrgId !== undefined && registration.partyOrgId !== null) {
    return registration.partyOrgId;
  }
  const own = await ports.db.findOne<PartyOrg>(COLLECTIONS.partyOrgs, {
    orgPath: community.path,
    type: 'community',
  });
  if (own === null) throw partyError('PARTY_COMMUNITY_ORG_MISSING');
  return own._id;
}

function decisionMessage(
  config: PlatformConfig,
  registration: DualRegistration,
  community: OrgUnit,
  confirmed: boolean,
  now: number,
): SubscribeMessage {
  return {
    touser: registration.applicantOpenid,
    templateId: config.templates.partyRegistration,
    page: `${PARTY_REGISTER_PAGE}?registrationId=${encodeURIComponent(registration._id)}`,
    data: {
      thing1: { value: fitThing(registration.name) },
      phrase2: { value: confirmed ? PARTY_DECISION_PHRASES.confirmed : PARTY_DECISION_PHRASES.rejected },
      thing3: { value: fitThing(community.name) },
      time4: { value: formatShanghaiMinute(now) },
    },
  };
}

export async function confirmRegistration(input: UseCaseInput): Promise<PartyConfirmResult> {
  const { ports, actor } = input;
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  requireIdentity(actor);
  const command = parseCommand(dualRegistrationConfirmSchema, input.command);
  const { registration: seen, community } = await loadForDecision(input, command.registrationId);
  if (seen.status !== 'pending') throw partyError('PARTY_REGISTRATION_DECIDED');
  await screen(ports, actor.openid, [command.reason], 'comment', 'PARTY_REASON_RISKY');
  const joinsOrgId =
    command.approve && seen.kind === 'party_member' ? await memberOrgId(ports, seen, community) : null;
  const newId = command.approve ? ports.ids.next() : null;

  return runCommand(
    ports,
    actor,
    'party.register.confirm',
    command,
    async ({ tx, now, afterCommit, audit }) => {
      const registration = await tx.get<DualRegistration>(COLLECTIONS.dualRegistrations, seen._id);
      if (registration === null) throw partyError('PARTY_REGISTRATION_NOT_FOUND');
      if (registration.status !== 'pending') throw partyError('PARTY_REGISTRATION_DECIDED');
      let registrantId: string | null = null;
      if (command.approve) {
        registrantId = await createRegistrant(tx, registration, community, newId!, joinsOrgId, now);
        const partyOrgId = registration.kind === 'party_org' ? registrantId : joinsOrgId!;
        const grant = registrationGrant(registration.kind, community.path, partyOrgId);
        const user = await tx.get<User>(COLLECTIONS.users, registration.applicantOpenid);
        if (user === null) {
          const fresh: User = { ...newUser(registration.applicantOpenid, now), grants: [grant] };
          await tx.insert(COLLECTIONS.users, fresh);
        } else {
          await tx.update(COLLECTIONS.users, user._id, {
            grants: withGrant(user.grants, grant),
            updatedAt: now,
          });
        }
      }
      const status = command.approve ? ('confirmed' as const) : ('rejected' as const);
      await tx.update(COLLECTIONS.dualRegistrations, registration._id, {
        status,
        registrantId,
        decidedBy: actor.openid,
        decidedAt: now,
        reason: command.reason.length > 0 ? command.reason : null,
        updatedAt: now,
      });
      const message = decisionMessage(config, registration, community, command.approve, now);
      const stored = await enqueueMessages(tx, ports.ids, registration._id, [message], now);
      afterCommit(async () => void (await deliverMessages(ports.db, ports.notifier, stored, now)));
      audit({
        entityType: 'dual_registration',
        entityId: registration._id,
        orgPath: registration.orgPath,
        summary: `${command.approve ? '确认' : '不予确认'}双报到：${registration.name}`,
      });
      return { registrationId: registration._id, status, registrantId };
    },
  );
}

/** The party organisation or party member a confirmation makes; a named registered org counts the member. */
async function createRegistrant(
  tx: TransactionPort,
  registration: DualRegistration,
  community: OrgUnit,
  id: string,
  joinsOrgId: string | null,
  now: number,
): Promise<string> {
  if (registration.kind === 'party_org') {
    const org: PartyOrg = {
      _id: id,
      name: registration.name,
      type: registration.orgType ?? 'organ',
      rank: registration.rank ?? 'branch',
      orgUnitId: community._id,
      workUnit: registration.workUnit,
      secretaryName: registration.secretaryName ?? '',
      contactPhone: registration.contactPhone,
      memberCount: 0,
      registeredAt: now,
      secretaryOpenid: registration.applicantOpenid,
      declaredMemberCount: registration.memberCount ?? null,
      orgPath: community.path,
      createdAt: now,
      updatedAt: now,
    };
    await tx.insert(COLLECTIONS.partyOrgs, org);
    return id;
  }
  const org = await tx.get<PartyOrg>(COLLECTIONS.partyOrgs, joinsOrgId!);
  if (org === null || org.orgPath !== community.path) throw partyError('PARTY_ORG_NOT_FOUND');
  const member: PartyMember = {
    _id: id,
    openid: registration.applicantOpenid,
    name: registration.name,
    phone: registration.contactPhone,
    partyOrgId: org._id,
    memberType: 'in_service',
    workUnit: registration.workUnit,
    services: registration.services,
    registeredAt: now,
    serviceCount: 0,
    serviceMinutes: 0,
    leftAt: null,
    leftBy: null,
    leftReason: null,
    orgPath: community.path,
    createdAt: now,
    updatedAt: now,
  };
  await tx.insert(COLLECTIONS.partyMembers, member);
  if (countsRegisteredMembers(org)) {
    await tx.update(COLLECTIONS.partyOrgs, org._id, { memberCount: org.memberCount + 1, updatedAt: now });
  }
  return id;
}

export async function leaveParty(input: UseCaseInput): Promise<PartyLeaveResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const command = parseCommand(partyMemberLeaveSchema, input.command);
  const seen = await ports.db.get<PartyMember>(COLLECTIONS.partyMembers, command.memberId);
  const access = checkAccess(actor, 'party.member.leave', {
    orgPath: seen?.orgPath ?? '',
    ...(seen?.openid ? { ownerOpenid: seen.openid } : {}),
  });
  // Another community's member answers as a missing one.
  if (!access.ok && access.refusal.code !== 'OUT_OF_SCOPE') throw refusalError(access.refusal);
  if (seen === null || !access.ok) throw partyError('PARTY_MEMBER_NOT_FOUND');
  await screen(ports, actor.openid, [command.reason], 'comment', 'PARTY_REASON_RISKY');

  return runCommand(ports, actor, 'party.member.leave', command, async ({ tx, now, audit }) => {
    const member = await tx.get<PartyMember>(COLLECTIONS.partyMembers, seen._id);
    if (member === null) throw partyError('PARTY_MEMBER_NOT_FOUND');
    if ((member.leftAt ?? null) !== null) throw partyError('PARTY_MEMBER_LEFT');
    await tx.update(COLLECTIONS.partyMembers, member._id, {
      leftAt: now,
      leftBy: actor.openid,
      leftReason: command.reason.length > 0 ? command.reason : null,
      updatedAt: now,
    });
    if (member.openid !== null) {
      const user = await tx.get<User>(COLLECTIONS.users, member.openid);
      if (user !== null) {
        const grant = registrationGrant('party_member', member.orgPath, member.partyOrgId);
        await tx.update(COLLECTIONS.users, user._id, {
          grants: withoutGrant(user.grants, grant),
          updatedAt: now,
        });
      }
    }
    const org = await tx.get<PartyOrg>(COLLECTIONS.partyOrgs, member.partyOrgId);
    if (org !== null && countsRegisteredMembers(org) && org.memberCount > 0) {
      await tx.update(COLLECTIONS.partyOrgs, org._id, { memberCount: org.memberCount - 1, updatedAt: now });
    }
    audit({
      entityType: 'party_member',
      entityId: member._id,
      orgPath: member.orgPath,
      summary: `${member.openid === actor.openid ? '退出' : '移出'}双报到：${member.name}`,
    });
    return { memberId: member._id, leftAt: now };
  });
}
