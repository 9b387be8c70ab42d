/**
 * 入驻公示 as the workers' console shows it (docs/console.md): the public notice exactly as `provider.notice.list`
 * answers it to anyone signed in (the route runs that use case and hands its answer here), plus the workers' view of each row: the whole days left by the platform's
 * clock, and, for applications of the caller's own units (those whose objections they answer), how many
 * objections were raised and how many still wait for an answer. No objector's identity here.
 */
import { listScope, scopeCovers } from '../auth/list-scope';
import type { UseCaseInput } from '../kernel/use-case';
import type { Application, ApplicationObjection } from '../model/application.model';
import { COLLECTIONS } from '../model/collections.model';

const DAY_MS = 86_400_000;

/** What the console adds to each row of the public notice. */
export interface NoticeCounts {
  /** Whole days until the notice ends (rounded up; 0 once it ended). */
  readonly daysLeft: number;
  /** Objections raised and those still unanswered: null outside the caller's units (not theirs to answer). */
  readonly objections: number | null;
  readonly openObjections: number | null;
}

/** The rows of `provider.notice.list` this reads (core/providers/application.replies.ts NoticeListItem). */
export interface NoticeRow {
  readonly applicationId: string;
  readonly noticeEndsAt: number;
}

/** `GET /console/api/applications/notice`: the public list as it is, each row with its counts, and the clock. */
export type NoticeBoard<L extends { readonly items: readonly NoticeRow[] }> = Omit<L, 'items'> & {
  readonly items: readonly (L['items'][number] & NoticeCounts)[];
  /** The platform's clock when answered. */
  readonly now: number;
};

/** The public notice (`provider.notice.list`'s answer, read by the route) with the workers' view of each row. */
export async function noticeBoard<L extends { readonly items: readonly NoticeRow[] }>(
  input: Pick<UseCaseInput, 'ports' | 'actor'>,
  notices: L,
): Promise<NoticeBoard<L>> {
  const { ports, actor } = input;
  const db = ports.db;
  const now = ports.clock.now();
  const ids = notices.items.map((n) => n.applicationId);
  const scope = listScope(actor, 'provider.objection.answer');
  const [applications, objections] =
    ids.length === 0 || !scope.ok
      ? [[], []]
      : await Promise.all([
          db.find<Application>(
            COLLECTIONS.applications,
            { _id: db.command.in(ids) },
            { limit: ids.length, fields: ['orgPath'] },
          ),
          db.find<ApplicationObjection>(
            COLLECTIONS.applicationObjections,
            { applicationId: db.command.in(ids) },
            { limit: 1000, fields: ['applicationId', 'status'] },
          ),
        ]);
  const answerable = new Set(
    applications.filter((a) => scope.ok && scopeCovers(scope.value, a.orgPath)).map((a) => a._id),
  );
  return {
    ...notices,
    now,
    items: notices.items.map((n) => {
      const mine = answerable.has(n.applicationId);
      const own = objections.filter((o) => o.applicationId === n.applicationId);
      return {
        ...n,
        daysLeft: Math.max(0, Math.ceil((n.noticeEndsAt - now) / DAY_MS)),
        objections: mine ? own.length : null,
        openObjections: mine ? own.filter((o) => o.status === 'open').length : null,
      };
    }),
  };
}
