/** The ledgers screens' routes, children of the console frame. */
import type { RouteRecordRaw } from 'vue-router';

export const ledgersScreens: RouteRecordRaw[] = [
  {
    path: 'ledgers',
    component: () => import('../../pages/ledgers/index.vue'),
    meta: { menu: 'ledgers', title: '服务台账' },
  },
];
