/**
 * Who sees a resident's phone number and service address on an order (docs/orders.md "Views and phone
 * masking"), as a table: viewer by order status. The phone is masked, the address withheld whole; both follow
 * one rule. The use case's own tests (tests/core/orders/order-views.test.ts) walk real orders through a few
 * of these cells; this is the whole table, on the policy itself.
 */
import type { AccessTarget } from '../../../core/auth/authorize';
import type { Actor, Role } from '../../../core/auth/roles';
import type { OrderStatus } from '../../../core/lifecycle/order.lifecycle';
import {
  maskPhone,
  residentPhoneView,
  residentPhoneVisible,
  serviceAddressView,
} from '../../../core/privacy/phone-masking.policy';

const COMMUNITY = '/450900/450902/450902001/450902001001/';
const GRID = `${COMMUNITY}450902001001001/`;
const OTHER_COMMUNITY = '/450900/450981/450981001/450981001001/';

const PHONE = '13907750001';
const MASKED = '139****0001';
const ADDRESS = '金港花园 3 栋 2 单元 501';

/** The order: resident o-res in the grid, provider p1. */
const ORDER: AccessTarget = { ownerOpenid: 'o-res', providerId: 'p1', orgPath: GRID };

/** Statuses in the columns of the table below. */
const STATUSES: readonly OrderStatus[] = [
  'created',
  'accepted',
  'done',
  'followed_up',
  'rated',
  'closed',
  'cancelled',
  'declined',
  'expired',
];

interface Viewer {
  readonly name: string;
  readonly actor: Actor;
  readonly role: Role;
  /** One letter per status of STATUSES: F full, M masked (the address hidden). */
  readonly row: string;
}

const VIEWERS: readonly Viewer[] = [
  {
    name: 'the resident',
    actor: { openid: 'o-res', grants: [{ role: 'resident', orgPath: GRID }] },
    role: 'resident',
    row: 'FFFFFFFFF',
  },
  {
    name: 'staff of the order’s provider',
    actor: { openid: 'o-staff', grants: [{ role: 'provider_staff', providerId: 'p1', position: 'member' }] },
    role: 'provider_staff',
    //    created accepted done followed_up rated closed cancelled declined expired
    row: 'MFFFFMMMM',
  },
  {
    name: 'the manager of the order’s provider',
    actor: { openid: 'o-boss', grants: [{ role: 'provider_staff', providerId: 'p1', position: 'manager' }] },
    role: 'provider_staff',
    row: 'MFFFFMMMM',
  },
  {
    name: 'a worker of the order’s community',
    actor: { openid: 'o-worker', grants: [{ role: 'worker', orgPath: COMMUNITY }] },
    role: 'worker',
    row: 'FFFFFFFFF',
  },
  {
    name: 'another resident of the grid',
    actor: { openid: 'o-neighbour', grants: [{ role: 'resident', orgPath: GRID }] },
    role: 'resident',
    row: 'MMMMMMMMM',
  },
  {
    name: 'staff of another provider',
    actor: { openid: 'o-rival', grants: [{ role: 'provider_staff', providerId: 'p2', position: 'manager' }] },
    role: 'provider_staff',
    row: 'MMMMMMMMM',
  },
  {
    name: 'a worker of another community',
    actor: { openid: 'o-far', grants: [{ role: 'worker', orgPath: OTHER_COMMUNITY }] },
    role: 'worker',
    row: 'MMMMMMMMM',
  },
  {
    name: 'a leader of the order’s community (no such permission)',
    actor: { openid: 'o-leader', grants: [{ role: 'leader', orgPath: COMMUNITY }] },
    role: 'leader',
    row: 'MMMMMMMMM',
  },
  {
    // Seeing it in one role does not carry over to another: the viewing role picks the grant.
    name: 'the resident, viewing as staff of another provider',
    actor: {
      openid: 'o-res',
      grants: [
        { role: 'resident', orgPath: GRID },
        { role: 'provider_staff', providerId: 'p2', position: 'member' },
      ],
    },
    role: 'provider_staff',
    row: 'MMMMMMMMM',
  },
  {
    name: 'a worker of the community, viewing as a resident',
    actor: {
      openid: 'o-worker',
      grants: [
        { role: 'resident', orgPath: GRID },
        { role: 'worker', orgPath: COMMUNITY },
      ],
    },
    role: 'resident',
    row: 'MMMMMMMMM',
  },
  {
    name: 'nobody (no identity)',
    actor: { openid: '', grants: [{ role: 'resident', orgPath: GRID }] },
    role: 'resident',
    row: 'MMMMMMMMM',
  },
];

const cells = VIEWERS.flatMap((viewer) =>
  STATUSES.map((status, i) => [viewer.name, status, viewer.row[i] === 'F', viewer] as const),
);

describe('the masking table', () => {
  test('every row covers every status', () => {
    for (const viewer of VIEWERS) expect(viewer.row).toHaveLength(STATUSES.length);
  });

  test.each(cells)('%s, order %s: sees it in full: %s', (_name, status, full, viewer) => {
    expect(residentPhoneVisible(viewer.actor, viewer.role, status, ORDER)).toBe(full);
    expect(residentPhoneView(PHONE, viewer.actor, viewer.role, status, ORDER)).toEqual(
      full ? { phone: PHONE, masked: false } : { phone: MASKED, masked: true },
    );
    expect(serviceAddressView(ADDRESS, viewer.actor, viewer.role, status, ORDER)).toEqual(
      full ? { address: ADDRESS, hidden: false } : { address: null, hidden: true },
    );
  });
});

describe('nothing on file', () => {
  const staff = VIEWERS[1]!;
  const stranger = VIEWERS[5]!;
  test.each([null, undefined, ''])('no phone (%p) shows none, masked or not', (phone) => {
    for (const viewer of [VIEWERS[0]!, staff, stranger]) {
      for (const status of ['created', 'accepted'] as const) {
        expect(residentPhoneView(phone, viewer.actor, viewer.role, status, ORDER)).toEqual({
          phone: null,
          masked: false,
        });
      }
    }
  });

  test.each([null, undefined, ''])('no address (%p) is not "hidden": there is nothing to hide', (address) => {
    for (const viewer of [VIEWERS[0]!, staff, stranger]) {
      for (const status of ['created', 'accepted'] as const) {
        expect(serviceAddressView(address, viewer.actor, viewer.role, status, ORDER)).toEqual({
          address: null,
          hidden: false,
        });
      }
    }
  });
});

describe('maskPhone', () => {
  test.each([
    ['a mobile number keeps its first three and last four digits', '13812341234', '138****1234'],
    ['surrounding spaces are dropped first', '  13812341234 ', '138****1234'],
    ['longer than eleven: still three and four', '+8613812341234', '+86****1234'],
    ['ten characters keep only the last two', '0775234567', '********67'],
    ['three characters keep the last two', '123', '*23'],
    ['two characters are all masked', '12', '**'],
    ['one character is masked', '7', '*'],
    ['an empty number stays empty', '', ''],
  ])('%s: %p -> %p', (_rule, phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });
});
