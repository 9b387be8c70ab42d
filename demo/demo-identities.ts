/**
 * One demo identity per role of the platform (core/auth/roles.ts), with fixed openids and Chinese names, so
 * that `npm start` can list them and local mode can act as any of them. They do not depend on the seed.
 */
import type { Role, RoleGrant } from '../core/auth/roles';
import type { User } from '../core/model/user.model';
import { pathFromIds } from '../core/org/org-path';
import { DEFAULT_PLATFORM_CONFIG } from '../core/kernel/platform.config';
import {
  CITY_ID,
  DEMO_COMMUNITY_ID,
  DEMO_COUNTY_ID,
  DEMO_GRID_ID,
  DEMO_PROVIDER_MANAGER_OPENID,
  DEMO_PROVIDER_MEMBER_OPENID,
  DEMO_RESIDENT_OPENID,
  DEMO_SECOND_COMMUNITY_ID,
  DEMO_SECOND_RESIDENT_OPENID,
  DEMO_SECOND_GRID_ID,
  DEMO_STREET_ID,
} from './demo.constants';

export const DEMO_PATHS = {
  city: pathFromIds([CITY_ID]),
  county: pathFromIds([CITY_ID, DEMO_COUNTY_ID]),
  street: pathFromIds([CITY_ID, DEMO_COUNTY_ID, DEMO_STREET_ID]),
  community: pathFromIds([CITY_ID, DEMO_COUNTY_ID, DEMO_STREET_ID, DEMO_COMMUNITY_ID]),
  grid: pathFromIds([CITY_ID, DEMO_COUNTY_ID, DEMO_STREET_ID, DEMO_COMMUNITY_ID, DEMO_GRID_ID]),
  secondCommunity: pathFromIds([CITY_ID, '450981', '450981001', DEMO_SECOND_COMMUNITY_ID]),
  secondGrid: pathFromIds([CITY_ID, '450981', '450981001', DEMO_SECOND_COMMUNITY_ID, DEMO_SECOND_GRID_ID]),
} as const;

/** The records the demo identities belong to (fixed ids in the generated data). */
export const DEMO_REFS = {
  providerId: 'prv-000001',
  teamId: 'team-0001',
  partyOrgId: 'po-organ-01',
} as const;

export interface DemoIdentity {
  readonly openid: string;
  /** The role this identity demonstrates. */
  readonly role: Exclude<Role, 'system'>;
  /** What `npm start` prints next to the openid. */
  readonly label: string;
  readonly nickname: string;
  readonly realName: string;
  readonly phone: string;
  readonly homeOrgPath: string;
  readonly grants: readonly RoleGrant[];
}

