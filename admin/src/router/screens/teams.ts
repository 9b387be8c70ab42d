/**
 * The 微团队 screens' routes (docs/console.md, docs/volunteers.md#teams): the unit's teams, and one team with its
 * members and applications, children of the frame.
 */
import type { RouteRecordRaw } from 'vue-router';

export const teamsScreens: RouteRecordRaw[] = [
  {
    path: 'teams',
    component: () => import('../../pages/teams/index.vue'),
    meta: { menu: 'teams', title: '微团队' },
  },
  {
    path: 'teams/:teamId',
    component: () => import('../../pages/teams/team.vue'),
    meta: { menu: 'teams', title: '微团队详情' },
  },
];
