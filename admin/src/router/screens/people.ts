/** The people, places and catalog screens' routes (docs/people-and-places.md), children of the console frame. */
import type { RouteRecordRaw } from 'vue-router';

export const peopleScreens: RouteRecordRaw[] = [
  {
    path: 'people',
    component: () => import('../../pages/people/index.vue'),
    meta: { menu: 'people', title: '人员与账号' },
  },
  {
    path: 'places',
    component: () => import('../../pages/places/index.vue'),
    meta: { menu: 'places', title: '组织架构' },
  },
  {
    path: 'catalog',
    component: () => import('../../pages/catalog/index.vue'),
    meta: { menu: 'catalog', title: '服务目录' },
  },
];
