/**
 * admin-api's routes for the message centre (消息中心, docs/console.md): the signed-in person's own notices
 * (their console account's openid, as in the mini-program) and marking them read; the same use cases as the
 * `profile` function's message.list and message.read.
 */
import { listConsoleMessages, readMessages } from '../../../core/messaging/inbox.usecase';
import type { HttpRoute } from '../../../function-kit/http-function';

export const messagesRoutes: Readonly<Record<string, HttpRoute>> = {
  'GET /console/api/messages': (ctx, r) => listConsoleMessages({ ...ctx, command: r.query }),
  'POST /console/api/messages/read': (ctx, r) => readMessages({ ...ctx, command: r.body }),
};
