/**
 * Where a worker moderates: the unit of their first grant allowed to (the grant order `authorize` follows),
 * so the queue is one prefix query; anyone else gets the matrix's refusal.
 */
import { authorize, can } from '../auth/authorize';
import type { Actor } from '../auth/roles';
import type { ModerationItem } from '../model/moderation.model';
import { moderationError } from './moderation.errors';

export function moderationUnit(actor: Actor): string {
  for (const grant of actor.grants) {
    const target = { orgPath: grant.orgPath };
    if (grant.orgPath !== undefined && can(actor, 'moderation.view', target, { roles: [grant.role] })) {
      return grant.orgPath;
    }
  }
  // No grant may moderate anywhere: the matrix says why (PERMISSION_DENIED, or OUT_OF_SCOPE).
  authorize(actor, 'moderation.view', {});
  throw moderationError('MODERATION_ITEM_NOT_FOUND');
}

/** The item if it exists and lies within a unit the actor moderates; MODERATION_ITEM_NOT_FOUND otherwise. */
export function visibleItem(item: ModerationItem | null, actor: Actor, itemId: string): ModerationItem {
  if (item === null || !can(actor, 'moderation.view', { orgPath: item.orgPath })) {
    throw moderationError('MODERATION_ITEM_NOT_FOUND', { itemId });
  }
  return item;
}
