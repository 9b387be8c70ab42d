/**
 * provider.offering.list {providerId}: every offering of a provider, pending review and unlisted ones too,
 * for its staff (mini-program: the manager keeps them, the other staff only read them) and the workers and
 * leaders of its unit (console), with the buttons they may use (`actions.canSave`, `actions.canReview`). A provider that does not exist answers like one outside the caller's units.
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
    authorize(actor, 'offering.view', {});
    throw feedbackError('PROVIDER_NOT_FOUND', { providerId });
  }
  // Any of the provider's staff reads the list (read-only unless they manage it: actions.canSave).
  authorize(actor, 'offering.view', { orgPath: provider.orgPath, providerId: provider._id });
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
