/**
 * Moderation (a worker's queue of held texts and held ratings): list the unit's pending items, and approve
 * or reject one (a reason is required to reject: the life cycle asks for it).
 */
import type { z } from 'zod';
import { command, id, oneOf, optionalText, paging, query } from './fields.schema';

export const MODERATION_DECISIONS = ['approve', 'reject'] as const;
export type ModerationDecision = (typeof MODERATION_DECISIONS)[number];

/** moderation.list: the pending items of the worker's unit, oldest first. */
export const moderationListSchema = query({ ...paging });
export type ModerationListQuery = z.output<typeof moderationListSchema>;

/** moderation.decide: approve (shown, or counted) or reject (kept hidden) one item. */
export const moderationDecideSchema = command({
  itemId: id('待审核内容'),
  decision: oneOf('审核结果', MODERATION_DECISIONS),
  reason: optionalText('审核意见', 200, { multiline: true }),
});
export type ModerationDecideCommand = z.output<typeof moderationDecideSchema>;
