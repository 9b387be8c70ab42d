/**
 * What the offerings, 差评 ticket, appeal and complaint use cases share: a page over the union of a caller's
 * scopes, notices written with the change and sent after the commit, and the answer for a record the caller
 * may not see.
 */
import {
  AUTH_ERROR_CODES,
  authorize,
  checkAccess,
  type AccessTarget,
  type Authorization,
} from '../auth/authorize';
import { listScope } from '../auth/list-scope';
import type { Action } from '../auth/actions';
import type { Actor, Role } from '../auth/roles';
import type { CommandTransaction } from '../kernel/command.runner';
import type { DatabasePort, StoredDocument, Where } from '../kernel/database.port';
import type { SubscribeMessage } from '../kernel/notifier.port';
import type { DomainError } from '../kernel/errors';
import { orThrow } from '../kernel/outcome';
import type { PlatformPorts } from '../kernel/use-case';
import { deliverMessages, enqueueMessages } from '../messaging/message-outbox';
import { COLLECTIONS } from '../model/collections.model';
import type { Rating } from '../model/order.model';
import type { FeedbackPage } from './feedback.replies';

/** Newest first, stable. */
const NEWEST = [
  ['createdAt', 'desc'],
  ['_id', 'desc'],
] as const;

/** The conditions of the records within the caller's list scope of `action` (one per unit held). */
export function unitWheres(db: DatabasePort, actor: Actor, action: Action, extra: Where): Where[] {
  const scope = orThrow(listScope(actor, action));
  return scope.all ? [extra] : scope.paths.map((p) => ({ orgPath: db.command.prefix(p), ...extra }));
}

/**
 * One page over the union of the conditions, newest first: each read up to the end of the page, merged and
 * counted (the house style of core/concerns/concern-queries.ts).
 */
export async function pageOfUnion<T extends StoredDocument & { readonly createdAt: number }, V>(
  db: DatabasePort,
  collection: string,
  wheres: readonly Where[],
  paging: { readonly page: number; readonly pageSize: number },
  view: (doc: T) => V,
): Promise<FeedbackPage<V>> {
  const { page, pageSize } = paging;
  const end = page * pageSize;
  const parts = await Promise.all(
    wheres.map(async (where) => ({
      docs: await db.find<T>(collection, where, { orderBy: NEWEST, limit: Math.min(end, 1000) }),
      total: await db.count(collection, where),
    })),
  );
  const seen = new Set<string>();
  const merged = parts
    .flatMap((p) => p.docs)
    .filter((d) => (seen.has(d._id) ? false : (seen.add(d._id), true)))
    .sort((a, b) => b.createdAt - a.createdAt || (a._id < b._id ? 1 : -1));
  const total = parts.reduce((n, p) => n + p.total, 0);
  return {
    items: merged.slice(end - pageSize, end).map(view),
    total,
    page,
    pageSize,
    hasMore: end < total,
  };
}

/** Write the notices in the command's transaction; they are sent once it has committed (never on a replay). */
export async function notifyWith(
  ctx: CommandTransaction,
  ports: PlatformPorts,
  subjectId: string,
  messages: readonly SubscribeMessage[],
): Promise<void> {
  if (messages.length === 0) return;
  const stored = await enqueueMessages(ctx.tx, ports.ids, subjectId, messages, ctx.now);
  ctx.afterCommit(async () => {
    await deliverMessages(ports.db, ports.notifier, stored, ctx.now);
  });
}

/** The role a grant acted in, for records and the audit (the first beyond the resident's). */
export function actingRole(actor: Actor, preferred: readonly string[]): string {
  const grant =
    actor.grants.find((g) => preferred.includes(g.role)) ??
    actor.grants.find((g) => g.role !== 'resident') ??
    actor.grants[0];
  return grant?.role ?? 'resident';
}

/** Text screened by content security as its author wrote it ('risky' refuses with the caller's code). */
export async function screenText(
  ports: Pick<PlatformPorts, 'contentSecurity'>,
  openid: string,
  text: string,
): Promise<'pass' | 'review' | 'risky'> {
  if (text.trim().length === 0) return 'pass';
  return ports.contentSecurity.check(text, openid, 'comment');
}

/**
 * `action` on a record, authorized; or, for a caller whose role may do it somewhere but not on this record (or
 * when the record does not exist: `target` null), the record's not-found answer, so the answer says nothing of
 * records outside the caller's units (docs/functions.md). A caller whose role may not do it at all is told so
 * (PERMISSION_DENIED).
 */
export function authorizeOrHide(
  actor: Actor,
  action: Action,
  target: AccessTarget | null,
  notFound: () => DomainError,
  options: { readonly roles?: readonly Role[] } = {},
): Authorization {
  const access = checkAccess(actor, action, target ?? {}, options);
  if (access.ok && target !== null) return access.value;
  if (!access.ok && access.refusal.code !== AUTH_ERROR_CODES.outOfScope) orThrow(access);
  throw notFound();
}

/** The providers the caller manages (provider_staff grants with position manager). */
export function managedProviderIds(actor: Actor): string[] {
  return actor.grants.flatMap((g) =>
    g.role === 'provider_staff' && g.position === 'manager' && g.providerId !== undefined
      ? [g.providerId]
      : [],
  );
}

/**
 * The conditions of a list seen as its provider's manager (`provider`: the providers they manage, else the
 * matrix's refusal of `providerAction`) or as a unit (`unit`: the caller's list scope of `unitAction`).
 */
export function providerOrUnitWheres(
  db: DatabasePort,
  actor: Actor,
  view: 'provider' | 'unit',
  actions: { readonly provider: Action; readonly unit: Action },
  extra: Where,
): Where[] {
  if (view === 'unit') return unitWheres(db, actor, actions.unit, extra);
  const providers = managedProviderIds(actor);
  // No provider managed: the matrix's refusal (PERMISSION_DENIED).
  if (providers.length === 0) authorize(actor, actions.provider, {}, { roles: ['provider_staff'] });
  return providers.map((providerId) => ({ providerId, ...extra }));
}

/**
 * The texts of ratings as their readers may see them ('' where hidden), by rating id. `firstGiven`: the text of
 * the rating as first given, where the resident has since rated once more (a 差评 ticket is about that one).
 */
export async function visibleRatingTexts(
  db: DatabasePort,
  ratingIds: readonly string[],
  { firstGiven = false }: { readonly firstGiven?: boolean } = {},
): Promise<Map<string, string>> {
  if (ratingIds.length === 0) return new Map();
  const ratings = await db.find<Pick<Rating, '_id' | 'text' | 'textVisible' | 'superseded'>>(
    COLLECTIONS.ratings,
    { _id: db.command.in([...ratingIds]) },
    { fields: ['text', 'textVisible', 'superseded'], limit: ratingIds.length },
  );
  return new Map(
    ratings.map((r) => {
      const shown = firstGiven ? (r.superseded ?? r) : r;
      return [r._id, shown.textVisible ? shown.text : ''];
    }),
  );
}
