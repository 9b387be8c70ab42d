/**
 * The message centre (消息中心): the caller's own notices, a page at a time, and marking them read (one, or
 * all at once). Identity comes from the WeChat context or the console session, never from the input.
 */
import { z } from 'zod';
import { queryInt } from './console.schema';
import { bool, command, id, paging, query } from './fields.schema';

/** message.list: the caller's notices, newest first; `unreadOnly` leaves out those already read. */
export const messageListSchema = query({
  ...paging,
  unreadOnly: bool('是否只看未读').default(false),
});
export type MessageListQuery = z.output<typeof messageListSchema>;

/** A yes/no, also when written as `true` / `false` (a URL query value). */
function queryBool(label: string) {
  return z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), bool(label));
}

/** message.list from the console: the same query, its values as URL query strings. */
export const consoleMessageListSchema = query({
  page: queryInt('页码', 1, 10_000).default(1),
  pageSize: queryInt('每页条数', 1, 50).default(20),
  unreadOnly: queryBool('是否只看未读').default(false),
});

/** message.read: one notice (`messageId`) or every unread one (`all: true`) marked read; exactly one of them. */
export const messageReadSchema = command({
  messageId: id('消息').optional(),
  all: z.literal(true, { error: '全部已读只能为 true' }).optional(),
}).refine((c) => (c.messageId === undefined) !== (c.all === undefined), {
  error: '请选择要标记为已读的消息，或选择全部已读',
  path: ['messageId'],
});
export type MessageReadCommand = z.output<typeof messageReadSchema>;
