/**
 * The `profile` function: where the resident lives (grid or community) and their contact phone. Every
 * command answers the profile as it is now (the core's `ProfileGetReply`, weimin-core, types only).
 */
import type { ProfileGetReply } from 'weimin-core';
import { query, write } from '../call';

export function getProfile(): Promise<ProfileGetReply> {
  return query<ProfileGetReply>('profile', 'profile.get', {});
}

export function bindHome(orgUnitId: string): Promise<ProfileGetReply> {
  return write<ProfileGetReply>('profile', 'profile.bind', `profile.bind:${orgUnitId}`, { orgUnitId });
}

/**
 * The user's consent to the personal-information guide travels with the number (`consent: true`, which the
 * form only sends once the user ticked it).
 */
export type PhoneConsent = true;

/** A typed number (local mode, or where the phone-number button is unavailable). */
export function setTypedPhone(phone: string, consent: PhoneConsent): Promise<ProfileGetReply> {
  return write<ProfileGetReply>('profile', 'profile.phone.set', `profile.phone.set:typed:${phone}`, {
    method: 'typed',
    phone,
    consent,
  });
}

/** The one-time code of WeChat's phone-number button; the function exchanges it for the number. */
export function setWechatPhone(phoneCode: string, consent: PhoneConsent): Promise<ProfileGetReply> {
  return write<ProfileGetReply>('profile', 'profile.phone.set', `profile.phone.set:wechat:${phoneCode}`, {
    method: 'wechat',
    phoneCode,
    consent,
  });
}
