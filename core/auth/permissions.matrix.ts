/**
 * THE authorization matrix: role x action x scope rule. Every cloud function, the admin page and the
 * life cycles check permissions through `authorize()`, which reads only this table. docs/permissions.md
 * is generated from it (a test keeps the two equal).
 */
import type { Action } from './actions';
import type { Position, Role } from './roles';

/**
 * How a grant must relate to the target record.
 * - `any`: no condition (public reads, the system's timers, platform administration).
 * - `own`: the record is the actor's own (`target.ownerOpenid === actor.openid`).
 * - `provider`: the record belongs to the grant's provider (`target.providerId === grant.providerId`).
 * - `team`: the record belongs to the grant's volunteer team (`target.teamId === grant.teamId`).
 * - `unit`: the record lies within the grant's org unit (`target.orgPath.startsWith(grant.orgPath)`).
 * - `branch`: the record and the grant's unit are on one branch of the tree (either path is a prefix of
 *   the other): a party member registered in a community may claim that community's concerns and the
 *   concerns pushed up to its street, county or city, but not a neighbouring community's.
 * - `assigned`: the actor (or their team, or their party organisation) claimed the record.
 * - `industry`: `unit`, and the record concerns the grant's industry (`target.industries` holds
 *   `grant.industry`): an industry regulator reviews and oversees only the providers of its industry in its
 *   area. A grant without an industry acts for every industry of its unit.
 */
export const SCOPES = ['any', 'own', 'provider', 'team', 'unit', 'branch', 'assigned', 'industry'] as const;
export type Scope = (typeof SCOPES)[number];

export const SCOPE_LABELS: Readonly<Record<Scope, string>> = {
  any: '不限',
  own: '本人的记录',
  provider: '本机构的记录',
  team: '本队的记录',
  unit: '本级及下级单位的记录',
  branch: '所在社区及其上级推送的记录',
  assigned: '本人/本队/本党组织认领的记录',
  industry: '本级及下级单位、本行业的记录',
};

/** One cell of the matrix: the scope rule, and optionally the positions the grant must hold. */
export interface PermissionRule {
  readonly scope: Scope;
  readonly positions?: readonly Position[];
}

export type PermissionMatrix = Readonly<Record<Action, Readonly<Partial<Record<Role, PermissionRule>>>>>;

const any: PermissionRule = { scope: 'any' };
const own: PermissionRule = { scope: 'own' };
const unit: PermissionRule = { scope: 'unit' };
const branch: PermissionRule = { scope: 'branch' };
const assigned: PermissionRule = { scope: 'assigned' };
const industry: PermissionRule = { scope: 'industry' };
const provider: PermissionRule = { scope: 'provider' };
const providerManager: PermissionRule = { scope: 'provider', positions: ['manager'] };
const team: PermissionRule = { scope: 'team' };
const teamLeader: PermissionRule = { scope: 'team', positions: ['leader'] };
const branchTeamLeader: PermissionRule = { scope: 'branch', positions: ['leader'] };

/** Every human role may do it, whatever the record (public information). */
const everyone: Partial<Record<Role, PermissionRule>> = {
  resident: any,
  provider_staff: any,
  party_member: any,
  volunteer: any,
  worker: any,
  leader: any,
  industry_regulator: any,
  joint_meeting_office: any,
  system_admin: any,
};

/** Every human role, each for their own records only (the message centre). */
const everyoneOwn: Partial<Record<Role, PermissionRule>> = {
  resident: own,
  provider_staff: own,
  party_member: own,
  volunteer: own,
  worker: own,
  leader: own,
  industry_regulator: own,
  joint_meeting_office: own,
  system_admin: own,
};

/** Those who handle a claimed concern, as used by update and resolve. */
const concernHandlers: Partial<Record<Role, PermissionRule>> = {
  party_member: assigned,
  volunteer: assigned,
  worker: unit,
  leader: unit,
  joint_meeting_office: unit,
};

