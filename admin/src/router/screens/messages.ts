/** The message centre's route, a child of the console frame: open to everyone signed in (no menu key). */
import type { RouteRecordRaw } from 'vue-router';

export const messagesScreens: RouteRecordRaw[] = [
  {
    path: 'messages',
    component: () => import('../../pages/messages/index.vue'),
    meta: { title: '消息中心' },
  },
];
