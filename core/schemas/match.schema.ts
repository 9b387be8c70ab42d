/**
 * Matching: the items a resident ticked. A query (it records gaps for the dashboard as a side note, but
 * books nothing), so it carries no request id; the order created from it does.
 */
import type { z } from 'zod';
import { id, list, query } from './fields.schema';

export const matchRequestSchema = query({
  itemIds: list('服务项目', id('服务项目'), { min: 1, max: 10, unique: true, verb: '选择' }),
  /** 代下单: the resident a worker matches for (their `users` id); absent: the caller. */
  residentId: id('居民').optional(),
});
export type MatchRequestQuery = z.output<typeof matchRequestSchema>;
