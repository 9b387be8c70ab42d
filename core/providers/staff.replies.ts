/**
 * What binding provider staff answers (`provider.staff.invite`, `provider.staff.bind`): written once here,
 * read by the mini-program through `weimin-core` as types. Type-only and free of zod.
 */
import type { StaffPosition } from './staff-invite.policy';

export interface StaffBindReply {
  readonly providerId: string;
  readonly providerName: string;
  readonly position: StaffPosition;
}

export interface StaffInviteReply {
  readonly inviteCode: string;
  readonly position: StaffPosition;
  /** The code can be used until then (ms). */
  readonly expiresAt: number;
  readonly providerId: string;
  readonly providerName: string;
}
