/**
 * 双报到 (packages/community/pages/register) in the states a user meets, for the 适老化 audit (docs/elder-mode.md,
 * "Adding a page to the audit"): audit/scenarios.ts spreads them into SCENARIOS. The member's form (with the
 * organisations to name), the organisation's form, the registrations pending and declined, no bound home. The
 * page test (party-register.test.ts) scripts the same replies.
 */
import type { MyRegistrationItem, PartyMineResult, PartyOrgsResult } from 'weimin-core';
import type { Scenario, ScenarioKit } from './audit/scenario.types';

type Untyped = {
  ok(name: string, command: string, data: unknown): void;
  fail(name: string, command: string, code: string, message: string): void;
};
export const HOME = {
  nickname: '韦先生',
  phone: null,
  homeUnitId: '450902001001001',
  homeUnitName: '东门社区金港花园',
};

export function registration(extra: Partial<MyRegistrationItem> = {}): MyRegistrationItem {
  return {
    registrationId: 'reg-1',
    kind: 'party_member',
    kindLabel: '在职党员',
    communityId: '450902001001',
    communityName: '东门社区',
    name: '韦建明',
    workUnit: '玉林市财政局',
    contactPhone: '13907758801',
    services: ['法律咨询'],
    status: 'pending',
    statusLabel: '待确认',
    orgTypeLabel: null,
    rankLabel: null,
    memberCount: null,
    secretaryName: null,
    partyOrgId: null,
    partyOrgName: null,
    registrantId: null,
    reason: null,
    createdAt: 0,
    createdAtText: '2026-12-07 09:30',
    decidedAt: null,
    decidedAtText: null,
    left: false,
    ...extra,
  };
}

export const mine = (items: MyRegistrationItem[]): PartyMineResult => ({
  items,
  total: items.length,
  page: 1,
  pageSize: 20,
  hasMore: false,
});
const ORGS: PartyOrgsResult = {
  items: [
    {
      partyOrgId: 'po-organ-01',
      name: '玉林市财政局机关党支部',
      typeLabel: '机关党组织',
      workUnit: '玉林市财政局',
    },
  ],
  total: 1,
  page: 1,
  pageSize: 50,
  hasMore: false,
};

/** The scenarios the 适老化 audit opens this page in (tests/miniprogram/pages/audit). */
export function scriptPartyRegister(
  fake: ScenarioKit['fakeCloud'],
  state: 'form' | 'mine' | 'no-home',
): void {
  const cloud = fake as unknown as Untyped;
  cloud.ok(
    'profile',
    'profile.get',
    state === 'no-home' ? { ...HOME, homeUnitId: null, homeUnitName: null } : HOME,
  );
  if (state !== 'no-home') cloud.ok('party', 'party.orgs', ORGS);
  cloud.ok(
    'party',
    'party.mine',
    mine(
      state === 'mine'
        ? [
            registration(),
            registration({
              registrationId: 'reg-2',
              status: 'rejected',
              statusLabel: '未通过',
              reason: '请补充单位出具的报到函',
            }),
          ]
        : [],
    ),
  );
}

const REGISTER = 'packages/community/pages/register/register';

export const PARTY_SCENARIOS: Scenario[] = [
  {
    title: '双报到（在职党员）',
    page: REGISTER,
    replies: (kit) => scriptPartyRegister(kit.fakeCloud, 'form'),
  },
  {
    title: '双报到（党组织）',
    page: REGISTER,
    replies: (kit) => scriptPartyRegister(kit.fakeCloud, 'form'),
    prepare: (page) => page.setData({ kind: 'party_org', orgType: 'organ', rank: 'branch' }),
  },
  {
    title: '双报到（我的报到：待确认、未通过）',
    page: REGISTER,
    replies: (kit) => scriptPartyRegister(kit.fakeCloud, 'mine'),
  },
  {
    title: '双报到（未绑定小区）',
    page: REGISTER,
    replies: (kit) => scriptPartyRegister(kit.fakeCloud, 'no-home'),
  },
];
