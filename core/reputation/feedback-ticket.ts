/**
 * The 差评 follow-up rule (docs/governance.md): a rating of at most `governance.lowRatingAtMost` stars opens a
 * `feedback_tickets` record in the rating's own transaction (order.rate calls `openFeedbackTicket`). The
 * provider's manager contacts the resident within `ticketContactWorkingDays` working days and fixes or
 * explains within `ticketFixWorkingDays` (core/kernel/working-days.ts: Monday to Friday, Asia/Shanghai,
 * public holidays not known yet). The manager and the unit's workers are told (TPL_FEEDBACK_TODO).
 *
 * A held rating (its stars waiting for a worker, decision 0013) opens its ticket all the same: the ticket is
 * about what the resident experienced, not about the score; the ticket says so (`starsHeld`).
 */
import type { Role } from '../auth/roles';
import { COLLECTIONS } from '../model/collections.model';
import type { FeedbackTicket } from '../model/feedback.model';
import type { Order, Rating } from '../model/order.model';
import type { User } from '../model/user.model';
import type { DatabasePort, TransactionPort } from '../kernel/database.port';
import type { SubscribeMessage } from '../kernel/notifier.port';
import type { PlatformConfig } from '../kernel/platform.config';
import { formatShanghaiMinute } from '../kernel/shanghai-time';
import { addWorkingDays } from '../kernel/working-days';
import { fitThing } from '../messaging/template-values';
import { ancestorPaths, levelOfPath } from '../org/org-path';
import { isLowRating } from './rating-levels';

/** One ticket per rating. */
export function feedbackTicketIdOf(ratingId: string): string {
  return `ft-${ratingId}`;
}

/** The short words of TPL_FEEDBACK_TODO's `phrase2` (at most five characters). */
export const FEEDBACK_TODO_PHRASES = {
  opened: '差评待联系',
  contactOverdue: '联系已逾期',
  fixOverdue: '整改已逾期',
  appeal: '评价待裁定',
  complaint: '投诉待核实',
} as const;
export type FeedbackTodoPhrase = (typeof FEEDBACK_TODO_PHRASES)[keyof typeof FEEDBACK_TODO_PHRASES];

/** The ticket a rating opens, or null when its stars are not a 差评. */
export function newFeedbackTicket(
  rating: Pick<
    Rating,
    '_id' | 'orderId' | 'providerId' | 'itemId' | 'residentOpenid' | 'orgPath' | 'stars' | 'counted'
  >,
  names: Pick<Order, 'providerName' | 'itemName'>,
  config: PlatformConfig,
  now: number,
): FeedbackTicket | null {
  const g = config.governance;
  if (!isLowRating(rating.stars, g.lowRatingAtMost)) return null;
  return {
    _id: feedbackTicketIdOf(rating._id),
    ratingId: rating._id,
    orderId: rating.orderId,
    providerId: rating.providerId,
    providerName: names.providerName,
    itemId: rating.itemId,
    itemName: names.itemName,
    residentOpenid: rating.residentOpenid,
    orgPath: rating.orgPath,
    stars: rating.stars,
    starsHeld: rating.counted === false,
    status: 'open',
    contactDueAt: addWorkingDays(now, g.ticketContactWorkingDays),
    fixDueAt: addWorkingDays(now, g.ticketFixWorkingDays),
    contactedAt: null,
    contactChannel: null,
    contactNote: '',
    resolvedAt: null,
    outcome: null,
    resolutionNote: '',
    handledBy: null,
    contactOverdueAt: null,
    fixOverdueAt: null,
    reratedAt: null,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Open the ticket of a 差评 in the caller's transaction; answers the notices to write with it (none when the
 * stars are not a 差评, or the ticket exists already).
 */
export async function openFeedbackTicket(
  tx: TransactionPort,
  db: DatabasePort,
  rating: Rating,
  names: Pick<Order, 'providerName' | 'itemName'>,
  config: PlatformConfig,
  now: number,
): Promise<SubscribeMessage[]> {
  const ticket = newFeedbackTicket(rating, names, config, now);
  if (ticket === null) return [];
  if ((await tx.get<FeedbackTicket>(COLLECTIONS.feedbackTickets, ticket._id)) !== null) return [];
  await tx.insert(COLLECTIONS.feedbackTickets, ticket);
  const recipients = [
    ...(await providerManagerOpenids(db, ticket.providerId)),
    ...(await unitWorkerOpenids(db, ticket.orgPath)),
  ];
  return feedbackTodoMessages(config, recipients, ticket, FEEDBACK_TODO_PHRASES.opened, ticket.contactDueAt);
}

/** TPL_FEEDBACK_TODO to each recipient (each once). */
export function feedbackTodoMessages(
  config: PlatformConfig,
  recipients: readonly string[],
  ticket: Pick<FeedbackTicket, 'orderId' | 'itemName'>,
  phrase: FeedbackTodoPhrase,
  dueAt: number,
): SubscribeMessage[] {
  return [...new Set(recipients)].map((touser) => ({
    touser,
    templateId: config.templates.feedbackTodo,
    page: `${config.pages.staffJob}?orderId=${encodeURIComponent(ticket.orderId)}`,
    data: {
      thing1: { value: fitThing(ticket.itemName, '服务') },
      phrase2: { value: phrase },
      time3: { value: formatShanghaiMinute(dueAt) },
    },
  }));
}

/** At most this many people are told of one ticket per group. */
const MAX_RECIPIENTS = 50;

/** The provider's managers (provider_staff grants with position manager). */
export async function providerManagerOpenids(db: DatabasePort, providerId: string): Promise<string[]> {
  const users = await db.find<Pick<User, '_id' | 'grants'>>(
    COLLECTIONS.users,
    { 'grants.providerId': providerId },
    { fields: ['grants'], orderBy: [['_id', 'asc']], limit: MAX_RECIPIENTS },
  );
  return users
    .filter((u) =>
      u.grants.some(
        (g) => g.role === 'provider_staff' && g.providerId === providerId && g.position === 'manager',
      ),
    )
    .map((u) => u._id);
}

const UNIT_ROLES: readonly Role[] = ['worker'];

/**
 * The workers of the record's grid and community (the unit that watches the clocks): grants exactly at one
 * of those paths. Served by the users index `grants.role_1_grants.orgPath_1`.
 */
export async function unitWorkerOpenids(db: DatabasePort, orgPath: string): Promise<string[]> {
  const paths = ancestorPaths(orgPath, { includeSelf: true }).filter((p) => {
    const level = levelOfPath(p);
    return level === 'community' || level === 'grid';
  });
  if (paths.length === 0) return [];
  const users = await db.find<Pick<User, '_id' | 'grants'>>(
    COLLECTIONS.users,
    { 'grants.role': db.command.in([...UNIT_ROLES]), 'grants.orgPath': db.command.in(paths) },
    { fields: ['grants'], orderBy: [['_id', 'asc']], limit: MAX_RECIPIENTS },
  );
  return users
    .filter((u) =>
      u.grants.some(
        (g) => UNIT_ROLES.includes(g.role) && g.orgPath !== undefined && paths.includes(g.orgPath),
      ),
    )
    .map((u) => u._id);
}
