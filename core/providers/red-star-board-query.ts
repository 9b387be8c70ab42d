/**
 * provider.board: the red-star board (红星榜) as anyone signed in reads it, from the `red_star_board`
 * snapshot (core/providers/red-star-board.ts), best first (reputation, then provider), for one item and one
 * unit:
 * - a community or a grid (a resident's place, by default the caller's home): the providers serving it,
 *   whose service area is that unit or one above it;
 * - a street, county or city: the rows of the units within it (a provider serving two communities of a
 *   street appears once per community).
 * `rank` is the row's place in that order (1 = best).
 */
import type { Actor } from '../auth/roles';
import type { Where } from '../kernel/database.port';
import { requireIdentity } from '../kernel/identity';
import type { UseCaseInput } from '../kernel/use-case';
import { COLLECTIONS } from '../model/collections.model';
import type { RedStarBoardEntry } from '../model/evaluation.model';
import type { OrgUnit } from '../model/org-unit.model';
import { ancestorPaths, levelOfPath } from '../org/org-path';
import { EVALUATION_GRADE_LABELS } from '../reputation/reputation.formula';
import { parseCommand } from '../schemas/command.parser';
import { providerBoardSchema } from '../schemas/evaluation.schema';
import { evaluationError } from './evaluation.errors';
import type { RedStarBoardResult, RedStarBoardRow } from './evaluation.replies';

/** The caller's home (the resident grant's unit), if they have one. */
function homePathOf(actor: Actor): string | null {
  return actor.grants.find((g) => g.role === 'resident' && typeof g.orgPath === 'string')?.orgPath ?? null;
}

/** The rows a unit's board holds (see the module comment). */
export function boardWhere(
  db: { readonly command: UseCaseInput['ports']['db']['command'] },
  path: string,
): Where {
  const level = levelOfPath(path);
  return level === 'community' || level === 'grid'
    ? { orgPath: db.command.in(ancestorPaths(path, { includeSelf: true })) }
    : { orgPath: db.command.prefix(path) };
}

function rowOf(entry: RedStarBoardEntry, rank: number): RedStarBoardRow {
  return {
    rank,
    providerId: entry.providerId,
    providerName: entry.providerName,
    itemId: entry.itemId,
    itemName: entry.itemName,
    orgUnitId: entry.orgUnitId,
    orgUnitName: entry.orgUnitName,
    starLevel: entry.starLevel,
    reputation: entry.reputation,
    ratingCount: entry.ratingCount,
    lowRatingRate: entry.lowRatingRate,
    items: entry.items,
    latestEvaluationGradeLabel:
      entry.latestEvaluationGrade === null ? null : EVALUATION_GRADE_LABELS[entry.latestEvaluationGrade],
  };
}

async function unitPathOf(input: UseCaseInput, orgUnitId: string): Promise<string> {
  const unit = await input.ports.db.get<OrgUnit>(COLLECTIONS.orgUnits, orgUnitId);
  if (unit === null) throw evaluationError('EVALUATION_UNIT_NOT_FOUND', { orgUnitId });
  return unit.path;
}

export async function boardQuery(input: UseCaseInput): Promise<RedStarBoardResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const query = parseCommand(providerBoardSchema, input.command);
  const path = query.orgUnitId === undefined ? homePathOf(actor) : await unitPathOf(input, query.orgUnitId);
  const where: Where = {
    ...(path === null ? {} : boardWhere(ports.db, path)),
    ...(query.itemId === undefined ? {} : { itemId: query.itemId }),
  };
  const skip = (query.page - 1) * query.pageSize;
  const [entries, total] = await Promise.all([
    ports.db.find<RedStarBoardEntry>(COLLECTIONS.redStarBoard, where, {
      orderBy: [
        ['reputation', 'desc'],
        ['providerId', 'asc'],
        ['_id', 'asc'],
      ],
      skip,
      limit: query.pageSize,
    }),
    ports.db.count(COLLECTIONS.redStarBoard, where),
  ]);
  return {
    items: entries.map((e, i) => rowOf(e, skip + i + 1)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    hasMore: skip + entries.length < total,
    refreshedAt: entries.length === 0 ? null : Math.max(...entries.map((e) => e.refreshedAt)),
  };
}
