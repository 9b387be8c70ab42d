/**
 * `subscribeMessage.send`, validated as WeChat validates it (error codes from WeChat's documentation):
 * 40003 touser empty or not an openid, 40037 unknown template id, 47003 a parameter that is missing or breaks
 * its type's limit, 43101 the user has no accepted subscription left for the template.
 * A valid send uses one grant and lands in the outbox; a failed one changes nothing.
 */
import type { LocalDatabase } from '../db/local-database';
import { checkSendData, type TemplateCatalog } from './message-templates';
import { insertOutbox, nextMsgId } from './outbox';
import { consumeSubscription } from './subscriptions';
import { OPENID_PATTERN, wxError, wxOk, type WxReply } from './wechat-reply';

export const MINIPROGRAM_STATES = ['developer', 'trial', 'formal'] as const;
export const LANGS = ['zh_CN', 'en_US', 'zh_HK', 'zh_TW'] as const;

export interface SendContext {
  db: LocalDatabase;
  templates: TemplateCatalog;
  now: () => number;
}

export function sendSubscribeMessage(ctx: SendContext, params: Record<string, unknown>): WxReply {
  const touser = params['touser'];
  if (typeof touser !== 'string' || !OPENID_PATTERN.test(touser)) {
    return wxError(40003, 'invalid openid', 'touser 为空或不是合法的 openid');
  }
  const templateId = params['template_id'];
  const template = typeof templateId === 'string' ? ctx.templates.get(templateId) : undefined;
  if (!template) {
    return wxError(
      40037,
      'invalid template_id',
      `模板 ${JSON.stringify(templateId ?? '')} 未在 database/message-templates.json 中声明`,
    );
  }
  const state = params['miniprogram_state'] ?? 'formal';
  if (typeof state !== 'string' || !(MINIPROGRAM_STATES as readonly string[]).includes(state)) {
    return wxError(
      47003,
      'argument invalid! miniprogram_state invalid',
      'miniprogram_state 只能是 developer、trial 或 formal',
    );
  }
  const lang = params['lang'] ?? 'zh_CN';
  if (typeof lang !== 'string' || !(LANGS as readonly string[]).includes(lang)) {
    return wxError(47003, 'argument invalid! lang invalid', 'lang 只能是 zh_CN、en_US、zh_HK 或 zh_TW');
  }
  const page = params['page'] ?? '';
  if (typeof page !== 'string' || page.length > 1024) {
    return wxError(47003, 'argument invalid! page invalid', 'page 必须是小程序页面路径字符串');
  }
  const checked = checkSendData(template, params['data']);
  if (!checked.ok) return wxError(47003, checked.errmsg, checked.hint);

  const now = ctx.now();
  const msgid = nextMsgId(now);
  // Use the grant and record the message in one transaction: both happen or neither does.
  const sent = ctx.db.store.atomically(() => {
    if (!consumeSubscription(ctx.db, touser, template.id)) return false;
    insertOutbox(ctx.db, {
      msgid,
      touser,
      templateId: template.id,
      title: template.title,
      page,
      data: checked.data,
      miniprogramState: state,
      lang,
      sentAt: new Date(now),
    });
    return true;
  });
  if (!sent) {
    return wxError(
      43101,
      'user refuse to accept the msg',
      `用户 ${touser} 没有可用的「${template.title}」订阅次数(需先在小程序中通过 wx.requestSubscribeMessage 同意)`,
    );
  }
  return wxOk({ msgid });
}
