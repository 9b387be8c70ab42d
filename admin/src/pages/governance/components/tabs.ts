/** The governance screen groups' tabs (docs/console.md). */
export const APPLICATION_TABS = [
  { path: '/applications', label: '入驻申请' },
  { path: '/applications/notice', label: '入驻公示' },
  { path: '/applications/paper', label: '录入纸质申请' },
] as const;

export const EVALUATION_TABS = [
  { path: '/evaluations', label: '考核评价' },
  { path: '/evaluations/rectification', label: '整改复查' },
] as const;

export const COMPLAINT_TABS = [
  { path: '/complaints', label: '投诉核实' },
  { path: '/complaints/tickets', label: '差评回访' },
  { path: '/complaints/appeals', label: '评价申诉' },
  { path: '/complaints/offerings', label: '服务报价审核' },
] as const;

/** Each group's title, its tabs and the tabs' data-test name. */
export const TAB_GROUPS = {
  applications: { title: '入驻审核', tabs: APPLICATION_TABS, test: 'applications-tabs' },
  evaluations: { title: '考核评价', tabs: EVALUATION_TABS, test: 'evaluations-tabs' },
  complaints: { title: '投诉与差评', tabs: COMPLAINT_TABS, test: 'complaints-tabs' },
} as const;

export type TabGroup = keyof typeof TAB_GROUPS;
