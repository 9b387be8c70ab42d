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
