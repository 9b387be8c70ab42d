/** The `profile` function: where the resident lives (grid or community) and their contact phone. */
import { query, write } from '../call';

export interface ProfileReply {
  nickname: string;
  /** Masked. */
  phone: string | null;
  homeUnitId: string | null;
  /** The bound unit's full name, e.g. 玉林市玉州区玉城街道东门社区. */
  homeUnitName?: string | null;
}

export function getProfile(): Promise<ProfileReply> {
  return query<ProfileReply>('profile', 'profile.get', {});
}

export function bindHome(orgUnitId: string): Promise<unknown> {
  return write('profile', 'profile.bind', `profile.bind:${orgUnitId}`, { orgUnitId });
}

/**
 * The user's consent to the personal-information guide travels with the number (`consent: true`, which the
 * form only sends once the user ticked it).
 */
export type PhoneConsent = true;

/** A typed number (local mode, or where the phone-number button is unavailable). */
export function setTypedPhone(phone: string, consent: PhoneConsent): Promise<unknown> {
  return write('profile', 'profile.phone.set', `profile.phone.set:typed:${phone}`, {
    method: 'typed',
    phone,
    consent,
  });
}

/** The one-time code of WeChat's phone-number button; the function exchanges it for the number. */
export function setWechatPhone(phoneCode: string, consent: PhoneConsent): Promise<unknown> {
  return write('profile', 'profile.phone.set', `profile.phone.set:wechat:${phoneCode}`, {
    method: 'wechat',
    phoneCode,
    consent,
  });
}
