/**
 * The message centre's copy of a subscribe message (core/messaging/message-outbox.ts `inboxMessageOf`) and
 * the template catalogue the core reads (core/messaging/message-templates.ts): the same file the local cloud
 * validates sends against, each template long-term or one-time as decided (docs/decisions/0024).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inboxMessageOf } from '../../../core/messaging/message-outbox';
import { MESSAGE_TEMPLATES, labelledLines } from '../../../core/messaging/message-templates';
import type { OutboxMessage } from '../../../core/model/platform.model';
import { loadMessageTemplates } from '../../../localcloud/openapi/message-templates';

const FILE = join(__dirname, '..', '..', '..', 'database', 'message-templates.json');
const raw = JSON.parse(readFileSync(FILE, 'utf8')) as {
  templates: Record<string, { subscription?: unknown }>;
};

describe('the template catalogue as the core reads it', () => {
  test('is the local cloud’s: the same templates, titles, keys in the same order and labels', () => {
    const local = loadMessageTemplates(FILE);
    expect([...MESSAGE_TEMPLATES.keys()].sort()).toEqual([...local.keys()].sort());
    for (const [id, template] of local) {
      const core = MESSAGE_TEMPLATES.get(id)!;
      expect(core.title).toBe(template.title);
      expect(core.keys).toEqual(template.keys.map((k) => [k.key, k.label]));
    }
  });

  test('every template says whether it is long-term or one-time', () => {
    for (const [id, spec] of Object.entries(raw.templates)) {
      expect({ id, subscription: spec.subscription }).toEqual({
        id,
        subscription: expect.stringMatching(/^(long_term|one_time)$/),
      });
    }
  });

  test.each([
    ['TPL_ORDER_STATUS', 'one_time'],
    ['TPL_REVIEW_REMINDER', 'one_time'],
    ['TPL_CONCERN_PROGRESS', 'one_time'],
    ['TPL_WISH_CLAIMED', 'one_time'],
    ['TPL_ORDER_NEW', 'long_term'],
    ['TPL_FOLLOWUP_DUE', 'long_term'],
    ['TPL_URGENT_REQUEST', 'long_term'],
    ['TPL_CONCERN_TODO', 'long_term'],
  ])('%s is %s', (id, kind) => {
    expect(MESSAGE_TEMPLATES.get(id)?.subscription).toBe(kind);
  });
});

describe('a notice in the message centre', () => {
  const outbox: OutboxMessage = {
    _id: 'msg-0001',
    message: {
      touser: 'o-resident',
      templateId: 'TPL_ORDER_STATUS',
      page: 'pages/order-detail/order-detail?orderId=o-1',
      // Not in the template's order: the centre shows the template's.
      data: {
        time3: { value: '2025年03月10日 10:00' },
        phrase1: { value: '已接单' },
        thing2: { value: '玉林家电快修' },
      },
    },
    subjectId: 'o-1',
    status: 'pending',
    attempts: 0,
    createdAt: 1_741_572_000_000,
    nextAttemptAt: 1_741_572_000_000,
    claimedAt: null,
    finishedAt: null,
    lastError: null,
  };

  test('shares the outbox message’s id, and is labelled in the template’s key order, unread', () => {
    expect(inboxMessageOf(outbox)).toEqual({
      _id: 'msg-0001',
      touser: 'o-resident',
      templateId: 'TPL_ORDER_STATUS',
      title: '订单状态通知',
      lines: [
        { label: '订单状态', value: '已接单' },
        { label: '服务商', value: '玉林家电快修' },
        { label: '更新时间', value: '2025年03月10日 10:00' },
      ],
      page: 'pages/order-detail/order-detail?orderId=o-1',
      subjectId: 'o-1',
      createdAt: 1_741_572_000_000,
      readAt: null,
    });
  });

  test('keeps a value the template does not declare, and a template the catalogue does not know', () => {
    expect(
      labelledLines('TPL_ORDER_STATUS', { phrase1: { value: '已完成' }, extra9: { value: 'x' } }),
    ).toEqual([
      { label: '订单状态', value: '已完成' },
      { label: 'extra9', value: 'x' },
    ]);
    const unknown = inboxMessageOf({ ...outbox, message: { ...outbox.message, templateId: 'TPL_NOPE' } });
    expect(unknown.title).toBe('TPL_NOPE');
    expect(unknown.lines).toHaveLength(3);
  });
});
