/**
 * 整改复查 (`GET /console/api/evaluations/rectification`): the rectifications ordered by a published evaluation
 * (考核整改) and by hand (责令整改, provider.status.change: the last one is kept on the provider as
 * `rectification`), each with its source, problems, deadline and the provider's standing now. `open` (the
 * default) lists the one each rectifying provider is under now (core/lifecycle/provider-rectification.ts), `all`
 * every one ordered. Overdue first, then by deadline. Scoped like the evaluations (provider.evaluate: the unit,
 * or a regulator's industries); the re-check is provider.recheck by provider id, offered (`canRecheck`) for
 * the one in force as provider.rectify allows.
 */
import type { z } from 'zod';
import { can } from '../auth/authorize';
import { listIndustries } from '../auth/list-scope';
import type { Actor } from '../auth/roles';
import type { DatabasePort } from '../kernel/database.port';
import { requireIdentity } from '../kernel/identity';
import type { UseCaseInput } from '../kernel/use-case';
import { PROVIDER_STATUS_LABELS, type ProviderStatus } from '../lifecycle/provider.lifecycle';
import { COLLECTIONS } from '../model/collections.model';
import type { Evaluation } from '../model/evaluation.model';
import type { Provider } from '../model/provider.model';
import { providerIndustries, providerTarget } from '../auth/provider-access';
import {
  handRectificationInForce,
  RECTIFICATION_SOURCE_LABELS,
  type RectificationSource,
} from '../lifecycle/provider-rectification';
import { parseCommand } from '../schemas/command.parser';
import { consolePaging } from '../schemas/console.schema';
import { id, oneOf, query } from '../schemas/fields.schema';
import { scopeRootFor, withinRoot, type ScopeRoot } from './console-scope';
import type { QueuePage } from './queue-page';

export interface RectificationRow {
  /** The row's key: the evaluation's id, or `hand-<providerId>-<orderedAt>` for one ordered by hand. */
  readonly rowId: string;
  /** 考核整改 (ordered by a published evaluation) or 责令整改 (ordered by hand, provider.status.change). */
  readonly source: RectificationSource;
  readonly sourceLabel: string;
  /** The evaluation that ordered it (null: ordered by hand). */
  readonly evaluationId: string | null;
  readonly providerId: string;
  readonly providerName: string;
  /** The evaluation's year (null: ordered by hand). */
  readonly year: number | null;
  readonly problems: readonly string[];
  /** Why it was ordered by hand (null: an evaluation's, whose summary is on its page). */
  readonly reason: string | null;
  readonly rectifyDeadline: number | null;
  /** When it was ordered: the evaluation's publication, or the hand order. */
  readonly orderedAt: number | null;
  readonly publishedAt: number | null;
  /** Where the provider stands now: still rectifying (the re-check is to come), active again, removed... */
  readonly providerStatus: ProviderStatus | null;
  readonly providerStatusLabel: string;
  /** The rectification the provider is under now (false once re-checked or replaced by a later one). */
  readonly inForce: boolean;
  /** In force and past the deadline: the re-check is due. */
  readonly overdue: boolean;
  /** The viewer may re-check it now (provider.recheck: in force, provider.rectify on the provider). */
  readonly canRecheck: boolean;
}

export type RectificationListResult = QueuePage<RectificationRow>;

const rectificationSchema = query({
  orgUnitId: id('单位').optional(),
  /** open: providers still rectifying (the default); all: every rectification ordered. */
  show: oneOf('显示范围', ['open', 'all'] as const).default('open'),
  ...consolePaging,
});
type RectificationQuery = z.output<typeof rectificationSchema>;

/** A provider as the queue reads it (`industries`: stored on one created from an application). */
type QueueProvider = Pick<
  Provider,
  '_id' | 'name' | 'orgPath' | 'status' | 'rectifyDeadline' | 'rectification'
> & {
  readonly industries?: readonly string[];
};

const PROVIDER_FIELDS = ['name', 'orgPath', 'status', 'rectifyDeadline', 'rectification', 'industries'];
const LIMIT = 500;

export async function rectificationQueue(input: UseCaseInput): Promise<RectificationListResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const q = parseCommand(rectificationSchema, input.command) as RectificationQuery;
  const root = await scopeRootFor(ports.db, actor, 'provider.evaluate', q.orgUnitId);
  const read = await readSources(ports.db, actor, q, root);
  const rows = rowsOf(read, ports.clock.now())
    .filter((r) => q.show === 'all' || r.inForce)
    .sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        (a.rectifyDeadline ?? Infinity) - (b.rectifyDeadline ?? Infinity) ||
        a.rowId.localeCompare(b.rowId),
    );
  const start = (q.page - 1) * q.pageSize;
  const items: RectificationRow[] = [];
  for (const row of rows.slice(start, start + q.pageSize)) {
    const provider = read.providerOf.get(row.providerId);
    const canRecheck =
      row.inForce && provider !== undefined && can(actor, 'provider.rectify', await read.targetOf(provider));
    items.push({ ...row, canRecheck });
  }
  return {
    items,
    total: rows.length,
    page: q.page,
    pageSize: q.pageSize,
    hasMore: q.page * q.pageSize < rows.length,
  };
}

