/**
 * The signed-in worker as the console shows them (`ConsoleSessionReply`): name, roles and units, the menu
 * their roles open, the session's CSRF token and when it ends.
 */
import { listScope } from '../auth/list-scope';
import { ROLE_LABELS, type Actor } from '../auth/roles';
import type { DatabasePort } from '../kernel/database.port';
import type { PlatformConfig } from '../kernel/platform.config';
import { COLLECTIONS } from '../model/collections.model';
import type { ConsoleAccount, ConsoleSession } from '../model/console.model';
import type { User } from '../model/user.model';
import { consoleGrants } from './console-grants';
import {
  CLOSED_MENU,
  type ConsoleLink,
  type ConsoleMenu,
  type ConsoleRoleView,
  type ConsoleSessionReply,
} from './console.replies';
import { unitAt } from './console-units';

const MINUTE_MS = 60_000;

export function consoleMenu(actor: Actor): ConsoleMenu {
  const opens = (action: Parameters<typeof listScope>[1]) => listScope(actor, action).ok;
  return {
    workbench: opens('order.view') || opens('dashboard.view'),
    orders: opens('order.view'),
    residents: opens('order.place_for_resident'),
    providers: opens('provider.records.view'),
    catalog: opens('catalog.manage'),
    dashboard: opens('dashboard.view'),
    ledgers: opens('ledger.export'),
    people: opens('user.role.manage') || opens('console.account.manage'),
    places: opens('org.manage'),
    audit: opens('console.audit.view'),
    concerns: opens('concern.view'),
    jointMeetings: opens('joint_meeting.take'),
    applications: opens('provider.review') || opens('provider.assess'),
    evaluations: opens('provider.evaluate'),
    complaints: opens('complaint.handle') || opens('feedback.ticket.view'),
    reports: opens('provider.report.view'),
    volunteers: opens('activity.manage'),
    announcements: opens('announcement.manage'),
    party: opens('party.registration.view'),
    teams: opens('team.supervise'),
    funds: opens('fund.view'),
    stations: opens('station.view'),
  };
}

export interface SessionViewInput {
  readonly db: DatabasePort;
  readonly config: PlatformConfig;
  readonly actor: Actor;
  readonly account: ConsoleAccount;
  readonly session: ConsoleSession;
  readonly localTools: readonly ConsoleLink[];
}

export async function sessionReply(input: SessionViewInput): Promise<ConsoleSessionReply> {
  const { db, actor, account, session, config } = input;
  const user = await db.get<User>(COLLECTIONS.users, account.openid);
  const roles: ConsoleRoleView[] = await Promise.all(
    consoleGrants(actor).map(async (grant) => ({
      role: grant.role,
      roleLabel: ROLE_LABELS[grant.role],
      unit: grant.role === 'system_admin' ? null : await unitAt(db, grant.orgPath),
    })),
  );
  const restricted = session.mustChangePassword;
  return {
    loginName: account._id,
    name: user?.realName ?? user?.nickname ?? account._id,
    roles,
    unit: roles[0]?.unit ?? null,
    csrfToken: session.csrfToken,
    mustChangePassword: restricted,
    expiresAt: session.expiresAt,
    idleExpiresAt: Math.min(
      session.expiresAt,
      session.lastSeenAt + config.console.sessionIdleMinutes * MINUTE_MS,
    ),
    menu: restricted ? CLOSED_MENU : consoleMenu(actor),
    localTools: restricted ? [] : input.localTools,
  };
}
