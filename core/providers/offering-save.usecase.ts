/**
 * The provider's own offerings (docs/governance.md, "Offerings kept by the provider"):
 * - provider.offering.save: the provider's manager (mini-program) or a worker of its unit (console) adds an
 *   item, changes a price or description, lists or unlists one. A low fee must stay strictly below the market
 *   price on every write (the schema refuses it with INVALID_INPUT; the rule is checked again here,
 *   OFFERING_PRICE_NOT_BELOW_MARKET). The offering document IS what matching reads: the change applies from
 *   the next match (orders keep the price they were made with). Every change is recorded in
 *   `offering_changes` with before and after.
 * - A NEW item is saved `review: 'pending'` and matching leaves it out (core/offerings/matchable-offerings.ts)
 *   until a worker or leader of the unit approves it (provider.offering.review); a rejected one stays out,
 *   and saving it again asks for a new review.
 *
 * A provider that does not exist answers like one outside the caller's units (the matrix's refusal).
 */
import { authorize } from '../auth/authorize';
import type { Actor, Role } from '../auth/roles';
import { runCommand, type CommandTransaction } from '../kernel/command.runner';
import type { StoredDocument } from '../kernel/database.port';
import { requireIdentity } from '../kernel/identity';
import type { UseCaseInput } from '../kernel/use-case';
import type { ServiceItem } from '../model/catalog.model';
import { COLLECTIONS } from '../model/collections.model';
import {
  OFFERING_REVIEW_LABELS,
  type OfferingChange,
  type OfferingChangeKind,
  type OfferingReviewFields,
  type OfferingReviewState,
  type OfferingSnapshot,
} from '../model/feedback.model';
import type { Offering } from '../model/offering.model';
import type { Provider } from '../model/provider.model';
import { MATCHABLE_PROVIDER_STATUSES } from '../lifecycle/provider.lifecycle';
import { assertValidPricing } from '../offerings/pricing';
import { parseCommand } from '../schemas/command.parser';
import { offeringReviewSchema } from '../schemas/feedback.schema';
import { offeringSaveSchema, type OfferingSaveCommand } from '../schemas/provider.schema';
import { authorizeOrHide } from './feedback-common';
import { feedbackError } from './feedback.errors';
import { markBoardStale } from './red-star-board';
import type { OfferingReviewResult, OfferingSaveResult } from './feedback.replies';

/** An offering as stored, with the review fields this module adds. */
export type ReviewedOffering = Offering & OfferingReviewFields;

/** Statuses in which a provider keeps its offerings (not suspended, removed or exited). */
const SERVING = ['active', 'rectifying'] as const;

/** The review state of an offering (absent: created with the provider, approved). */
export function reviewOf(offering: Pick<ReviewedOffering, 'review'>): OfferingReviewState {
  return offering.review ?? 'approved';
}

/** Whether matching would offer it now (core/offerings/matchable-offerings.ts, without the area). */
export function isMatchable(offering: ReviewedOffering): boolean {
  return (
    offering.active &&
    reviewOf(offering) === 'approved' &&
    !offering.providerBlacklisted &&
    (MATCHABLE_PROVIDER_STATUSES as readonly string[]).includes(offering.providerStatus)
  );
}

function snapshotOf(o: ReviewedOffering): OfferingSnapshot {
  return { pricing: o.pricing, description: o.description, active: o.active, review: reviewOf(o) };
}

function changedFields(before: OfferingSnapshot | null, after: OfferingSnapshot): string[] {
  if (before === null) return ['pricing', 'description', 'active', 'review'];
  const fields: string[] = [];
  if (JSON.stringify(before.pricing) !== JSON.stringify(after.pricing)) fields.push('pricing');
  if (before.description !== after.description) fields.push('description');
  if (before.active !== after.active) fields.push('active');
  if (before.review !== after.review) fields.push('review');
  return fields;
}

/** The id of a provider's offering of an item made here (one per provider and item). */
export function offeringIdOf(providerId: string, itemId: string): string {
  return `off-${providerId}-${itemId}`;
}

