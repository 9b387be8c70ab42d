/**
 * The 双报到 screens' routes (docs/console.md, docs/party.md): 双报到审核 (the unit's requests, confirmed or
 * declined with a reason) and 党组织与党员 (the community's roster with service counts), children of the frame.
 */
import type { RouteRecordRaw } from 'vue-router';

export const partyScreens: RouteRecordRaw[] = [
  { path: 'party', redirect: '/party/registrations' },
  {
    path: 'party/registrations',
    component: () => import('../../pages/party/registrations.vue'),
    meta: { menu: 'party', title: '双报到审核' },
  },
  {
    path: 'party/roster',
    component: () => import('../../pages/party/roster.vue'),
    meta: { menu: 'party', title: '党组织与党员' },
  },
];
