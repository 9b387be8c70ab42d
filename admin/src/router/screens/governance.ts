/**
 * The provider governance screens' routes (docs/console.md): 入驻审核 (applications, their review, the public
 * notice, a paper application), 考核评价 (campaigns, evaluations, rectification), 投诉与差评 (complaints, 差评
 * tickets, rating appeals, new offerings to approve) and 清退报备 (the removal reports), children of the frame.
 */
import type { RouteRecordRaw } from 'vue-router';

export const governanceScreens: RouteRecordRaw[] = [
  {
    path: 'applications',
    component: () => import('../../pages/governance/applications.vue'),
    meta: { menu: 'applications', title: '入驻审核' },
  },
  {
    path: 'applications/notice',
    component: () => import('../../pages/governance/notice.vue'),
    meta: { menu: 'applications', title: '入驻公示' },
  },
  {
    path: 'applications/paper',
    component: () => import('../../pages/governance/paper.vue'),
    meta: { menu: 'applications', title: '录入纸质申请' },
  },
  {
    path: 'applications/:applicationId',
    component: () => import('../../pages/governance/application-detail.vue'),
    meta: { menu: 'applications', title: '入驻申请详情' },
  },
  {
    path: 'evaluations',
    component: () => import('../../pages/governance/evaluations.vue'),
    meta: { menu: 'evaluations', title: '考核评价' },
  },
  {
    path: 'evaluations/rectification',
    component: () => import('../../pages/governance/rectification.vue'),
    meta: { menu: 'evaluations', title: '整改复查' },
  },
  {
    path: 'evaluations/:evaluationId',
    component: () => import('../../pages/governance/evaluation-detail.vue'),
    meta: { menu: 'evaluations', title: '考核评价详情' },
  },
  {
    path: 'complaints',
    component: () => import('../../pages/governance/complaints.vue'),
    meta: { menu: 'complaints', title: '投诉核实' },
  },
  {
    path: 'complaints/tickets',
    component: () => import('../../pages/governance/tickets.vue'),
    meta: { menu: 'complaints', title: '差评回访' },
  },
  {
    path: 'complaints/appeals',
    component: () => import('../../pages/governance/appeals.vue'),
    meta: { menu: 'complaints', title: '评价申诉' },
  },
  {
    path: 'complaints/offerings',
    component: () => import('../../pages/governance/offerings.vue'),
    meta: { menu: 'complaints', title: '服务报价审核' },
  },
  {
    path: 'reports',
    component: () => import('../../pages/governance/reports.vue'),
    meta: { menu: 'reports', title: '清退报备' },
  },
];
