/**
 * Who sees the resident's phone number on an order (docs/product.md section 6: masked until needed). The
 * resident always sees their own; provider staff see it only while they are serving the job (from
 * acceptance until the order ends), masked before and masked again once it is closed or cancelled; a
 * worker of the order's unit may see it (the matrix's `resident.phone.view`). Other residents never see
 * the order at all.
 */
import { can } from '../auth/authorize';
import type { Actor, Role } from '../auth/roles';
import type { OrderStatus } from '../lifecycle/order.lifecycle';
import type { AccessTarget } from '../auth/authorize';

/** The statuses in which the provider is serving the resident and needs to call them. */
export const PHONE_VISIBLE_TO_PROVIDER: readonly OrderStatus[] = ['accepted', 'done', 'followed_up', 'rated'];

/** '13812341234' -> '138****1234'; shorter numbers keep only their last two digits. */
export function maskPhone(phone: string): string {
  const p = phone.trim();
  if (p.length >= 11) return `${p.slice(0, 3)}****${p.slice(-4)}`;
  if (p.length <= 2) return '*'.repeat(p.length);
  return `${'*'.repeat(p.length - 2)}${p.slice(-2)}`;
}

export function residentPhoneVisible(
  actor: Actor,
  viewingRole: Role,
  status: OrderStatus,
  target: AccessTarget,
): boolean {
  if (!can(actor, 'resident.phone.view', target, { roles: [viewingRole] })) return false;
  if (viewingRole === 'provider_staff') return PHONE_VISIBLE_TO_PROVIDER.includes(status);
  return true;
}

export interface PhoneView {
  /** The number as the viewer may see it (full or masked); null when the resident has left none. */
  readonly phone: string | null;
  readonly masked: boolean;
}

export function residentPhoneView(
  phone: string | null | undefined,
  actor: Actor,
  viewingRole: Role,
  status: OrderStatus,
  target: AccessTarget,
): PhoneView {
  if (phone === null || phone === undefined || phone.length === 0) return { phone: null, masked: false };
  return residentPhoneVisible(actor, viewingRole, status, target)
    ? { phone, masked: false }
    : { phone: maskPhone(phone), masked: true };
}

export interface AddressView {
  /** The service address as the viewer may see it; null when hidden or when the order has none. */
  readonly address: string | null;
  /** There is an address the viewer may not see yet (or any more). */
  readonly hidden: boolean;
}

/**
 * The order's service address follows the phone number's rule, but is withheld whole rather than masked:
 * before acceptance the provider knows the community from the order, which is all it needs to decide.
 */
export function serviceAddressView(
  address: string | null | undefined,
  actor: Actor,
  viewingRole: Role,
  status: OrderStatus,
  target: AccessTarget,
): AddressView {
  if (address === null || address === undefined || address.length === 0)
    return { address: null, hidden: false };
  return residentPhoneVisible(actor, viewingRole, status, target)
    ? { address, hidden: false }
    : { address: null, hidden: true };
}
