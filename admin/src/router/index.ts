/**
 * The console's screens (history mode under /console/). A page of the frame needs a session; a session
 * with a one-time password goes to the password page first; a screen the worker's roles do not open is
 * not in the menu and sends them to the workbench (the backend would refuse it anyway: 403).
 */
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { CONSOLE_MENU_KEYS, type ConsoleMenu } from '../../../core/console/console.replies';
import { loadSession, sessionState } from '../store/session';
import { announcementsScreens } from './screens/announcements';
import { concernsScreens } from './screens/concerns';
import { dashboardScreens } from './screens/dashboard';
import { fundsScreens } from './screens/funds';
import { governanceScreens } from './screens/governance';
import { ledgersScreens } from './screens/ledgers';
import { messagesScreens } from './screens/messages';
import { partyScreens } from './screens/party';
import { peopleScreens } from './screens/people';
import { residentsScreens } from './screens/residents';
import { teamsScreens } from './screens/teams';
import { stationsScreens } from './screens/stations';
import { volunteersScreens } from './screens/volunteers';

declare module 'vue-router' {
  interface RouteMeta {
    /** Open without a session (sign-in). */
    public?: boolean;
    /** The menu entry that must be open for the worker. */
    menu?: keyof ConsoleMenu;
    title?: string;
  }
}

const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    component: () => import('../pages/login/index.vue'),
    meta: { public: true, title: '登录' },
  },
  { path: '/password', component: () => import('../pages/password/index.vue'), meta: { title: '修改密码' } },
  {
    path: '/',
    component: () => import('../layouts/ConsoleLayout.vue'),
    redirect: '/workbench',
    children: [
      {
        path: 'workbench',
        component: () => import('../pages/workbench/index.vue'),
        meta: { menu: 'workbench', title: '工作台' },
      },
      {
        path: 'orders',
        component: () => import('../pages/orders/index.vue'),
        meta: { menu: 'orders', title: '订单' },
      },
      {
        path: 'orders/:orderId',
        component: () => import('../pages/orders/detail.vue'),
        meta: { menu: 'orders', title: '订单详情' },
      },
      {
        path: 'providers',
        component: () => import('../pages/providers/index.vue'),
        meta: { menu: 'providers', title: '服务机构' },
      },
      {
        path: 'providers/:providerId',
        component: () => import('../pages/providers/detail.vue'),
        meta: { menu: 'providers', title: '服务机构详情' },
      },
      ...residentsScreens,
      ...stationsScreens,
      ...concernsScreens,
      ...announcementsScreens,
      ...governanceScreens,
      ...dashboardScreens,
      ...fundsScreens,
      ...ledgersScreens,
      ...messagesScreens,
      ...partyScreens,
      ...peopleScreens,
      ...volunteersScreens,
      ...teamsScreens,
      {
        path: 'audit',
        component: () => import('../pages/audit/index.vue'),
        meta: { menu: 'audit', title: '审计日志' },
      },
      {
        path: ':pathMatch(.*)*',
        component: () => import('../pages/not-found/index.vue'),
        meta: { title: '页面不存在' },
      },
    ],
  },
];

export const router = createRouter({ history: createWebHistory('/console/'), routes });

router.beforeEach(async (to) => {
  if (to.meta.public) return true;
  const session = await loadSession();
  if (session === null)
    return { path: '/login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
  if (session.mustChangePassword && to.path !== '/password') return '/password';
  if (!session.mustChangePassword && to.path === '/password' && to.query['voluntary'] !== '1')
    return '/workbench';
  if (to.meta.menu !== undefined && !session.menu[to.meta.menu]) {
    const first = CONSOLE_MENU_KEYS.find((m) => session.menu[m]);
    return first === undefined || first === to.meta.menu ? true : `/${first}`;
  }
  return true;
});

router.afterEach((to) => {
  document.title = `${to.meta.title ?? '管理后台'} · 为民红绳管理后台`;
});

/** After a session ends mid-work: back to the sign-in page, then back here. */
export function toSignIn(): void {
  sessionState.checked = false;
  const here = router.currentRoute.value;
  if (here.meta.public) return;
  void router.replace({ path: '/login', query: { redirect: here.fullPath, expired: '1' } });
}