export const PERMISSION_MATRIX: PermissionMatrix = {
  'profile.bind': { resident: own },
  'profile.phone.set': { resident: own },
  'profile.export': { resident: own },
  'profile.phone.withdraw': { resident: own },
  'profile.delete': { resident: own },
  // A resident's requests about their data are decided by the workers of the unit they concern.
  'privacy.request.submit': { resident: own },
  'privacy.request.view': { resident: own, worker: unit, leader: unit },
  'privacy.request.handle': { worker: unit, leader: unit },
  // Everyone's own notices, in the mini-program and the console alike.
  'message.view': everyoneOwn,
  'message.read': everyoneOwn,

  'catalog.read': everyone,
  'catalog.manage': { worker: unit, leader: unit, system_admin: any },

  'provider.view': everyone,
  // An application is owned by the person who files it; the target unit is where they apply. A worker or
  // leader of the unit enters a paper form (纸质申请) for an applicant, and only that.
  'provider.apply': { resident: any, worker: unit, leader: unit },
  'provider.withdraw': { resident: own },
  'provider.object': { resident: any },
  'provider.review': { worker: unit, leader: unit },
  // The incubation centre (the unit's workers) and the regulator of each item's industry assess together,
  // each with comments and a score sheet; the unit moves the application on (provider.review, .notice).
  'provider.assess': { worker: unit, leader: unit, industry_regulator: industry },
  'provider.notice': { leader: unit },
  // The applicant signs in the mini-program; a worker records a paper agreement.
  'provider.sign': { resident: own, worker: unit, leader: unit },
  // The documents and the legal representative's details are for the applicant and the reviewers only.
  'provider.application.view': { resident: own, worker: unit, leader: unit, industry_regulator: industry },
  'provider.objection.answer': { worker: unit, leader: unit },

  'provider.profile.update': { provider_staff: providerManager, worker: unit },
  'provider.staff.manage': { provider_staff: providerManager },
  // The invite code itself proves the link to the provider; the command is checked against the code.
  'provider.staff.bind': { resident: any },
  // Any of the provider's staff may read its offerings (what they may quote); only its manager keeps them.
  'offering.view': { provider_staff: provider, worker: unit, leader: unit },
  'offering.manage': { provider_staff: providerManager, worker: unit },
  // A new item of an active provider is seen by residents once the unit's worker has looked at it.
  'offering.review': { worker: unit, leader: unit },
  'provider.evaluate': { worker: unit, leader: unit, industry_regulator: industry },
  'provider.rectify': { leader: unit, industry_regulator: industry },
  'provider.suspend': { leader: unit, industry_regulator: industry },
  'provider.reinstate': { leader: unit, industry_regulator: industry },
  'provider.blacklist': { leader: unit, industry_regulator: industry },
  'provider.exit': { provider_staff: providerManager, leader: unit },
  // The removal reports (报市、县两级监管部门备案) are read by the regulators of the area, whatever the industry.
  'provider.report.view': { worker: unit, leader: unit, industry_regulator: unit, system_admin: any },
  'provider.standing.view': { provider_staff: provider },

  'match.request': { resident: own },
  'order.create': { resident: own },
  'order.cancel': { resident: own, provider_staff: provider },
  'order.accept': { provider_staff: provider },
  'order.decline': { provider_staff: provider },
  'order.expire': { system: any },
  'order.done': { provider_staff: provider },
  'order.follow_up': { provider_staff: provider },
  'order.rate': { resident: own },
  'order.close': { system: any },
  'order.view': {
    resident: own,
    provider_staff: provider,
    worker: unit,
    leader: unit,
    industry_regulator: unit,
    system_admin: any,
  },
  // Scope only: the order use case also masks the number until acceptance and after closing.
  'resident.phone.view': { resident: own, provider_staff: provider, worker: unit },
  'order.place_for_resident': { worker: unit },
  'order.urgent.handle': { worker: unit, leader: unit },
  'complaint.submit': { resident: own },
  'complaint.handle': { worker: unit, leader: unit, industry_regulator: industry },
  'complaint.view': {
    resident: own,
    provider_staff: providerManager,
    worker: unit,
    leader: unit,
    industry_regulator: industry,
  },
  // 差评 follow-up: the provider's manager handles the ticket; the unit's workers watch its clock and decide
  // appeals, never the provider.
  'feedback.ticket.view': { provider_staff: providerManager, worker: unit, leader: unit },
  'feedback.ticket.handle': { provider_staff: providerManager },
  'rating.rerate': { resident: own },
  'rating.appeal': { provider_staff: providerManager },
  'rating.appeal.decide': { worker: unit, leader: unit },
  // Texts WeChat's content check held for review, and ratings held for a look: the unit's workers decide.
  'moderation.view': { worker: unit, leader: unit },
  'moderation.decide': { worker: unit, leader: unit },

  // A worker may submit, withdraw and confirm on behalf of a resident of their unit (e.g. an elder without a phone).
  'concern.submit': { resident: own, worker: unit },
  'concern.withdraw': { resident: own, worker: unit },
  'concern.browse': everyone,
  'concern.view': {
    resident: own,
    party_member: assigned,
    volunteer: assigned,
    worker: unit,
    leader: unit,
    joint_meeting_office: unit,
  },
  'concern.review': { leader: unit },
  'concern.publish': { worker: unit, leader: unit },
  // Volunteer teams claim through their leader; a worker or leader claims for their unit.
  'concern.claim': { party_member: branch, volunteer: branchTeamLeader, worker: unit, leader: unit },
  'concern.release': {
    party_member: assigned,
    volunteer: { scope: 'assigned', positions: ['leader'] },
    worker: unit,
    leader: unit,
  },
  'concern.update': concernHandlers,
  'concern.resolve': concernHandlers,
  'concern.confirm': { resident: own, worker: unit },
  'concern.escalate': { worker: unit, leader: unit, system: any },
  'concern.refer': { worker: unit, leader: unit },
  'concern.close': { worker: unit, leader: unit, system: any },
  'joint_meeting.take': { joint_meeting_office: unit },
  'joint_meeting.manage': { joint_meeting_office: unit },
  // A resident adds their voice to an open concern of their own community (the use case checks the community).
  'concern.support': { resident: own },

  'party.register': { resident: own, party_member: own, volunteer: teamLeader },
  'party.register.confirm': { worker: unit, leader: unit },
  // 双报到 (docs/party.md): the community's workers and leaders see its requests and its roster; a registered
  // party member sees their community's roster, phones masked but to the workers and leaders and, for their
  // own organisation's members (the record "belongs" to the organisation: `assigned`), its secretary. A member
  // leaves for themselves; a worker or leader removes one of their unit.
  'party.registration.view': { worker: unit, leader: unit },
  'party.roster.view': { party_member: unit, worker: unit, leader: unit },
  'party.phone.view': {
    party_member: { scope: 'assigned', positions: ['secretary'] },
    worker: unit,
    leader: unit,
  },
  'party.member.leave': { party_member: own, worker: unit, leader: unit },
  // Teams: a community's workers and leaders, or the secretary of a party organisation registered with it, form
  // a team (its leader edits it); the workers set the leader and deactivate; the leader (or the workers) invites,
  // decides applications and removes members; anyone joins or leaves for themselves (the use case checks the
  // community for an application); teams are public.
  'team.manage': {
    party_member: { scope: 'unit', positions: ['secretary'] },
    volunteer: teamLeader,
    worker: unit,
    leader: unit,
  },
  'team.supervise': { worker: unit, leader: unit },
  'team.lead': { volunteer: teamLeader, worker: unit, leader: unit },
  'team.join': { resident: own },
  'team.view': everyone,
  'volunteer.service.log': { party_member: own, volunteer: team, worker: unit },
  // Activities: a team's leader organises the team's, the unit's workers and leaders the unit's; a person signs
  // up, checks in and rates for themselves (the use case checks their community); hours are confirmed by the
  // organising team's leader or the unit's workers; phones only to those who organise.
  'activity.manage': { volunteer: teamLeader, worker: unit, leader: unit },
  'activity.view': everyone,
  'activity.signup': { resident: own, volunteer: own, party_member: own },
  'activity.checkin': { resident: own, volunteer: own, party_member: own },
  'activity.rate': { resident: own },
  'volunteer.hours.confirm': { volunteer: teamLeader, worker: unit },
  'volunteer.phone.view': { volunteer: teamLeader, worker: unit, leader: unit },
  'volunteer.record.view': { volunteer: own, party_member: own, worker: unit, leader: unit },
  // Training, awards and evaluations: the unit's workers and leaders for its volunteers, a team's leader for
  // the team's members (docs/volunteers.md "Records kept by the unit").
  'volunteer.record.add': { volunteer: teamLeader, worker: unit, leader: unit },

  // Stations: the unit's workers and leaders keep them; inspections are a street's (or a higher unit's) and
  // naming a 示范点 a county's or the city's: those levels are the use case's rule (core/stations).
  'station.manage': { worker: unit, leader: unit },
  'station.inspect': { worker: unit, leader: unit },
  'station.demonstrate': { worker: unit, leader: unit },
  'station.view': { worker: unit, leader: unit, system_admin: any },
  // A console upload belongs to a unit of the uploader's scope (its path says which: core/files).
  'file.upload': { worker: unit, leader: unit },
  'file.view': { worker: unit, leader: unit, system_admin: any },
  // Notices: the workers and leaders of a unit publish to it and every unit below; everyone reads those of
  // their own branch (the use case checks the reader's grid or community and the window).
  'announcement.manage': { worker: unit, leader: unit },
  'announcement.view': everyone,
  'ledger.export': {
    worker: unit,
    leader: unit,
    industry_regulator: unit,
    joint_meeting_office: unit,
    system_admin: any,
  },
  'fund.record': { worker: unit, leader: unit },
  'fund.view': { worker: unit, leader: unit, system_admin: any },
  'dashboard.view': {
    worker: unit,
    leader: unit,
    industry_regulator: unit,
    joint_meeting_office: unit,
    system_admin: any,
  },
  // Grants and the org tree are kept within the maker's unit, strictly below their own level
  // (core/console/role-grant.policy.ts, core/org/org-tree.usecase.ts).
  'user.role.manage': { worker: unit, leader: unit, system_admin: any },
  'org.manage': { worker: unit, leader: unit, system_admin: any },

  // The console: who may hold an account and sign in (their grant's unit is where they work); accounts are
  // made by a worker or leader for people strictly below them (core/console/account.policy.ts); the audit
  // log is read by the unit's leaders and above.
  'console.sign_in': {
    worker: unit,
    leader: unit,
    industry_regulator: unit,
    joint_meeting_office: unit,
    system_admin: any,
  },
  'console.account.manage': { worker: unit, leader: unit, system_admin: any },
  'console.audit.view': { leader: unit, system_admin: any },
  // What residents see of a provider is public (provider.view); its orders, all its ratings and how its score
  // is made up are for the units that oversee it (the provider's own unit and above).
  'provider.records.view': { worker: unit, leader: unit, industry_regulator: unit, system_admin: any },
};
