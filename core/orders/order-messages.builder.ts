/**
 * The order loop's subscribe messages (database/message-templates.json) and who receives them. Values are
 * cut to WeChat's limits (a `thing` is at most 20 characters) so a long item or provider name never makes
 * a send fail.
 */
import type { User } from '../model/user.model';
import { COLLECTIONS } from '../model/collections.model';
import type { Order } from '../model/order.model';
import type { DatabasePort } from '../kernel/database.port';
import type { SubscribeMessage } from '../kernel/notifier.port';
import { formatShanghaiMinute } from '../kernel/shanghai-time';
import type { PlatformConfig } from '../kernel/platform.config';
import { fitThing } from '../messaging/template-values';

export { fitThing };

/** The short status word of TPL_ORDER_STATUS (`phrase`: at most five Chinese characters). */
export const ORDER_STATUS_PHRASES = {
  accepted: '已接单',
  declined: '已拒单',
  expired: '超时未接',
  cancelled: '已取消',
  done: '已完成',
} as const;
export type OrderStatusPhrase = (typeof ORDER_STATUS_PHRASES)[keyof typeof ORDER_STATUS_PHRASES];

function pageFor(page: string, orderId: string): string {
  return `${page}?orderId=${encodeURIComponent(orderId)}`;
}

type OrderFacts = Pick<Order, '_id' | 'itemName' | 'providerName' | 'note' | 'createdAt' | 'residentOpenid'>;

/** TPL_ORDER_NEW to one staff member: item, the resident's estate or community, time, note. */
export function orderNewMessage(
  config: PlatformConfig,
  touser: string,
  order: OrderFacts,
  unitName: string,
): SubscribeMessage {
  return {
    touser,
    templateId: config.templates.orderNew,
    page: pageFor(config.pages.staffJob, order._id),
    data: {
      thing1: { value: fitThing(order.itemName) },
      thing2: { value: fitThing(unitName, '本社区') },
      time3: { value: formatShanghaiMinute(order.createdAt) },
      thing4: { value: fitThing(order.note) },
    },
  };
}

/** TPL_ORDER_STATUS to the resident. */
export function orderStatusMessage(
  config: PlatformConfig,
  order: OrderFacts,
  phrase: OrderStatusPhrase,
  at: number,
): SubscribeMessage {
  return {
    touser: order.residentOpenid,
    templateId: config.templates.orderStatus,
    page: pageFor(config.pages.residentOrder, order._id),
    data: {
      phrase1: { value: phrase },
      thing2: { value: fitThing(order.providerName) },
      time3: { value: formatShanghaiMinute(at) },
    },
  };
}

/** TPL_FOLLOWUP_DUE to one staff member. */
export function followUpDueMessage(
  config: PlatformConfig,
  touser: string,
  order: Pick<Order, '_id' | 'itemName'>,
  dueAt: number,
): SubscribeMessage {
  return {
    touser,
    templateId: config.templates.followUpDue,
    page: pageFor(config.pages.staffJob, order._id),
    data: {
      time1: { value: formatShanghaiMinute(dueAt) },
      thing2: { value: fitThing(order.itemName) },
      // A character_string holds at most 32 letters, digits or symbols.
      character_string3: { value: order._id.slice(0, 32) },
    },
  };
}

/** TPL_REVIEW_REMINDER to the resident when the job is done. */
export function reviewReminderMessage(
  config: PlatformConfig,
  order: OrderFacts,
  doneAt: number,
): SubscribeMessage {
  return {
    touser: order.residentOpenid,
    templateId: config.templates.reviewReminder,
    page: pageFor(config.pages.residentOrder, order._id),
    data: {
      thing1: { value: fitThing(order.itemName) },
      thing2: { value: fitThing(order.providerName) },
      time3: { value: formatShanghaiMinute(doneAt) },
      thing4: { value: '服务已完成，请您评价' },
    },
  };
}

/** The openids of a provider's staff (users holding a provider_staff grant for it). */
export async function providerStaffOpenids(db: DatabasePort, providerId: string): Promise<string[]> {
  const users = await db.find<User>(
    COLLECTIONS.users,
    { 'grants.providerId': providerId },
    { fields: ['openid', 'grants'], orderBy: [['_id', 'asc']], limit: 100 },
  );
  return users
    .filter((u) => u.grants.some((g) => g.role === 'provider_staff' && g.providerId === providerId))
    .map((u) => u._id);
}
