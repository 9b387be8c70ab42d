/**
 * The notices of the 差评 follow-up, appeals and complaints. The resident hears about their order through
 * TPL_ORDER_STATUS (可再评价 after a ticket is resolved, 投诉属实 / 投诉不属实 after a complaint is decided);
 * the provider's manager and the unit's workers through TPL_FEEDBACK_TODO (core/reputation/feedback-ticket.ts).
 */
import type { SubscribeMessage } from '../kernel/notifier.port';
import { DEFAULT_PLATFORM_CONFIG, type PlatformConfig } from '../kernel/platform.config';
import { formatShanghaiMinute } from '../kernel/shanghai-time';
import { fitThing } from '../messaging/template-values';

/** The short words of TPL_ORDER_STATUS's `phrase1` these use (at most five characters). */
export const RESIDENT_PHRASES = {
  mayRerate: '可再评价',
  complaintUpheld: '投诉属实',
  complaintDismissed: '投诉不属实',
} as const;
export type ResidentPhrase = (typeof RESIDENT_PHRASES)[keyof typeof RESIDENT_PHRASES];

/** TPL_ORDER_STATUS to the resident about their order. */
export function residentNotice(
  config: PlatformConfig | undefined,
  about: { readonly residentOpenid: string; readonly orderId: string; readonly providerName: string },
  phrase: ResidentPhrase,
  at: number,
): SubscribeMessage[] {
  const c = config ?? DEFAULT_PLATFORM_CONFIG;
  return [
    {
      touser: about.residentOpenid,
      templateId: c.templates.orderStatus,
      page: `${c.pages.residentOrder}?orderId=${encodeURIComponent(about.orderId)}`,
      data: {
        phrase1: { value: phrase },
        thing2: { value: fitThing(about.providerName, '服务机构') },
        time3: { value: formatShanghaiMinute(at) },
      },
    },
  ];
}
