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
};

/** The matrix's actions no routed command asks for, and why. */
export const ACTIONS_NOT_ROUTED: Readonly<Record<string, readonly Action[]>> = {
  // Checked inside order.detail (the phone is masked or shown); phone-masking.functions.test.ts covers it.
  'checked inside a routed command, not a command of its own': ['resident.phone.view'],
  // The system's own steps, run by order-timers (order-lifecycle.functions.test.ts), never by a caller.
  'the timers’ steps': ['order.expire', 'order.close'],
  'the admin console and capabilities still to come': [
    'privacy.request.handle',
    'order.place_for_resident',
    'order.urgent.handle',
    'catalog.manage',
    'provider.view',
    'provider.apply',
    'provider.withdraw',
    'provider.object',
    'provider.review',
    'provider.notice',
    'provider.sign',
    'provider.profile.update',
    'offering.manage',
    'provider.evaluate',
    'provider.rectify',
    'provider.suspend',
    'provider.reinstate',
    'provider.blacklist',
    'provider.exit',
    'complaint.submit',
    'complaint.handle',
    'concern.submit',
    'concern.withdraw',
    'concern.browse',
    'concern.view',
    'concern.review',
    'concern.publish',
    'concern.claim',
    'concern.release',
    'concern.update',
    'concern.resolve',
    'concern.confirm',
    'concern.escalate',
    'concern.refer',
    'concern.close',
    'joint_meeting.take',
    'party.register',
    'party.register.confirm',
    'volunteer_team.manage',
    'volunteer.service.log',
    'station.checklist.update',
    'ledger.export',
    'fund.record',
    'fund.view',
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
  ],
};
