/**
 * The core's PhoneNumberResolver port on wx-server-sdk: `cloud.openapi.phonenumber.getPhoneNumber({ code })`
 * (WeChat's `phonenumber.getPhoneNumber`). The SDK turns the reply's snake_case into camelCase, so the number
 * is `phoneInfo.purePhoneNumber` (the number without country code; `phone_info.purePhoneNumber` in WeChat's
 * own JSON), and it throws for an errcode (40029 invalid code, 40013, -1 system busy...).
 *
 * Any failure resolves null (the core answers PHONE_CODE_INVALID and the user types the number): an invalid,
 * expired or used code, WeChat being unavailable, or the local cloud, which does not emulate this API and
 * rejects the call (`本地云暂不支持开放接口 phonenumber.getPhoneNumber`).
 */
import type { PhoneNumberResolver } from '../core/profile/phone-number.port';
import type { WxOpenApiCloud } from './wx-messaging.adapters';

interface PhoneInfo {
  readonly purePhoneNumber?: unknown;
  readonly phoneNumber?: unknown;
  readonly countryCode?: unknown;
}

function numberOf(reply: unknown): string | null {
  const r = (reply ?? {}) as { phoneInfo?: PhoneInfo; phone_info?: PhoneInfo };
  const info = r.phoneInfo ?? r.phone_info;
  const pure = info?.purePhoneNumber;
  return typeof pure === 'string' && pure.length > 0 ? pure : null;
}

export function createWxPhoneNumberResolver(cloud: WxOpenApiCloud): PhoneNumberResolver {
  return {
    async resolve(code: string): Promise<string | null> {
      try {
        const reply: unknown = await cloud.openapi.phonenumber.getPhoneNumber({ code });
        const number = numberOf(reply);
        if (number === null) console.warn('phonenumber.getPhoneNumber answered no phone number');
        return number;
      } catch (e) {
        const err = e as { errCode?: unknown; errMsg?: unknown; message?: unknown };
        console.warn('phonenumber.getPhoneNumber failed', err.errCode, err.errMsg ?? err.message);
        return null;
      }
    },
  };
}
