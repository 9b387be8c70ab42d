/**
 * The 信息发布 screens' routes (docs/announcements.md): the units' notices, and one notice (its text, images,
 * publishing and withdrawal), children of the frame.
 */
import type { RouteRecordRaw } from 'vue-router';

export const announcementsScreens: RouteRecordRaw[] = [
  {
    path: 'announcements',
    component: () => import('../../pages/announcements/index.vue'),
    meta: { menu: 'announcements', title: '信息发布' },
  },
  {
    path: 'announcements/:announcementId',
    component: () => import('../../pages/announcements/detail.vue'),
    meta: { menu: 'announcements', title: '信息详情' },
  },
];
