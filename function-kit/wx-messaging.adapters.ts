/**
 * The core's Notifier and ContentSecurity ports on wx-server-sdk's `cloud.openapi` (subscribe messages and
 * msgSecCheck v2). Logical template ids (database/message-templates.json) are mapped to the real WeChat ids
 * through the TEMPLATE_IDS environment variable on deployment; locally they are used as they are.
 */
import type { ContentScene, ContentSecurity, ContentVerdict } from '../core/kernel/content-security.port';
import type { Notifier, NotifyOutcome, SubscribeMessage } from '../core/kernel/notifier.port';

/** wx-server-sdk's `cloud`, seen through the typed open APIs the platform calls (typings/wx-openapi.d.ts). */
export interface WxOpenApiCloud {
  readonly openapi: WxOpenApi.Client;
}

const SCENES: Record<ContentScene, WxOpenApi.MsgSecCheckParams['scene']> = {
  profile: 1,
  comment: 2,
  forum: 3,
  log: 4,
};

export function templateIdMap(env: string | undefined): Record<string, string> {
  if (!env) return {};
  try {
    const parsed = JSON.parse(env) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/**
 * subscribeMessage.send errcodes that are WeChat's final word on a message: invalid openid (40003), template
 * (40037) or page (41030), the user has not allowed it (43101), a value fails the template's rules (47003).
 * Anything else (-1 system busy, 45009 quota, a network error) may succeed later.
 */
const FINAL_SEND_ERRORS: ReadonlySet<number> = new Set([40003, 40037, 41030, 43101, 47003]);

export function createWxNotifier(cloud: WxOpenApiCloud, templateIds: Record<string, string> = {}): Notifier {
  return {
    async send(message: SubscribeMessage): Promise<NotifyOutcome> {
      try {
        await cloud.openapi.subscribeMessage.send({
          touser: message.touser,
          templateId: templateIds[message.templateId] ?? message.templateId,
          page: message.page,
          data: message.data,
          miniprogramState: process.env['MINIPROGRAM_STATE'] ?? 'formal',
        });
        return { ok: true };
      } catch (e) {
        const err = e as { errCode?: number; errMsg?: string; message?: string };
        return {
          ok: false,
          code: `WX_${err.errCode ?? 'ERROR'}`,
          message: err.errCode === 43101 ? '用户未订阅该消息' : (err.errMsg ?? err.message ?? '发送失败'),
          retryable: err.errCode === undefined || !FINAL_SEND_ERRORS.has(err.errCode),
        };
      }
    },
  };
}

export function createWxContentSecurity(cloud: WxOpenApiCloud): ContentSecurity {
  return {
    async check(text: string, openid: string, scene: ContentScene): Promise<ContentVerdict> {
      const res = await cloud.openapi.security.msgSecCheck({
        openid,
        scene: SCENES[scene],
        version: 2,
        content: text,
      });
      const suggest = res?.result?.suggest;
      return suggest === 'risky' ? 'risky' : suggest === 'review' ? 'review' : 'pass';
    },
  };
}
