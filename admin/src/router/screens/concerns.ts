/**
 * The concerns screens' routes (诉求 and 联席会议, docs/console.md), children of the console frame: the review
 * queue, the publish queue, the unclaimed queue, the 代办 intake, a concern's page, and the joint meeting
 * office's board.
 */
import type { RouteRecordRaw } from 'vue-router';

export const concernsScreens: RouteRecordRaw[] = [
  {
    path: 'concerns',
    component: () => import('../../pages/concerns/index.vue'),
    meta: { menu: 'concerns', title: '诉求审核' },
  },
  {
    path: 'concerns/publish',
    component: () => import('../../pages/concerns/publish.vue'),
    meta: { menu: 'concerns', title: '待发布' },
  },
  {
    path: 'concerns/waiting',
    component: () => import('../../pages/concerns/waiting.vue'),
    meta: { menu: 'concerns', title: '待认领' },
  },
  {
    path: 'concerns/intake',
    component: () => import('../../pages/concerns/intake.vue'),
    meta: { menu: 'concerns', title: '代办诉求' },
  },
  {
    path: 'concerns/:concernId',
    component: () => import('../../pages/concerns/detail.vue'),
    meta: { menu: 'concerns', title: '诉求详情' },
  },
  {
    path: 'jointMeetings',
    component: () => import('../../pages/concerns/joint.vue'),
    meta: { menu: 'jointMeetings', title: '联席会议' },
  },
  {
    path: 'jointMeetings/:concernId',
    component: () => import('../../pages/concerns/detail.vue'),
    meta: { menu: 'jointMeetings', title: '联席会议事项' },
  },
];
