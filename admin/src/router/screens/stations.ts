/** The stations screens' routes (站点管理, docs/stations.md), children of the console frame. */
import type { RouteRecordRaw } from 'vue-router';

export const stationsScreens: RouteRecordRaw[] = [
  {
    path: 'stations',
    component: () => import('../../pages/stations/index.vue'),
    meta: { menu: 'stations', title: '站点管理' },
  },
  {
    path: 'stations/:stationId',
    component: () => import('../../pages/stations/detail.vue'),
    meta: { menu: 'stations', title: '站点详情' },
  },
];