export const DEMO_IDENTITIES: readonly DemoIdentity[] = [
  {
    openid: DEMO_RESIDENT_OPENID,
    role: 'resident',
    label: '居民（玉城街道东门社区金港花园小区）',
    nickname: '黄阿姨',
    realName: '黄秀英',
    phone: '13907750001',
    homeOrgPath: DEMO_PATHS.grid,
    grants: [{ role: 'resident', orgPath: DEMO_PATHS.grid }],
  },
  {
    openid: DEMO_SECOND_RESIDENT_OPENID,
    role: 'resident',
    label: '居民（北流市陵城街道陵城社区）',
    nickname: '陈先生',
    realName: '陈建国',
    phone: '13907750002',
    homeOrgPath: DEMO_PATHS.secondGrid,
    grants: [{ role: 'resident', orgPath: DEMO_PATHS.secondGrid }],
  },
  {
    openid: DEMO_PROVIDER_MANAGER_OPENID,
    role: 'provider_staff',
    label: '服务机构负责人（第一家演示机构）',
    nickname: '梁师傅',
    realName: '梁志强',
    phone: '13907750003',
    homeOrgPath: DEMO_PATHS.community,
    grants: [
      {
        role: 'provider_staff',
        providerId: DEMO_REFS.providerId,
        position: 'manager',
        orgPath: DEMO_PATHS.community,
      },
    ],
  },
  {
    openid: DEMO_PROVIDER_MEMBER_OPENID,
    role: 'provider_staff',
    label: '服务机构工作人员（第一家演示机构）',
    nickname: '小韦',
    realName: '韦俊杰',
    phone: '13907750004',
    homeOrgPath: DEMO_PATHS.community,
    grants: [
      {
        role: 'provider_staff',
        providerId: DEMO_REFS.providerId,
        position: 'member',
        orgPath: DEMO_PATHS.community,
      },
    ],
  },
  {
    openid: 'demo-party-member-1',
    role: 'party_member',
    label: '在职党员（市财政局机关党支部，报到东门社区）',
    nickname: '李志明',
    realName: '李志明',
    phone: '13907750005',
    homeOrgPath: DEMO_PATHS.community,
    grants: [{ role: 'party_member', orgPath: DEMO_PATHS.community, partyOrgId: DEMO_REFS.partyOrgId }],
  },
  {
    openid: 'demo-volunteer-leader-1',
    role: 'volunteer',
    label: '志愿服务队队长（银发理发微团队）',
    nickname: '莫大姐',
    realName: '莫桂兰',
    phone: '13907750006',
    homeOrgPath: DEMO_PATHS.community,
    grants: [
      { role: 'volunteer', orgPath: DEMO_PATHS.community, teamId: DEMO_REFS.teamId, position: 'leader' },
    ],
  },
  {
    openid: 'demo-volunteer-member-1',
    role: 'volunteer',
    label: '志愿服务队队员（银发理发微团队）',
    nickname: '覃叔',
    realName: '覃德福',
    phone: '13907750007',
    homeOrgPath: DEMO_PATHS.community,
    grants: [
      { role: 'volunteer', orgPath: DEMO_PATHS.community, teamId: DEMO_REFS.teamId, position: 'member' },
    ],
  },
  {
    openid: 'demo-grid-worker-1',
    role: 'worker',
    label: '网格员（金港花园小区）',
    nickname: '钟晓燕',
    realName: '钟晓燕',
    phone: '13907750008',
    homeOrgPath: DEMO_PATHS.grid,
    grants: [{ role: 'worker', orgPath: DEMO_PATHS.grid }],
  },
  {
    openid: 'demo-community-worker-1',
    role: 'worker',
    label: '社区平台管理人员（东门社区）',
    nickname: '庞丽娟',
    realName: '庞丽娟',
    phone: '13907750009',
    homeOrgPath: DEMO_PATHS.community,
    grants: [{ role: 'worker', orgPath: DEMO_PATHS.community }],
  },
  {
    openid: 'demo-street-worker-1',
    role: 'worker',
    label: '街道平台管理人员（玉城街道）',
    nickname: '杨文斌',
    realName: '杨文斌',
    phone: '13907750010',
    homeOrgPath: DEMO_PATHS.street,
    grants: [{ role: 'worker', orgPath: DEMO_PATHS.street }],
  },
  {
    openid: 'demo-county-worker-1',
    role: 'worker',
    label: '县（区）平台管理人员（玉州区）',
    nickname: '何海波',
    realName: '何海波',
    phone: '13907750011',
    homeOrgPath: DEMO_PATHS.county,
    grants: [{ role: 'worker', orgPath: DEMO_PATHS.county }],
  },
  {
    openid: 'demo-city-worker-1',
    role: 'worker',
    label: '市级平台管理人员（玉林市）',
    nickname: '周静怡',
    realName: '周静怡',
    phone: '13907750012',
    homeOrgPath: DEMO_PATHS.city,
    grants: [{ role: 'worker', orgPath: DEMO_PATHS.city }],
  },
  {
    openid: 'demo-community-leader-1',
    role: 'leader',
    label: '社区负责人（审核人，东门社区党委书记）',
    nickname: '陆国华',
    realName: '陆国华',
    phone: '13907750013',
    homeOrgPath: DEMO_PATHS.community,
    grants: [{ role: 'leader', orgPath: DEMO_PATHS.community }],
  },
  {
    openid: 'demo-street-leader-1',
    role: 'leader',
    label: '街道负责人（审核人，玉城街道党工委）',
    nickname: '谢建军',
    realName: '谢建军',
    phone: '13907750014',
    homeOrgPath: DEMO_PATHS.street,
    grants: [{ role: 'leader', orgPath: DEMO_PATHS.street }],
  },
  {
    openid: 'demo-regulator-1',
    role: 'industry_regulator',
    label: '行业主管部门（玉州区市场监督管理局）',
    nickname: '罗海涛',
    realName: '罗海涛',
    phone: '13907750015',
    homeOrgPath: DEMO_PATHS.county,
    grants: [{ role: 'industry_regulator', orgPath: DEMO_PATHS.county, industry: 'market_regulation' }],
  },
  {
    openid: 'demo-city-regulator-1',
    role: 'industry_regulator',
    label: '行业主管部门（玉林市民政局）',
    nickname: '邓雪梅',
    realName: '邓雪梅',
    phone: '13907750016',
    homeOrgPath: DEMO_PATHS.city,
    grants: [{ role: 'industry_regulator', orgPath: DEMO_PATHS.city, industry: 'civil_affairs' }],
  },
  {
    openid: 'demo-joint-office-1',
    role: 'joint_meeting_office',
    label: '联席会议办公室（玉城街道城市基层党建工作联席会议）',
    nickname: '苏明辉',
    realName: '苏明辉',
    phone: '13907750017',
    homeOrgPath: DEMO_PATHS.street,
    grants: [{ role: 'joint_meeting_office', orgPath: DEMO_PATHS.street }],
  },
  {
    openid: 'demo-admin-1',
    role: 'system_admin',
    label: '系统管理员',
    nickname: '系统管理员',
    realName: '王宇',
    phone: '13907750018',
    homeOrgPath: DEMO_PATHS.city,
    grants: [{ role: 'system_admin', orgPath: DEMO_PATHS.city }],
  },
];

