/** The dashboard screens' routes, children of the console frame. */
import type { RouteRecordRaw } from 'vue-router';

export const dashboardScreens: RouteRecordRaw[] = [
  {
    path: 'dashboard',
    component: () => import('../../pages/dashboard/index.vue'),
    meta: { menu: 'dashboard', title: '数据看板' },
  },
];
