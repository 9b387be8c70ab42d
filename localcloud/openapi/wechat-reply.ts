/** WeChat open-API reply bodies (`respData` of CommOpenApiResp) as the local cloud produces them. */
import { randomBytes } from 'node:crypto';

export type WxReply = { errcode: number; errmsg: string } & Record<string, unknown>;

/** WeChat appends a request id to error messages: `... rid: 64e41852-5c2e1227-2885cbfa`. */
export function rid(): string {
  const h = randomBytes(12).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 16)}-${h.slice(16, 24)}`;
}

/** A WeChat error reply; `hint` (Chinese) is appended after the rid to tell a developer what was wrong. */
export function wxError(errcode: number, errmsg: string, hint?: string): WxReply {
  return { errcode, errmsg: `${errmsg} rid: ${rid()}${hint ? ` [本地云提示:${hint}]` : ''}` };
}

export function wxOk(fields: Record<string, unknown> = {}): WxReply {
  return { errcode: 0, errmsg: 'ok', ...fields };
}

/** WeChat openids are 28 characters of [A-Za-z0-9_-]; local demo identities follow the gateway's rule. */
export const OPENID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