export interface DemoSubscription {
  readonly openid: string;
  readonly templateId: string;
  /** One-time subscriptions accepted: each message of the template uses one. */
  readonly count: number;
}

/** How many order loops the demo identities' grants last (a loop uses one of each order template). */
export const DEMO_ORDER_LOOPS_SUBSCRIBED = 10;

/**
 * The subscribe messages (一次性订阅消息) the demo identities have allowed, as if they had accepted
 * `wx.requestSubscribeMessage` before: both demo residents the order's status and the review reminder, both
 * staff of the demo provider a new order and the follow-up reminder, each for a number of loops, so the
 * order loop's messages reach the outbox on a fresh `npm start`. The first resident also allowed the
 * concern and wish messages.
 */
export const DEMO_SUBSCRIPTIONS: readonly DemoSubscription[] = (() => {
  const { orderNew, orderStatus, followUpDue, reviewReminder } = DEFAULT_PLATFORM_CONFIG.templates;
  const loops = DEMO_ORDER_LOOPS_SUBSCRIBED;
  const staff = [DEMO_PROVIDER_MANAGER_OPENID, DEMO_PROVIDER_MEMBER_OPENID].flatMap((openid) => [
    { openid, templateId: orderNew, count: loops },
    { openid, templateId: followUpDue, count: loops },
  ]);
  const residents = [DEMO_RESIDENT_OPENID, DEMO_SECOND_RESIDENT_OPENID].flatMap((openid) => [
    { openid, templateId: orderStatus, count: loops },
    { openid, templateId: reviewReminder, count: loops },
  ]);
  return [
    ...staff,
    ...residents,
    { openid: DEMO_RESIDENT_OPENID, templateId: 'TPL_CONCERN_PROGRESS', count: 2 },
    { openid: DEMO_RESIDENT_OPENID, templateId: 'TPL_WISH_CLAIMED', count: 1 },
  ];
})();

export function demoIdentity(openid: string): DemoIdentity | undefined {
  return DEMO_IDENTITIES.find((identity) => identity.openid === openid);
}

/** The `users` documents of the demo identities. */
export function demoIdentityUsers(now: number): User[] {
  return DEMO_IDENTITIES.map((identity): User => ({
    _id: identity.openid,
    openid: identity.openid,
    nickname: identity.nickname,
    realName: identity.role === 'resident' ? null : identity.realName,
    phone: identity.phone,
    phoneConsentAt: now,
    homeUnitId: identity.homeOrgPath.slice(1, -1).split('/').pop() ?? null,
    homeOrgPath: identity.homeOrgPath,
    grants: identity.grants,
    demo: true,
    createdAt: now,
    updatedAt: now,
  }));
}
