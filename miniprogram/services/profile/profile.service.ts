/**
 * The `profile` function: where the resident lives (grid or community), what they are called and their
 * contact phone (each answers the profile as it is now: the core's `ProfileGetReply`, weimin-core, types
 * only); and their rights over their data: a copy of it, withdrawing the phone consent, deleting the
 * account, and the requests a worker decides (docs/functions.md).
 */
import type {
  AccountDeletedReply,
  PrivacyRequestKind,
  PrivacyRequestListReply,
  PrivacyRequestView,
  ProfileExportReply,
  ProfileGetReply,
} from 'weimin-core';
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

/** A new nickname, kept with the bound unit (`profile.bind` takes both). */
export function setNickname(orgUnitId: string, nickname: string): Promise<ProfileGetReply> {
  return write<ProfileGetReply>('profile', 'profile.bind', `profile.bind:${orgUnitId}:${nickname}`, {
    orgUnitId,
    nickname,
  });
}

/** Everything the platform holds about the caller, readable (PIPL art. 45). */
export function exportMyData(): Promise<ProfileExportReply> {
  return query<ProfileExportReply>('profile', 'profile.export', {});
}

/** The phone consent withdrawn: the number is removed. */
export function withdrawPhone(): Promise<ProfileGetReply> {
  return write<ProfileGetReply>('profile', 'profile.phone.withdraw', 'profile.phone.withdraw', {});
}

/** The account deleted at once (refused while an order is open or a role is held). */
export function deleteAccount(): Promise<AccountDeletedReply> {
  return write<AccountDeletedReply>('profile', 'profile.delete', 'profile.delete', { confirm: true });
}

/** A request a worker decides within 15 working days. */
export function submitPrivacyRequest(
  kind: PrivacyRequestKind,
  content: string,
  orderId?: string,
): Promise<PrivacyRequestView> {
  return write<PrivacyRequestView>(
    'profile',
    'privacy.request.submit',
    `privacy.request:${kind}:${orderId ?? ''}:${content}`,
    {
      kind,
      content,
      ...(orderId === undefined ? {} : { orderId }),
    },
  );
}

export function listPrivacyRequests(): Promise<PrivacyRequestListReply> {
  return query<PrivacyRequestListReply>('profile', 'privacy.request.list', {});
}
