/**
 * Subscribe-message consent, asked at the moment it matters (WeChat only shows the dialog from a tap, so
 * call these first thing in a tap handler, before any other await). Declining never blocks the action:
 * the user simply gets no message. Cloud mode asks WeChat, which records the grants; local mode asks with
 * a stand-in dialog and records the grants with the local cloud for the demo identity in use
 * (cloud-api.ts `requestSubscribe`), so the order loop's messages reach its outbox.
 *
 * The residents' templates are one-time (一次性订阅: one send per 允许), so they are asked for in the very tap
 * the message will be about (placing an order, ordering the next offer); the staff's are long-term (长期订阅,
 * `"subscription"` in database/message-templates.json, docs/decisions/0024-message-centre.md), asked once when
 * the person binds or turns reminders on. Whatever the answer, every notice is also in 消息中心.
 */
import { subscribeTemplates } from '../../config';
import { requestSubscribe } from '../cloud-api';

/** The templates accepted, of those asked; none when the dialog could not be shown. */
async function ask(templateIds: string[]): Promise<string[]> {
  try {
    const result = await requestSubscribe(templateIds);
    return templateIds.filter((id) => result[id] === 'accept');
  } catch {
    return [];
  }
}

/** Resident, when placing an order: status changes and the reminder to rate. */
export function askOrderUpdates(): Promise<string[]> {
  return ask([subscribeTemplates.orderStatus, subscribeTemplates.reviewReminder]);
}

/** Provider staff: new orders and follow-ups coming due. */
export function askJobAlerts(): Promise<string[]> {
  return ask([subscribeTemplates.orderNew, subscribeTemplates.followUpDue]);
}

/** Provider staff, when marking a job done: the follow-up reminder. */
export function askFollowUpReminder(): Promise<string[]> {
  return ask([subscribeTemplates.followUpDue]);
}
