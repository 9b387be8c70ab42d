/**
 * Which action of the permission matrix (core/auth/permissions.matrix.ts) each command a function routes
 * asks for, and for which roles: what tests/functions/permission-matrix.functions.test.ts generates its rows
 * from. The test holds this table to the functions' own route tables (support/function-routes.ts): a
 * command a function starts routing fails it until its line is here, and the actions no routed command
 * asks for must be exactly `ACTIONS_NOT_ROUTED`, so the day a function routes one, the test demands its rows.
 */
import type { Action } from '../../../core/auth/actions';
import type { Role } from '../../../core/auth/roles';

export interface CommandPermission {
  /** The action the command's use case authorizes. */
  readonly action: Action;
  /**
   * The roles the command offers the action to (the use case's `authorize(..., { roles })`); absent: every
   * role the matrix allows. A role the matrix allows but the command does not offer (a worker's
   * `privacy.request.view`, which the admin console will use) is a row like any role the matrix refuses.
   */
  readonly roles?: readonly Role[];
  /**
   * A second action that also lets a caller through (the use case asks `can(alsoBy)` before the action):
   * a role the matrix allows only for it is answered as allowed.
   */
  readonly alsoBy?: Action;
}

/**
 * Every command the functions route -> its permission; `null` for a command that needs none because it
 * reads the caller's own record by identity alone (`profile.get`).
 */
