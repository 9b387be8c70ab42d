/**
 * Resident profile: read it, bind to a grid or community; contact phone with consent. A resident's rights
 * over their data (PIPL arts. 44-47, 50): a copy of it, withdrawing the phone consent, deleting the account,
 * and the requests a worker decides.
 */
import { z } from 'zod';
import {
  PRIVACY_REQUEST_CONTENT,
  PRIVACY_REQUEST_KINDS,
  PRIVACY_REQUEST_REPLY,
} from './privacy-request.fields';
import { clientRequestId, command, id, mobilePhone, oneOf, optionalText, query, text } from './fields.schema';

/** The caller's own profile: identity comes from the WeChat context, so the query takes nothing. */
export const profileGetSchema = query({});
export type ProfileGetQuery = z.output<typeof profileGetSchema>;

export const profileBindSchema = command({
  /** The grid (小区/网格) or community chosen from the org tree. */
  orgUnitId: id('所在社区或网格'),
  nickname: optionalText('称呼', 20),
});
export type ProfileBindCommand = z.output<typeof profileBindSchema>;

const consent = z.literal(true, { error: '请先阅读并同意《个人信息保护指引》' });

/**
 * Contact phone. In WeChat the phone-number button yields a one-time code the function exchanges for the
 * number (`wechat`); locally, and where the button is unavailable, the number is typed (`typed`).
 * Either way the user's consent is part of the command.
 */
export const phoneSetSchema = z.discriminatedUnion(
  'method',
  [
    z.object({
      clientRequestId,
      consent,
      method: z.literal('wechat'),
      phoneCode: text('手机号授权码', { max: 128 }),
    }),
    z.object({ clientRequestId, consent, method: z.literal('typed'), phone: mobilePhone }),
  ],
  { error: '请选择获取手机号码的方式' },
);
export type PhoneSetCommand = z.output<typeof phoneSetSchema>;

/** profile.export: a copy of everything the platform holds about the caller. */
export const profileExportSchema = query({});
export type ProfileExportQuery = z.output<typeof profileExportSchema>;

/** profile.phone.withdraw: the phone consent withdrawn (the number is removed). */
export const phoneWithdrawSchema = command({});
export type PhoneWithdrawCommand = z.output<typeof phoneWithdrawSchema>;

/** profile.delete: the account deleted; the resident confirms they mean it. */
export const profileDeleteSchema = command({
  confirm: z.literal(true, { error: '请确认注销账号' }),
});
export type ProfileDeleteCommand = z.output<typeof profileDeleteSchema>;

/** privacy.request.submit: a request a worker decides, optionally about one of the caller's orders. */
export const privacyRequestSubmitSchema = command({
  kind: oneOf('申请类型', PRIVACY_REQUEST_KINDS),
  content: text(PRIVACY_REQUEST_CONTENT.label, PRIVACY_REQUEST_CONTENT),
  orderId: id('订单').optional(),
});
export type PrivacyRequestSubmitCommand = z.output<typeof privacyRequestSubmitSchema>;

/** privacy.request.list: the caller's own requests, newest first. */
export const privacyRequestListSchema = query({});
export type PrivacyRequestListQuery = z.output<typeof privacyRequestListSchema>;

/** privacy.request.decide: a worker completes a request, or refuses it with the reason. */
export const privacyRequestDecideSchema = z.discriminatedUnion(
  'outcome',
  [
    z.object({
      clientRequestId,
      requestId: id('申请'),
      outcome: z.literal('completed'),
      reply: optionalText(PRIVACY_REQUEST_REPLY.label, PRIVACY_REQUEST_REPLY.max, PRIVACY_REQUEST_REPLY),
    }),
    z.object({
      clientRequestId,
      requestId: id('申请'),
      outcome: z.literal('refused'),
      reply: text(`不予办理的理由`, PRIVACY_REQUEST_REPLY),
    }),
  ],
  { error: '请选择办理结果' },
);
export type PrivacyRequestDecideCommand = z.output<typeof privacyRequestDecideSchema>;
