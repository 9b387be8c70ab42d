/**
 * A provider's page in the console (`GET /console/api/providers/:providerId`): its particulars, offerings,
 * ratings (a text held for review shows as null), how its reputation is made up (the same parts residents
 * are shown), its status history, the rectification it is under (考核整改 or 责令整改, its problems and
 * deadline), and whether the viewer may suspend, reinstate or order it to rectify now. For the units
 * that oversee it (`provider.records.view` on its `orgPath`); a provider outside them answers exactly as one
 * that does not exist (the matrix's OUT_OF_SCOPE, or PERMISSION_DENIED for a role without the view).
 */
import { authorize, checkAccess } from '../auth/authorize';
import { ROLE_LABELS, type Actor } from '../auth/roles';
import { orThrow } from '../kernel/outcome';
import type { DatabasePort } from '../kernel/database.port';
import { requireIdentity } from '../kernel/identity';
import { DEFAULT_PLATFORM_CONFIG } from '../kernel/platform.config';
import type { UseCaseInput } from '../kernel/use-case';
import {
  PROVIDER_LIFECYCLE,
  PROVIDER_STATUS_LABELS,
  type ProviderStatus,
} from '../lifecycle/provider.lifecycle';
import { COLLECTIONS } from '../model/collections.model';
import type { EventRecord } from '../model/event.model';
import type { Offering } from '../model/offering.model';
import type { Rating } from '../model/order.model';
import type { Evaluation } from '../model/evaluation.model';
import type { Provider } from '../model/provider.model';
import { priceView } from '../offerings/price.view';
import { providerIndustries, providerTarget } from '../auth/provider-access';
import { handRectificationInForce, RECTIFICATION_SOURCE_LABELS } from '../lifecycle/provider-rectification';
import { providerReputation } from '../reputation/provider-reputation';
import { parseCommand } from '../schemas/command.parser';
import { providerRecordsSchema } from '../schemas/console.schema';
import { serviceItems } from './console-catalog';
import { communityOf } from './console-orders.query';
import { openOrdersOf, providerRow } from './console-providers.query';
import { unitAt, unitNames } from './console-units';
import { consoleError } from './console.errors';
import type {
  ProviderRecordsReply,
  ProviderRectificationView,
  ProviderStatusEventView,
} from './console.replies';

const RECENT_RATINGS = 20;
const HISTORY = 20;
const MAX_OFFERINGS = 200;
const DAY_MS = 86_400_000;

/** The provider, if the viewer oversees it; the refusal for one they do not (or that does not exist). */
async function overseenProvider(db: DatabasePort, actor: Actor, providerId: string): Promise<Provider> {
  const provider = await db.get<Provider>(COLLECTIONS.providers, providerId);
  if (provider === null) {
    orThrow(checkAccess(actor, 'provider.records.view', {}));
    throw consoleError('PROVIDER_NOT_FOUND', { providerId });
  }
  authorize(actor, 'provider.records.view', { orgPath: provider.orgPath, providerId: provider._id });
  return provider;
}