export const COMMAND_PERMISSIONS: Readonly<Record<string, CommandPermission | null>> = {
  'profile.get': null,
  'profile.bind': { action: 'profile.bind', roles: ['resident'] },
  'profile.phone.set': { action: 'profile.phone.set', roles: ['resident'] },
  'profile.phone.withdraw': { action: 'profile.phone.withdraw', roles: ['resident'] },
  'profile.export': { action: 'profile.export', roles: ['resident'] },
  'profile.delete': { action: 'profile.delete', roles: ['resident'] },
  'privacy.request.submit': { action: 'privacy.request.submit', roles: ['resident'] },
  // The caller's own requests; the workers' view of their unit's requests is the admin console's.
  'privacy.request.list': { action: 'privacy.request.view', roles: ['resident'] },
  // The caller's own notices in the message centre (每个人的消息中心).
  'message.list': { action: 'message.view' },
  'message.read': { action: 'message.read' },

  'catalog.list': { action: 'catalog.read' },
  'org.children': { action: 'catalog.read' },

  'match.request': { action: 'match.request', roles: ['resident'] },
  'order.create': { action: 'order.create', roles: ['resident'] },
  'order.cancel': { action: 'order.cancel' },
  'order.accept': { action: 'order.accept' },
  'order.decline': { action: 'order.decline' },
  'order.done': { action: 'order.done' },
  'order.follow_up': { action: 'order.follow_up' },
  'order.rate': { action: 'order.rate', roles: ['resident'] },
  'order.detail': { action: 'order.view' },
  // `as: 'resident'` lists the caller's own orders, `as: 'provider_staff'` their provider's jobs.
  'order.list': { action: 'order.view', roles: ['resident', 'provider_staff'] },

  'provider.staff.invite': { action: 'provider.staff.manage' },
  'provider.staff.bind': { action: 'provider.staff.bind' },

  'moderation.list': { action: 'moderation.view' },
  'moderation.decide': { action: 'moderation.decide' },

  'concern.submit': { action: 'concern.submit' },
  'concern.similar': { action: 'concern.submit' },
  'concern.support': { action: 'concern.support', roles: ['resident'] },
  'concern.withdraw': { action: 'concern.withdraw' },
  'concern.review': { action: 'concern.review' },
  'concern.publish': { action: 'concern.publish' },
  'concern.claim': { action: 'concern.claim' },
  'concern.release': { action: 'concern.release' },
  'concern.update': { action: 'concern.update' },
  'concern.resolve': { action: 'concern.resolve' },
  'concern.confirm': { action: 'concern.confirm' },
  // A person pushes by hand; the system's pushes are the timer's (concern-timers).
  'concern.escalate': { action: 'concern.escalate', roles: ['worker', 'leader'] },
  'concern.refer': { action: 'concern.refer' },
  'concern.list': { action: 'concern.view' },
  'concern.detail': { action: 'concern.view' },
  'joint_meeting.take': { action: 'joint_meeting.take' },
  'joint_meeting.task.add': { action: 'joint_meeting.manage' },
  'joint_meeting.task.done': { action: 'joint_meeting.manage' },
  'joint_meeting.minutes': { action: 'joint_meeting.manage' },

  // providers: the application (入驻申请), its review, the public notice (公示) and the agreement.
  // The applicant for themselves; a worker or leader of the unit enters a paper form (纸质申请).
  'provider.apply': { action: 'provider.apply' },
  'provider.application.mine': { action: 'provider.application.view', roles: ['resident'] },
  'provider.application.list': {
    action: 'provider.application.view',
    roles: ['worker', 'leader', 'industry_regulator'],
  },
  'provider.application.detail': { action: 'provider.application.view' },
  'provider.application.assess': { action: 'provider.assess' },
  // Its rows start the review (applied -> under_review); publishing the notice is provider.notice, the
  // leader's step of the same command (checked inside it, provider-applications.functions.test.ts).
  'provider.application.decide': { action: 'provider.review' },
  'provider.application.withdraw': { action: 'provider.withdraw' },
  'provider.notice.list': { action: 'provider.view' },
  'provider.application.object': { action: 'provider.object', roles: ['resident'] },
  'provider.objection.answer': { action: 'provider.objection.answer' },
  'provider.application.sign': { action: 'provider.sign' },
  // The provider's offerings: any of its staff (and the unit's workers and leaders) read them; its manager (or
  // the unit's worker) keeps them.
  'provider.offering.list': { action: 'offering.view' },
  'provider.offering.save': { action: 'offering.manage' },
  'provider.offering.review': { action: 'offering.review' },
  'feedback.ticket.list': { action: 'feedback.ticket.view' },
  'feedback.ticket.contact': { action: 'feedback.ticket.handle' },
  'feedback.ticket.resolve': { action: 'feedback.ticket.handle' },
  'rating.rerate': { action: 'rating.rerate', roles: ['resident'] },
  'rating.appeal': { action: 'rating.appeal' },
  'rating.appeal.decide': { action: 'rating.appeal.decide' },
  // Its rows read the unit's view (the deciders'); the provider's own view is rating.appeal's.
  'rating.appeal.list': { action: 'rating.appeal.decide' },
  'complaint.submit': { action: 'complaint.submit', roles: ['resident'] },
  'complaint.decide': { action: 'complaint.handle' },
  // A resident's own (`mine`) or a unit's (`unit`: workers, leaders, regulators of the industry); the
  // provider manager's complaint.view has no view of this command.
  'complaint.list': { action: 'complaint.view' },
  'evaluation.campaign.start': { action: 'provider.evaluate' },
  'evaluation.list': { action: 'provider.evaluate' },
  'evaluation.detail': { action: 'provider.evaluate' },
  'evaluation.input': { action: 'provider.evaluate' },
  'provider.evaluate': { action: 'provider.evaluate' },
  'provider.recheck': { action: 'provider.rectify' },
  'provider.remove': { action: 'provider.blacklist' },
  'provider.report.list': { action: 'provider.report.view' },
  'provider.report.document': { action: 'provider.report.view' },
  'provider.board': { action: 'provider.view' },
  'provider.standing': { action: 'provider.standing.view' },

  // volunteers: activities, sign-up, check-in, hours, records (docs/volunteers.md).
  // Volunteer teams (微团队): the workers' and secretaries' forming, the leader's membership steps, a person's own
  // joining and leaving, public reads.
  'team.save': { action: 'team.manage' },
  'team.leader.set': { action: 'team.supervise' },
  'team.deactivate': { action: 'team.supervise' },
  'team.invite': { action: 'team.lead' },
  'team.application.decide': { action: 'team.lead' },
  'team.member.remove': { action: 'team.lead' },
  'team.join': { action: 'team.join', roles: ['resident'] },
  'team.leave': { action: 'team.join', roles: ['resident'] },
  'team.list': { action: 'team.view' },
  'team.detail': { action: 'team.view' },
  'team.mine': { action: 'team.view' },
  'activity.save': { action: 'activity.manage' },
  'activity.cancel': { action: 'activity.manage' },
  'activity.checkin.code': { action: 'activity.manage' },
  'activity.attendance': { action: 'activity.manage' },
  'activity.list': { action: 'activity.view' },
  'activity.detail': { action: 'activity.view' },
  'volunteer.ranking': { action: 'activity.view' },
  // `as: 'resident'` offers it to residents, `as: 'volunteer'` to volunteers and party members.
  'activity.signup': { action: 'activity.signup' },
  'activity.signup.cancel': { action: 'activity.signup' },
  'activity.checkin': { action: 'activity.checkin' },
  'activity.rate': { action: 'activity.rate', roles: ['resident'] },
  'activity.hours.confirm': { action: 'volunteer.hours.confirm' },
  'volunteer.me': { action: 'volunteer.record.view', roles: ['volunteer', 'party_member'] },
  'volunteer.certificate': { action: 'volunteer.record.view', roles: ['volunteer', 'party_member'] },
  // Training, awards and evaluations: a worker or leader of the volunteer's unit, the leader of their team.
  'volunteer.record.add': { action: 'volunteer.record.add' },
  // announcements: the residents' reads (信息发布); the workers write in the console (admin-api).
  'announcement.list': { action: 'announcement.view' },
  'announcement.detail': { action: 'announcement.view' },
  // party: 双报到 (docs/party.md). Anyone applies for themselves (as a resident, or a party member of another
  // community); the community's workers and leaders list and decide; the roster is the community's.
  'party.register': { action: 'party.register', roles: ['resident', 'party_member'] },
  'party.register.confirm': { action: 'party.register.confirm' },
  'party.registrations.list': { action: 'party.registration.view' },
  // The caller's own registrations, by identity alone.
  'party.mine': null,
  // The registered organisations a member may name, to whoever may apply.
  'party.orgs': { action: 'party.register', roles: ['resident', 'party_member'] },
  'party.roster': { action: 'party.roster.view' },
  'party.member.leave': { action: 'party.member.leave' },
};

