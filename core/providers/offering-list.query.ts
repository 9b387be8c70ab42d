/**
 * provider.offering.list {providerId}: every offering of a provider, pending review and unlisted ones too,
 * for its manager (mini-program) and the workers and leaders of its unit (console), with the buttons they may
 * use. A provider that does not exist answers like one outside the caller's units.
 */
import { authorize, can } from '../auth/authorize';
import type { Actor } from '../auth/roles';
import { requireIdentity } from '../kernel/identity';
import type { UseCaseInput } from '../kernel/use-case';
import type { ServiceItem } from '../model/catalog.model';
import { COLLECTIONS } from '../model/collections.model';
import { OFFERING_REVIEW_LABELS } from '../model/feedback.model';
import type { Provider } from '../model/provider.model';
import { describePricing } from '../offerings/pricing';
import { parseCommand } from '../schemas/command.parser';
import { offeringListSchema } from '../schemas/feedback.schema';
import { feedbackError } from './feedback.errors';
import type { OfferingListResult, OfferingView } from './feedback.replies';
import { isMatchable, reviewOf, type ReviewedOffering } from './offering-save.usecase';

const MAX_OFFERINGS = 200;

export function offeringView(o: ReviewedOffering, itemName: string): OfferingView {
  const review = reviewOf(o);
  return {
    offeringId: o._id,
    providerId: o.providerId,
    itemId: o.itemId,
    itemName,
    categoryId: o.categoryId,
    pricing: o.pricing,
    priceText: describePricing(o.pricing),
    description: o.description,
    active: o.active,
    review,
    reviewLabel: OFFERING_REVIEW_LABELS[review],
    reviewReason: o.reviewReason ?? null,
    matchable: isMatchable(o),
    updatedAt: o.updatedAt,
  };
}

function authorizeList(actor: Actor, provider: Provider | null, providerId: string): Provider {
  if (provider === null) {
    authorize(actor, 'offering.manage', {});
    throw feedbackError('PROVIDER_NOT_FOUND', { providerId });
  }
  const target = { orgPath: provider.orgPath, providerId: provider._id };
  // A leader reviews new items without keeping the prices: either action lets one read the list.
  if (!can(actor, 'offering.review', target)) authorize(actor, 'offering.manage', target);
  return provider;
}

export async function listOfferings(input: UseCaseInput): Promise<OfferingListResult> {
  const { ports, actor } = input;
  requireIdentity(actor);
  const query = parseCommand(offeringListSchema, input.command);
  const db = ports.db;
  const provider = authorizeList(
    actor,
    await db.get<Provider>(COLLECTIONS.providers, query.providerId),
    query.providerId,
  );
  const offerings = await db.find<ReviewedOffering>(
    COLLECTIONS.offerings,
    { providerId: provider._id },
    { orderBy: [['_id', 'asc']], limit: MAX_OFFERINGS },
  );
  const itemIds = [...new Set(offerings.map((o) => o.itemId))];
  const items =
    itemIds.length === 0
      ? []
      : await db.find<ServiceItem>(
          COLLECTIONS.serviceItems,
          { _id: db.command.in(itemIds) },
          { fields: ['name'], limit: MAX_OFFERINGS },
        );
  const names = new Map(items.map((i) => [i._id, i.name]));
  const target = { orgPath: provider.orgPath, providerId: provider._id };
  return {
    providerId: provider._id,
    providerName: provider.name,
    items: offerings.map((o) => offeringView(o, names.get(o.itemId) ?? '')),
    total: offerings.length,
    actions: {
      canSave: can(actor, 'offering.manage', target),
      canReview: can(actor, 'offering.review', target),
    },
  };
}