/** The provider (authorized for `offering.manage`), or the matrix's refusal for one that does not exist. */
async function manageableProvider(
  ctx: CommandTransaction,
  actor: Actor,
  providerId: string,
): Promise<{ provider: Provider; role: Role }> {
  const provider = await ctx.tx.get<Provider>(COLLECTIONS.providers, providerId);
  if (provider === null) {
    authorize(actor, 'offering.manage', {});
    throw feedbackError('PROVIDER_NOT_FOUND', { providerId });
  }
  const granted = authorize(actor, 'offering.manage', { orgPath: provider.orgPath, providerId });
  return { provider, role: granted.role };
}

async function recordChange(
  ctx: CommandTransaction,
  input: UseCaseInput,
  offering: ReviewedOffering,
  kind: OfferingChangeKind,
  before: OfferingSnapshot | null,
  after: OfferingSnapshot,
  fields: readonly string[],
  role: Role,
  reason: string | null,
): Promise<void> {
  const change: OfferingChange = {
    _id: input.ports.ids.next(),
    offeringId: offering._id,
    providerId: offering.providerId,
    itemId: offering.itemId,
    orgPath: offering.orgPath,
    kind,
    before,
    after,
    fields,
    byOpenid: input.actor.openid,
    byRole: role,
    reason,
    at: ctx.now,
  };
  await ctx.tx.insert(COLLECTIONS.offeringChanges, change);
}

export async function saveOffering(input: UseCaseInput): Promise<OfferingSaveResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const command = parseCommand(offeringSaveSchema, input.command);
  assertValidPricing(command.pricing);
  // Found outside the transaction (a query), written by id inside it.
  const existing = await ports.db.find<StoredDocument>(
    COLLECTIONS.offerings,
    { providerId: command.providerId, itemId: command.itemId },
    { fields: ['_id'], limit: 1 },
  );
  return runCommand(ports, actor, 'provider.offering.save', command, async (ctx) => {
    const { tx } = ctx;
    const { provider, role } = await manageableProvider(ctx, actor, command.providerId);
    if (!(SERVING as readonly string[]).includes(provider.status) || provider.blacklisted) {
      throw feedbackError('OFFERING_PROVIDER_NOT_SERVING', { status: provider.status });
    }
    const id = existing[0]?._id ?? offeringIdOf(provider._id, command.itemId);
    const current = await tx.get<ReviewedOffering>(COLLECTIONS.offerings, id);
    if (current === null) return createOffering(ctx, input, command, provider, id, role);
    return changeOffering(ctx, input, command, provider, current, role);
  });
}

async function createOffering(
  ctx: CommandTransaction,
  input: UseCaseInput,
  command: OfferingSaveCommand,
  provider: Provider,
  id: string,
  role: Role,
): Promise<OfferingSaveResult> {
  const { tx, now } = ctx;
  const item = await tx.get<ServiceItem>(COLLECTIONS.serviceItems, command.itemId);
  if (item === null || !item.active)
    throw feedbackError('OFFERING_ITEM_NOT_FOUND', { itemId: command.itemId });
  const offering: ReviewedOffering = {
    _id: id,
    providerId: provider._id,
    providerName: provider.name,
    itemId: item._id,
    categoryId: item.categoryId,
    pricing: command.pricing,
    description: command.description,
    active: command.active,
    servedPaths: provider.serviceAreaPaths,
    providerStatus: provider.status,
    providerBlacklisted: provider.blacklisted,
    reputation: provider.reputation,
    starLevel: provider.starLevel,
    ratingCount: provider.ratingCount,
    orgPath: provider.orgPath,
    createdAt: now,
    updatedAt: now,
    review: 'pending',
    reviewReason: null,
    reviewedBy: null,
    reviewedAt: null,
  };
  await tx.insert(COLLECTIONS.offerings, offering);
  if (!provider.itemIds.includes(item._id)) {
    await tx.update(COLLECTIONS.providers, provider._id, {
      itemIds: [...provider.itemIds, item._id],
      updatedAt: now,
    });
  }
  await markBoardStale(tx, provider._id, now);
  const after = snapshotOf(offering);
  await recordChange(ctx, input, offering, 'created', null, after, changedFields(null, after), role, null);
  ctx.audit({
    entityType: 'offering',
    entityId: id,
    orgPath: provider.orgPath,
    summary: `新增服务项目（待审核）：${provider.name}·${item.name}`,
    role,
  });
  return {
    offeringId: id,
    created: true,
    changed: ['pricing', 'description', 'active'],
    review: 'pending',
    reviewLabel: OFFERING_REVIEW_LABELS.pending,
    matchable: false,
  };
}

