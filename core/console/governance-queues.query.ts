/**
 * The governance screens' work queues the `providers` function has no list for (docs/console.md): 整改复查
 * (rectifications ordered by an evaluation or by hand, with the deadline and where the provider stands now), 服务报价审核
 * (new items of active providers waiting for the unit's worker) and the campaigns (考核批次). Console-only reads, scoped by the matrix like every console list; the decisions themselves
 * are the `providers` use cases (provider.recheck, provider.offering.review, evaluation.campaign.start).
 */
import type { z } from 'zod';
import { requireIdentity } from '../kernel/identity';
import type { UseCaseInput } from '../kernel/use-case';
import type { ServiceItem } from '../model/catalog.model';
import { COLLECTIONS } from '../model/collections.model';
import {
  EVALUATION_KIND_LABELS,
  type EvaluationCampaign,
  type EvaluationKind,
} from '../model/evaluation.model';
import { OFFERING_REVIEW_LABELS, type OfferingReviewFields } from '../model/feedback.model';
import type { Offering } from '../model/offering.model';
import { parseCommand } from '../schemas/command.parser';
import { consolePaging } from '../schemas/console.schema';
import { id, query } from '../schemas/fields.schema';
import { findWithTotal, pageWindow, scopeRootFor, withinRoot } from './console-scope';
import { unitNames } from './console-units';

// 整改复查 has its own file (two sources: evaluations and rectifications ordered by hand).
export {
  rectificationQueue,
  type RectificationListResult,
  type RectificationRow,
} from './rectification-queue.query';

const COLL = {
  evaluationCampaigns: 'evaluation_campaigns',
} as const;

export type { QueuePage } from './queue-page';
import type { QueuePage } from './queue-page';

export interface PendingOfferingRow {
  readonly offeringId: string;
  readonly providerId: string;
  readonly providerName: string;
  readonly itemId: string;
  readonly itemName: string;
  readonly priceText: string;
  readonly description: string;
  readonly reviewLabel: string;
  readonly updatedAt: number;
}

export type PendingOfferingListResult = QueuePage<PendingOfferingRow>;

export interface CampaignRow {
  readonly campaignId: string;
  readonly title: string;
  readonly year: number;
  readonly kind: EvaluationKind;
  readonly kindLabel: string;
  readonly orgUnitId: string;
  readonly orgUnitName: string;
  readonly evaluationCount: number;
  readonly createdAt: number;
}

export type CampaignListResult = QueuePage<CampaignRow>;

const queueSchema = query({ orgUnitId: id('单位').optional(), ...consolePaging });

function paged<T>(rows: T[], total: number, q: { page: number; pageSize: number }): QueuePage<T> {
  return { items: rows, total, page: q.page, pageSize: q.pageSize, hasMore: q.page * q.pageSize < total };
}

const yuan = (fen: number) => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2));

function priceText(o: Pick<Offering, 'pricing'>): string {
  const p = o.pricing;
  return p.kind === 'free'
    ? '免费'
    : `${yuan(p.priceFen)}元/${p.unit}（市场价 ${yuan(p.marketPriceFen)}元/${p.unit}）`;
}

/** 服务报价审核: new items of active providers waiting for the unit's worker (oldest first). */
export async function pendingOfferings(input: UseCaseInput): Promise<PendingOfferingListResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const q = parseCommand(queueSchema, input.command) as z.output<typeof queueSchema>;
  const db = ports.db;
  const root = await scopeRootFor(db, actor, 'offering.review', q.orgUnitId);
  const { docs, total } = await findWithTotal<Offering & OfferingReviewFields>(
    db,
    COLLECTIONS.offerings,
    { review: 'pending', ...withinRoot(db, root) },
    {
      orderBy: [
        ['updatedAt', 'asc'],
        ['_id', 'asc'],
      ],
      ...pageWindow(q),
    },
  );
  const itemIds = [...new Set(docs.map((o) => o.itemId))];
  const items =
    itemIds.length === 0
      ? []
      : await db.find<ServiceItem>(
          COLLECTIONS.serviceItems,
          { _id: db.command.in(itemIds) },
          { limit: itemIds.length, fields: ['name'] },
        );
  const nameOf = new Map(items.map((i) => [i._id, i.name]));
  return paged(
    docs.map((o) => ({
      offeringId: o._id,
      providerId: o.providerId,
      providerName: o.providerName,
      itemId: o.itemId,
      itemName: nameOf.get(o.itemId) ?? o.itemId,
      priceText: priceText(o),
      description: o.description,
      reviewLabel: OFFERING_REVIEW_LABELS.pending,
      updatedAt: o.updatedAt,
    })),
    total,
    q,
  );
}

/** 考核批次: the campaigns run in the worker's units, newest first. */
export async function campaignList(input: UseCaseInput): Promise<CampaignListResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const q = parseCommand(queueSchema, input.command) as z.output<typeof queueSchema>;
  const db = ports.db;
  const root = await scopeRootFor(db, actor, 'provider.evaluate', q.orgUnitId);
  const { docs, total } = await findWithTotal<EvaluationCampaign>(
    db,
    COLL.evaluationCampaigns,
    withinRoot(db, root),
    {
      orderBy: [
        ['createdAt', 'desc'],
        ['_id', 'asc'],
      ],
      ...pageWindow(q),
    },
  );
  const names = await unitNames(
    db,
    docs.map((c) => c.orgPath),
  );
  return paged(
    docs.map((c) => ({
      campaignId: c._id,
      title: c.title,
      year: c.year,
      kind: c.kind,
      kindLabel: EVALUATION_KIND_LABELS[c.kind],
      orgUnitId: c.orgUnitId,
      orgUnitName: names.get(c.orgPath) ?? '',
      evaluationCount: c.evaluationIds.length,
      createdAt: c.createdAt,
    })),
    total,
    q,
  );
}