/**
 * Routed commands whose rows are not generated by the matrix test, and where their refusals are walked instead.
 * `concern.support`'s `own` is the caller's own voice, not the concern: whether the concern is one of the
 * caller's community is the use case's rule, which its own test holds.
 */
export const ROWS_IN_THEIR_OWN_TEST: Readonly<Record<string, readonly string[]>> = {
  // Teams (微团队): volunteer-teams.functions.test.ts walks every role through the managing commands (refused
  // roles PERMISSION_DENIED, allowed ones out of scope answered like a missing team), and a person's own joining,
  // leaving and the public reads, which every caller may do (each is a resident).
  'tests/functions/volunteer-teams.functions.test.ts': [
    'team.save',
    'team.leader.set',
    'team.deactivate',
    'team.invite',
    'team.application.decide',
    'team.member.remove',
    'team.join',
    'team.leave',
    'team.list',
    'team.detail',
    'team.mine',
  ],
  'tests/functions/concerns.functions.test.ts': ['concern.support'],
  // Everyone reads the notices of their own branch (the use case's rule, not a scope of the matrix): the
  // announcements' test walks every role through both, and the workers' `view: 'unit'` of the list.
  'tests/functions/announcements.functions.test.ts': ['announcement.list', 'announcement.detail'],
  // 双报到's records (a request, a member, a community's roster): party.functions.test.ts walks every role.
  'tests/functions/party.functions.test.ts': [
    'party.register',
    'party.register.confirm',
    'party.registrations.list',
    'party.roster',
    'party.member.leave',
    'party.orgs',
  ],
};

/** The matrix's actions no routed command asks for, and why. */
export const ACTIONS_NOT_ROUTED: Readonly<Record<string, readonly Action[]>> = {
  // Checked inside order.detail (the phone is masked or shown); phone-masking.functions.test.ts covers it.
  // provider.notice: provider.application.decide's step to the notice (the leader's; its rows ask
  // provider.review), walked by provider-applications.functions.test.ts.
  'checked inside a routed command, not a command of its own': [
    'resident.phone.view',
    // Inside activity.attendance (full phones or masked).
    'volunteer.phone.view',
    // Inside party.roster (full phones or masked).
    'party.phone.view',
    'concern.browse',
    'provider.notice',
  ],
  // The system's own steps, run by order-timers (order-lifecycle.functions.test.ts), never by a caller.
  'the timers’ steps': ['order.expire', 'order.close', 'concern.close'],
  'the admin console and capabilities still to come': [
    'privacy.request.handle',
    'order.place_for_resident',
    'order.urgent.handle',
    'catalog.manage',
    'provider.profile.update',
    'provider.suspend',
    'provider.reinstate',
    'provider.exit',
    'volunteer.service.log',
    'ledger.export',
    'dashboard.view',
    'user.role.manage',
    'org.manage',
  ],
  // Asked by admin-api, the console's HTTP function (no callFunction commands): tests/console covers them.
  'the workers’ console (admin-api)': [
    'console.sign_in',
    'console.account.manage',
    'console.audit.view',
    'provider.records.view',
    // The funding ledger (funds.console.test.ts walks who records and who reads).
    'fund.record',
    'fund.view',
    'station.manage',
    'station.inspect',
    'station.demonstrate',
    'station.view',
    'file.upload',
    'file.view',
    // announcement.list's `view: 'unit'` asks it too (announcements.functions.test.ts walks the roles).
    'announcement.manage',
  ],
};
