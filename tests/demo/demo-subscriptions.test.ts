/**
 * Seeding the demo into a local cloud (scripts/seed-demo.ts) records the demo identities' subscribe-message
 * grants where the local cloud's `subscribeMessage.send` takes them: the order loop's messages to them land
 * in the outbox, one grant each, until the grants run out (43101), as one-time subscriptions do in WeChat;
 * a restart records nothing twice.
 */
import { rmSync } from 'node:fs';
import { DEFAULT_PLATFORM_CONFIG } from '../../core/kernel/platform.config';
import type { SubscribeMessage } from '../../core/kernel/notifier.port';
import {
  followUpDueMessage,
  orderNewMessage,
  orderStatusMessage,
  reviewReminderMessage,
} from '../../core/orders/order-messages.builder';
import type { Order } from '../../core/model/order.model';
import { DEFAULT_DEMO_NOW } from '../../demo/demo.constants';
import { DEMO_ORDER_LOOPS_SUBSCRIBED, DEMO_SUBSCRIPTIONS } from '../../demo/demo-identities';
import { loadIndexCatalog } from '../../localcloud/db/index-catalog';
import { LocalDatabase } from '../../localcloud/db/local-database';
import { SqliteStore } from '../../localcloud/db/sqlite.store';
import { DEFAULT_INDEX_FILE } from '../../localcloud/local-cloud';
import { loadMessageTemplates } from '../../localcloud/openapi/message-templates';
import { listOutbox, OUTBOX_COLLECTION } from '../../localcloud/openapi/outbox';
import { sendSubscribeMessage } from '../../localcloud/openapi/subscribe-message';
import { remainingSubscriptions } from '../../localcloud/openapi/subscriptions';
import { seedDemoData } from '../../scripts/seed-demo';
import { tempDir } from '../helpers/local-cloud.fixture';

const config = DEFAULT_PLATFORM_CONFIG;
const templates = loadMessageTemplates();
const now = () => DEFAULT_DEMO_NOW;

let dataDir: string;
let store: SqliteStore;
let db: LocalDatabase;

beforeAll(() => {
  dataDir = tempDir('weimin-demo-subscriptions-');
  store = new SqliteStore({ dataDir, catalog: loadIndexCatalog(DEFAULT_INDEX_FILE) });
  db = new LocalDatabase(store, now);
  // What the local cloud's openapi creates at start.
  db.ensureCollection(OUTBOX_COLLECTION);
  expect(seedDemoData(db, now).created).toBe(true);
});

afterAll(() => {
  store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** An order of the demo loop, as the message builders read it. */
const order: Pick<Order, '_id' | 'itemName' | 'providerName' | 'note' | 'createdAt' | 'residentOpenid'> = {
  _id: 'ord-t-subscribed',
  itemName: '家电维修',
  providerName: '玉林市玉州区演示家庭服务中心',
  note: '客厅空调不制冷',
  createdAt: DEFAULT_DEMO_NOW,
  residentOpenid: 'demo-resident-1',
};

/** The order loop's message of `templateId` to `openid`, built as the core builds it. */
function messageOf(openid: string, templateId: string): SubscribeMessage {
  const { orderNew, orderStatus, followUpDue, reviewReminder } = config.templates;
  const toResident = { ...order, residentOpenid: openid };
  if (templateId === orderNew) return orderNewMessage(config, openid, order, '金港花园小区');
  if (templateId === orderStatus) return orderStatusMessage(config, toResident, '已接单', DEFAULT_DEMO_NOW);
  if (templateId === followUpDue) return followUpDueMessage(config, openid, order, DEFAULT_DEMO_NOW);
  if (templateId === reviewReminder) return reviewReminderMessage(config, toResident, DEFAULT_DEMO_NOW);
  throw new Error(`not an order-loop template: ${templateId}`);
}

const send = (message: SubscribeMessage) =>
  sendSubscribeMessage(
    { db, templates, now },
    { touser: message.touser, template_id: message.templateId, page: message.page, data: message.data },
  );

// The order loop's templates (the concerns loop's are granted fewer times: demo-identities.ts).
const { orderNew, orderStatus, followUpDue, reviewReminder, urgentRequest } = config.templates;
const orderLoopTemplates = new Set([orderNew, orderStatus, followUpDue, reviewReminder, urgentRequest]);
const orderLoopGrants = DEMO_SUBSCRIPTIONS.filter((s) => orderLoopTemplates.has(s.templateId));

describe("the demo identities' subscribe-message grants, seeded into the local cloud", () => {
  test('every seeded grant is recorded for the sender, for a declared template', () => {
    for (const { openid, templateId, count } of DEMO_SUBSCRIPTIONS) {
      expect(templates.has(templateId)).toBe(true);
      expect(remainingSubscriptions(db, openid, templateId)).toBe(count);
    }
    expect(orderLoopGrants).toHaveLength(8);
  });

  test.each(orderLoopGrants.map((g) => [g.openid, g.templateId, g.count] as const))(
    '%s receives %s once per grant (%i), then is refused with 43101',
    (openid, templateId, count) => {
      expect(count).toBe(DEMO_ORDER_LOOPS_SUBSCRIBED);
      for (let n = 1; n <= count; n += 1) {
        expect(send(messageOf(openid, templateId))).toMatchObject({ errcode: 0 });
        expect(remainingSubscriptions(db, openid, templateId)).toBe(count - n);
      }
      expect(send(messageOf(openid, templateId))).toMatchObject({ errcode: 43101 });
      const sent = listOutbox(db, { touser: openid, templateId }, 0, 100);
      expect(sent.total).toBe(count);
    },
  );

  test('a restart seeds nothing twice: no grant is added again', () => {
    const remaining = () => DEMO_SUBSCRIPTIONS.map((s) => remainingSubscriptions(db, s.openid, s.templateId));
    const before = remaining();
    expect(seedDemoData(db, now).created).toBe(false);
    expect(remaining()).toEqual(before);
  });
});
