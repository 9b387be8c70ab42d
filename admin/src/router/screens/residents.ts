/** The residents screens' routes (代办服务, docs/acting-for-residents.md), children of the console frame. */
import type { RouteRecordRaw } from 'vue-router';

export const residentsScreens: RouteRecordRaw[] = [
  {
    path: 'residents',
    component: () => import('../../pages/residents/index.vue'),
    meta: { menu: 'residents', title: '代下单' },
  },
  {
    path: 'residents/orders',
    component: () => import('../../pages/residents/orders.vue'),
    meta: { menu: 'residents', title: '我代下的订单' },
  },
  {
    path: 'residents/urgent',
    component: () => import('../../pages/residents/urgent.vue'),
    meta: { menu: 'residents', title: '紧急求助' },
  },
  {
    path: 'residents/duty',
    component: () => import('../../pages/residents/duty.vue'),
    meta: { menu: 'residents', title: '值班安排' },
  },
];