export async function providerRecords(input: UseCaseInput): Promise<ProviderRecordsReply> {
  const { actor } = input;
  const { db } = input.ports;
  requireIdentity(actor);
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  const { providerId } = parseCommand(providerRecordsSchema, input.command);
  const p = await overseenProvider(db, actor, providerId);
  const [offerings, ratings, events, items, open, names, areas, rectification] = await Promise.all([
    db.find<Offering>(COLLECTIONS.offerings, { providerId }, { limit: MAX_OFFERINGS }),
    db.find<Rating>(
      COLLECTIONS.ratings,
      { providerId },
      {
        orderBy: [
          ['createdAt', 'desc'],
          ['_id', 'desc'],
        ],
        limit: RECENT_RATINGS,
      },
    ),
    db.find<EventRecord>(
      COLLECTIONS.events,
      { entityType: 'provider', entityId: providerId },
      {
        orderBy: [
          ['at', 'desc'],
          ['_id', 'desc'],
        ],
        limit: HISTORY,
      },
    ),
    serviceItems(db),
    openOrdersOf(db, providerId),
    unitNames(db, [communityOf(p.orgPath)]),
    Promise.all(p.serviceAreaPaths.map((path) => unitAt(db, path))),
    rectificationOf(db, p),
  ]);
  const itemName = new Map(items.map((i) => [i._id, i.name]));
  // A regulator acts on the providers of its industry (the matrix's `industry` scope).
  const target = providerTarget(p, await providerIndustries(db, p));
  return {
    provider: {
      ...providerRow(p, names.get(communityOf(p.orgPath)) ?? '', open),
      contactName: p.contactName,
      contactPhone: p.contactPhone,
      address: p.address,
      introduction: p.introduction,
      serviceAreas: areas.map((a, i) => a?.fullName ?? p.serviceAreaPaths[i]!),
      statusChangedAt: p.statusChangedAt,
    },
    offerings: offerings.map((o) => ({
      offeringId: o._id,
      itemId: o.itemId,
      itemName: itemName.get(o.itemId) ?? o.itemId,
      price: priceView(o.pricing),
      active: o.active,
      description: o.description,
    })),
    starCounts: p.starCounts ?? [0, 0, 0, 0, 0],
    recentRatings: ratings.map((r) => ({
      orderId: r.orderId,
      itemName: itemName.get(r.itemId) ?? r.itemId,
      stars: r.stars,
      text: r.textVisible ? r.text : null,
      createdAt: r.createdAt,
    })),
    scoreParts: providerReputation(p, config).components,
    statusHistory: events.map(statusEvent),
    actions: {
      suspend: PROVIDER_LIFECYCLE.checkStep(actor, p, 'suspended', target).ok,
      reinstate: p.status === 'suspended' && PROVIDER_LIFECYCLE.checkStep(actor, p, 'active', target).ok,
      // 责令限期整改: the matrix's provider.rectify and a status the life cycle moves to rectifying.
      rectify: PROVIDER_LIFECYCLE.checkStep(actor, p, 'rectifying', target).ok,
    },
    rectifyDefaultDays: config.governance.rectifyDefaultDays,
    rectifyDefaultDeadline: input.ports.clock.now() + config.governance.rectifyDefaultDays * DAY_MS,
    rectification,
  };
}

/** The rectification a rectifying provider is under now: ordered by hand, or by its latest evaluation. */
async function rectificationOf(db: DatabasePort, p: Provider): Promise<ProviderRectificationView | null> {
  if (p.status !== 'rectifying') return null;
  const evaluation = await db.findOne<Evaluation>(
    COLLECTIONS.evaluations,
    { providerId: p._id, outcome: 'rectify', published: true },
    {
      orderBy: [
        ['publishedAt', 'desc'],
        ['_id', 'desc'],
      ],
    },
  );
  const publishedAt = evaluation === null ? null : (evaluation.publishedAt ?? evaluation.createdAt);
  const byHand = handRectificationInForce(p, publishedAt);
  if (byHand !== null) {
    return {
      sourceLabel: RECTIFICATION_SOURCE_LABELS.hand,
      problems: byHand.problems,
      reason: byHand.reason,
      deadline: byHand.deadline,
      orderedAt: byHand.orderedAt,
      evaluationId: null,
    };
  }
  if (evaluation === null) return null;
  return {
    sourceLabel: RECTIFICATION_SOURCE_LABELS.evaluation,
    problems: evaluation.problems,
    reason: null,
    deadline: evaluation.rectifyDeadline ?? p.rectifyDeadline,
    orderedAt: publishedAt,
    evaluationId: evaluation._id,
  };
}

function statusEvent(e: EventRecord): ProviderStatusEventView {
  const to = e.to as ProviderStatus;
  return {
    at: e.at,
    from: e.from as ProviderStatus | null,
    to,
    toLabel: PROVIDER_STATUS_LABELS[to] ?? to,
    actorLabel: ROLE_LABELS[e.actor.role],
    reason: e.reason,
  };
}
