import type { ApplicationStatus } from '../lifecycle/application.lifecycle';
import type { ConcernStatus } from '../lifecycle/concern.lifecycle';
import type { ModerationStatus } from '../lifecycle/moderation.lifecycle';
import type { OrderStatus } from '../lifecycle/order.lifecycle';
import type { ProviderStatus } from '../lifecycle/provider.lifecycle';
import type { LifecycleEvent } from '../lifecycle/state-machine';
import type { BaseDocument, Located } from './common.model';

export type AnyLifecycleStatus =
  OrderStatus | ConcernStatus | ApplicationStatus | ProviderStatus | ModerationStatus;

/**
 * `events`: the life-cycle event log, one document per transition (entity, id, from, to, who, when, why),
 * written in the same transaction as the entity's new status. `orgPath` is the entity's, so a unit's
 * activity feed is a prefix query. Append-only.
 */
export type EventRecord = BaseDocument & Located & LifecycleEvent<AnyLifecycleStatus>;