async function changeOffering(
  ctx: CommandTransaction,
  input: UseCaseInput,
  command: OfferingSaveCommand,
  provider: Provider,
  current: ReviewedOffering,
  role: Role,
): Promise<OfferingSaveResult> {
  const { tx, now } = ctx;
  const before = snapshotOf(current);
  // A rejected item saved again goes back to the unit's worker.
  const review: OfferingReviewState = before.review === 'rejected' ? 'pending' : before.review;
  const after: OfferingSnapshot = {
    pricing: command.pricing,
    description: command.description,
    active: command.active,
    review,
  };
  const fields = changedFields(before, after);
  const next: ReviewedOffering = { ...current, ...after, updatedAt: now };
  if (fields.length > 0) {
    await tx.update(COLLECTIONS.offerings, current._id, {
      pricing: after.pricing,
      description: after.description,
      active: after.active,
      review,
      ...(review === 'pending' && before.review === 'rejected' ? { reviewReason: null } : {}),
      updatedAt: now,
    });
    await markBoardStale(tx, current.providerId, now);
    await recordChange(ctx, input, current, 'changed', before, after, fields, role, null);
    ctx.audit({
      entityType: 'offering',
      entityId: current._id,
      orgPath: current.orgPath,
      summary: `修改服务报价：${provider.name}（${fields.map((f) => FIELD_LABELS[f] ?? f).join('、')}）`,
      role,
    });
  }
  return {
    offeringId: current._id,
    created: false,
    changed: fields.filter((f) => f !== 'review'),
    review,
    reviewLabel: OFFERING_REVIEW_LABELS[review],
    matchable: isMatchable(next),
  };
}

const FIELD_LABELS: Readonly<Record<string, string>> = {
  pricing: '价格',
  description: '服务说明',
  active: '上下架',
  review: '审核状态',
};

/** provider.offering.review: a worker or leader of the provider's unit approves a new item, or not. */
export async function reviewOffering(input: UseCaseInput): Promise<OfferingReviewResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const command = parseCommand(offeringReviewSchema, input.command);
  if (!command.approve && command.reason.trim().length === 0) {
    throw feedbackError('OFFERING_REVIEW_REASON_REQUIRED');
  }
  return runCommand(ports, actor, 'provider.offering.review', command, async (ctx) => {
    const { tx, now } = ctx;
    const offering = await tx.get<ReviewedOffering>(COLLECTIONS.offerings, command.offeringId);
    const target = offering && { orgPath: offering.orgPath, providerId: offering.providerId };
    const granted = authorizeOrHide(actor, 'offering.review', target, () =>
      feedbackError('OFFERING_NOT_FOUND', { offeringId: command.offeringId }),
    );
    if (offering === null) throw feedbackError('OFFERING_NOT_FOUND');
    if (reviewOf(offering) !== 'pending') throw feedbackError('OFFERING_NOT_PENDING');
    const review: OfferingReviewState = command.approve ? 'approved' : 'rejected';
    const reason = command.reason.trim().length > 0 ? command.reason : null;
    await tx.update(COLLECTIONS.offerings, offering._id, {
      review,
      reviewReason: reason,
      reviewedBy: actor.openid,
      reviewedAt: now,
      updatedAt: now,
    });
    await markBoardStale(tx, offering.providerId, now);
    const before = snapshotOf(offering);
    const after: OfferingSnapshot = { ...before, review };
    await recordChange(ctx, input, offering, 'reviewed', before, after, ['review'], granted.role, reason);
    ctx.audit({
      entityType: 'offering',
      entityId: offering._id,
      orgPath: offering.orgPath,
      summary: `${command.approve ? '审核通过' : '审核不通过'}新增服务项目：${offering.providerName}${reason === null ? '' : `（${reason}）`}`,
      role: granted.role,
    });
    const next: ReviewedOffering = { ...offering, review };
    return {
      offeringId: offering._id,
      review,
      reviewLabel: OFFERING_REVIEW_LABELS[review],
      matchable: isMatchable(next),
    };
  });
}
