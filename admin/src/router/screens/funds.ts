/** The funding ledger's screen (经费台账, docs/funds.md), a child of the console frame. */
import type { RouteRecordRaw } from 'vue-router';

export const fundsScreens: RouteRecordRaw[] = [
  {
    path: 'funds',
    component: () => import('../../pages/funds/index.vue'),
    meta: { menu: 'funds', title: '经费台账' },
  },
];
