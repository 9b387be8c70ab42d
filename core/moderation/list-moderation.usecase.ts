/**
 * moderation.list: the pending items of the worker's unit (and every unit below it), oldest first, a page at
 * a time: texts WeChat's content check held for review and ratings whose stars were held (decision 0013).
 * Two queries on `moderation_items` (`status_1_orgPath_1_createdAt_1`): the page and the total.
 */
import { COLLECTIONS } from '../model/collections.model';
import {
  MODERATION_HOLD_REASON_LABELS,
  MODERATION_KIND_LABELS,
  type ModerationItem,
} from '../model/moderation.model';
import { requireIdentity } from '../kernel/identity';
import type { UseCaseInput } from '../kernel/use-case';
import { parseCommand } from '../schemas/command.parser';
import { moderationListSchema } from '../schemas/moderation.schema';
import { moderationUnit } from './moderation-scope';
import type { ModerationEntry, ModerationListReply } from './moderation.replies';

export async function listModeration(input: UseCaseInput): Promise<ModerationListReply> {
  const { ports, actor } = input;
  const { db } = ports;
  requireIdentity(actor);
  const { page, pageSize } = parseCommand(moderationListSchema, input.command);
  const unit = moderationUnit(actor);
  const where = { status: 'pending', orgPath: db.command.prefix(unit) };
  const [rows, total] = await Promise.all([
    db.find<ModerationItem>(COLLECTIONS.moderationItems, where, {
      orderBy: [
        ['createdAt', 'asc'],
        ['_id', 'asc'],
      ],
      skip: (page - 1) * pageSize,
      limit: pageSize,
    }),
    db.count(COLLECTIONS.moderationItems, where),
  ]);
  return { items: rows.map(entryOf), total, page, pageSize, hasMore: page * pageSize < total };
}

function entryOf(item: ModerationItem): ModerationEntry {
  return {
    itemId: item._id,
    kind: item.kind,
    kindLabel: MODERATION_KIND_LABELS[item.kind],
    holdReason: item.holdReason,
    holdReasonLabel: MODERATION_HOLD_REASON_LABELS[item.holdReason],
    text: item.text,
    orderId: item.orderId,
    orgPath: item.orgPath,
    createdAt: item.createdAt,
  };
}