interface Sources {
  readonly evaluations: readonly Evaluation[];
  /** The providers in scope with a rectification ordered by hand. */
  readonly orderedByHand: readonly QueueProvider[];
  readonly providerOf: ReadonlyMap<string, QueueProvider>;
  /** A provider as an access target (its industries read once). */
  readonly targetOf: (p: QueueProvider) => Promise<ReturnType<typeof providerTarget>>;
}

/** The evaluations that ordered a rectification and the providers ordered one by hand, in the viewer's scope. */
async function readSources(
  db: DatabasePort,
  actor: Actor,
  q: RectificationQuery,
  root: ScopeRoot,
): Promise<Sources> {
  const _ = db.command;
  const industries = listIndustries(actor, 'provider.evaluate');
  const [evaluations, byHand] = await Promise.all([
    db.find<Evaluation>(
      COLLECTIONS.evaluations,
      {
        outcome: 'rectify',
        published: true,
        ...withinRoot(db, root),
        ...(industries === null ? {} : { industries: _.in([...industries]) }),
      },
      {
        orderBy: [
          ['rectifyDeadline', 'asc'],
          ['_id', 'asc'],
        ],
        limit: LIMIT,
      },
    ),
    db.find<QueueProvider>(
      COLLECTIONS.providers,
      {
        rectification: _.exists(true),
        ...(q.show === 'open' ? { status: 'rectifying' } : {}),
        ...withinRoot(db, root),
      },
      { orderBy: [['_id', 'asc']], limit: LIMIT, fields: PROVIDER_FIELDS },
    ),
  ]);
  const seen = new Set(byHand.map((p) => p._id));
  const missing = [...new Set(evaluations.map((e) => e.providerId))].filter((pid) => !seen.has(pid));
  const others =
    missing.length === 0
      ? []
      : await db.find<QueueProvider>(
          COLLECTIONS.providers,
          { _id: _.in(missing) },
          { limit: missing.length, fields: PROVIDER_FIELDS },
        );
  const industriesOf = new Map<string, readonly string[]>();
  const targetOf = async (p: QueueProvider) => {
    let list = industriesOf.get(p._id);
    if (list === undefined) {
      list = await providerIndustries(db, p);
      industriesOf.set(p._id, list);
    }
    return providerTarget(p, list);
  };
  // A regulator scoped by industry sees the hand-ordered ones of the providers in its industries.
  const orderedByHand: QueueProvider[] = [];
  for (const p of byHand) {
    if ((p.rectification ?? null) === null) continue;
    if (industries !== null && !can(actor, 'provider.evaluate', await targetOf(p))) continue;
    orderedByHand.push(p);
  }
  return {
    evaluations,
    orderedByHand,
    providerOf: new Map([...byHand, ...others].map((p) => [p._id, p])),
    targetOf,
  };
}

const publishedAt = (e: Evaluation): number => e.publishedAt ?? e.createdAt;

/** Every rectification read, marked in force (the one its provider is under now) or not. */
function rowsOf(read: Sources, now: number): RectificationRow[] {
  // The latest published evaluation that ordered a rectification, per provider (what a hand order replaces).
  const latest = new Map<string, Evaluation>();
  for (const e of read.evaluations) {
    const before = latest.get(e.providerId);
    if (before === undefined || publishedAt(e) > publishedAt(before)) latest.set(e.providerId, e);
  }
  const latestAt = (providerId: string): number | null => {
    const e = latest.get(providerId);
    return e === undefined ? null : publishedAt(e);
  };
  const standing = (provider: QueueProvider | undefined, inForce: boolean, deadline: number | null) => {
    const status = provider?.status ?? null;
    const open = inForce && status === 'rectifying';
    return {
      providerStatus: status,
      providerStatusLabel: status === null ? '—' : PROVIDER_STATUS_LABELS[status],
      inForce: open,
      overdue: open && deadline !== null && deadline <= now,
      canRecheck: false,
    };
  };
  const fromEvaluations = read.evaluations.map((e): RectificationRow => {
    const provider = read.providerOf.get(e.providerId);
    const inForce =
      provider !== undefined &&
      latest.get(e.providerId)?._id === e._id &&
      handRectificationInForce(provider, latestAt(e.providerId)) === null;
    return {
      rowId: e._id,
      source: 'evaluation',
      sourceLabel: RECTIFICATION_SOURCE_LABELS.evaluation,
      evaluationId: e._id,
      providerId: e.providerId,
      providerName: e.providerName,
      year: e.year,
      problems: e.problems,
      reason: null,
      rectifyDeadline: e.rectifyDeadline,
      orderedAt: e.publishedAt ?? null,
      publishedAt: e.publishedAt ?? null,
      ...standing(provider, inForce, e.rectifyDeadline),
    };
  });
  const byHand = read.orderedByHand.map((p): RectificationRow => {
    const r = p.rectification!;
    const inForce = handRectificationInForce(p, latestAt(p._id)) !== null;
    return {
      rowId: `hand-${p._id}-${r.orderedAt}`,
      source: 'hand',
      sourceLabel: RECTIFICATION_SOURCE_LABELS.hand,
      evaluationId: null,
      providerId: p._id,
      providerName: p.name,
      year: null,
      problems: r.problems,
      reason: r.reason,
      rectifyDeadline: r.deadline,
      orderedAt: r.orderedAt,
      publishedAt: null,
      ...standing(p, inForce, r.deadline),
    };
  });
  return [...fromEvaluations, ...byHand];
}
