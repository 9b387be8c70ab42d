/**
 * Free text another person will read goes through content security (WeChat's msgSecCheck, the
 * ContentSecurity port) after the command is authorized, never before: a stranger must not spend the
 * platform's quota. `risky` refuses the command with the field's own stable code and a Chinese message
 * naming the field; `review` accepts it but keeps the text from everyone but its author until a worker of
 * the unit decides (a `moderation_items` record, written in the command's transaction).
 */
import type { HeldTextKind, ModerationHoldReason, ModerationItem } from '../model/moderation.model';
import { moderationItemId, type ModerationSubject } from '../model/moderation.model';
import type { ContentScene } from './content-security.port';
import { domainErrorsOf } from './errors';
import type { PlatformPorts } from './use-case';

/** Per text field: msgSecCheck's scene, and its stable code when the text is refused. */
export const SCREENED_TEXTS: Readonly<
  Record<HeldTextKind, { readonly scene: ContentScene; readonly riskyCode: ContentRiskyCode }>
> = {
  order_note: { scene: 'comment', riskyCode: 'ORDER_NOTE_RISKY' },
  service_address: { scene: 'profile', riskyCode: 'SERVICE_ADDRESS_RISKY' },
  cancel_reason: { scene: 'comment', riskyCode: 'CANCEL_REASON_RISKY' },
  decline_reason: { scene: 'comment', riskyCode: 'DECLINE_REASON_RISKY' },
  follow_up_summary: { scene: 'log', riskyCode: 'FOLLOW_UP_SUMMARY_RISKY' },
  follow_up_problems: { scene: 'log', riskyCode: 'FOLLOW_UP_PROBLEMS_RISKY' },
  follow_up_suggestions: { scene: 'log', riskyCode: 'FOLLOW_UP_SUGGESTIONS_RISKY' },
  // The code ratings have always answered (never change an existing code).
  rating_text: { scene: 'comment', riskyCode: 'CONTENT_RISKY' },
  // Notices (信息发布, docs/announcements.md): published to every resident of a branch of the tree.
  announcement_title: { scene: 'forum', riskyCode: 'ANNOUNCEMENT_TITLE_RISKY' },
  announcement_body: { scene: 'forum', riskyCode: 'ANNOUNCEMENT_BODY_RISKY' },
};

const RISKY = '含有不适宜发布的信息，请修改后再提交';

/** Stable codes of refused text, one per field; the message names the field. */
export const CONTENT_ERRORS = {
  ORDER_NOTE_RISKY: `备注${RISKY}`,
  SERVICE_ADDRESS_RISKY: `服务地址${RISKY}`,
  CANCEL_REASON_RISKY: `取消原因${RISKY}`,
  DECLINE_REASON_RISKY: `拒单原因${RISKY}`,
  FOLLOW_UP_SUMMARY_RISKY: `回访情况${RISKY}`,
  FOLLOW_UP_PROBLEMS_RISKY: `反映的问题${RISKY}`,
  FOLLOW_UP_SUGGESTIONS_RISKY: `提出的建议${RISKY}`,
  CONTENT_RISKY: `评价内容${RISKY}`,
  ANNOUNCEMENT_TITLE_RISKY: `标题${RISKY}`,
  ANNOUNCEMENT_BODY_RISKY: `正文${RISKY}`,
} as const;
export type ContentRiskyCode = keyof typeof CONTENT_ERRORS;

export const contentError = domainErrorsOf(CONTENT_ERRORS);

export interface TextToScreen {
  readonly kind: HeldTextKind;
  readonly text: string;
}

/**
 * Check each non-empty text, in order, as `openid` wrote it. Throws the first risky field's error; answers
 * the kinds WeChat asked a person to look at (empty: all clear). Call it after authorization, outside the
 * command's transaction (a retried transaction must not check again).
 */
export async function screenTexts(
  ports: Pick<PlatformPorts, 'contentSecurity'>,
  openid: string,
  texts: readonly TextToScreen[],
): Promise<HeldTextKind[]> {
  const held: HeldTextKind[] = [];
  for (const { kind, text } of texts) {
    if (text.trim().length === 0) continue;
    const verdict = await ports.contentSecurity.check(text, openid, SCREENED_TEXTS[kind].scene);
    if (verdict === 'risky') throw contentError(SCREENED_TEXTS[kind].riskyCode, { field: kind });
    if (verdict === 'review') held.push(kind);
  }
  return held;
}

/** What a held item records about the record it belongs to. */
export interface HeldSubject {
  readonly subject: ModerationSubject;
  readonly subjectId: string;
  readonly orderId: string;
  readonly orgPath: string;
  readonly authorOpenid: string;
}

/** The pending moderation item of one held text (or held stars), ready to insert. */
export function moderationItem(
  subject: HeldSubject,
  kind: ModerationItem['kind'],
  text: string,
  holdReason: ModerationHoldReason,
  now: number,
): ModerationItem {
  return {
    _id: moderationItemId(kind, subject.subjectId),
    ...subject,
    kind,
    holdReason,
    text,
    status: 'pending',
    decidedAt: null,
    decidedBy: null,
    decisionReason: null,
    createdAt: now,
    updatedAt: now,
  };
}
