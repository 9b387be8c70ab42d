/** Resident profile: read it, bind to a grid or community; contact phone with consent. */
import { z } from 'zod';
import { clientRequestId, command, id, mobilePhone, optionalText, query, text } from './fields.schema';

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
