/**
 * The 志愿服务 screens' routes (docs/console.md): 活动管理 (the unit's activities; one activity's attendance, its
 * check-in code on a screen, hours), 志愿者 (the unit's volunteers; one volunteer's record of the five kinds)
 * and 年度排行, children of the frame.
 */
import type { RouteRecordRaw } from 'vue-router';

export const volunteersScreens: RouteRecordRaw[] = [
  { path: 'volunteers', redirect: '/volunteers/activities' },
  {
    path: 'volunteers/activities',
    component: () => import('../../pages/volunteers/activities.vue'),
    meta: { menu: 'volunteers', title: '活动管理' },
  },
  {
    path: 'volunteers/activities/:activityId',
    component: () => import('../../pages/volunteers/activity.vue'),
    meta: { menu: 'volunteers', title: '活动详情' },
  },
  {
    path: 'volunteers/people',
    component: () => import('../../pages/volunteers/people.vue'),
    meta: { menu: 'volunteers', title: '志愿者' },
  },
  {
    path: 'volunteers/people/:volunteerNo',
    component: () => import('../../pages/volunteers/volunteer.vue'),
    meta: { menu: 'volunteers', title: '志愿者记录' },
  },
  {
    path: 'volunteers/ranking',
    component: () => import('../../pages/volunteers/ranking.vue'),
    meta: { menu: 'volunteers', title: '年度排行' },
  },
];
