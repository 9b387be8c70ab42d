/** Where each page lives (app.json), for navigation and for the notices left for a page (utils/notice.ts). */
export const ROUTES = {
  home: '/pages/home/home',
  orders: '/pages/orders/orders',
  profile: '/pages/profile/profile',
  providers: '/pages/providers/providers',
  orderDetail: '/pages/order-detail/order-detail',
  rate: '/pages/rate/rate',
  jobs: '/packages/staff/pages/jobs/jobs',
  jobDetail: '/packages/staff/pages/job-detail/job-detail',
  followUp: '/packages/staff/pages/follow-up/follow-up',
  bind: '/packages/staff/pages/bind/bind',
  invite: '/packages/staff/pages/invite/invite',
  myData: '/packages/privacy/pages/my-data/my-data',
  requests: '/packages/privacy/pages/requests/requests',
  account: '/packages/privacy/pages/account/account',
  messages: '/pages/messages/messages',
  concernWall: '/packages/concerns/pages/wall/wall',
  concernMine: '/packages/concerns/pages/mine/mine',
  concernSubmit: '/packages/concerns/pages/submit/submit',
  concernDetail: '/packages/concerns/pages/detail/detail',
  concernHandling: '/packages/concerns/pages/handling/handling',
  complaint: '/packages/concerns/pages/complaint/complaint',
  complaints: '/packages/concerns/pages/complaints/complaints',
  apply: '/packages/staff/pages/apply/apply',
  application: '/packages/staff/pages/application/application',
  agreement: '/packages/staff/pages/agreement/agreement',
  offerings: '/packages/staff/pages/offerings/offerings',
  tickets: '/packages/staff/pages/tickets/tickets',
  standing: '/packages/staff/pages/standing/standing',
  board: '/packages/providers/pages/board/board',
  notices: '/packages/providers/pages/notices/notices',
  evaluationResults: '/packages/providers/pages/results/results',
  activities: '/packages/community/pages/activities/activities',
  activity: '/packages/community/pages/activity/activity',
  checkinCode: '/packages/community/pages/checkin-code/checkin-code',
  myHours: '/packages/community/pages/my-hours/my-hours',
  partyRegister: '/packages/community/pages/register/register',
  // 微团队: my community's teams, one team.
  teams: '/packages/community/pages/teams/teams',
  team: '/packages/community/pages/team/team',
  // 通知公告 (信息发布): the community's notices, one notice.
  communityNotices: '/packages/community/pages/notices/notices',
  communityNotice: '/packages/community/pages/notice/notice',
} as const;

export type Route = (typeof ROUTES)[keyof typeof ROUTES];

/** `route?key=value&…`, values encoded. */
export function withQuery(route: Route, query: Readonly<Record<string, string>>): string {
  const pairs = Object.entries(query).map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  return pairs.length === 0 ? route : `${route}?${pairs.join('&')}`;
}
