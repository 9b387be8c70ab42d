/** Order statuses in Chinese, and the TDesign tag theme each is shown with. */

export const ORDER_STATUS_LABELS: Readonly<Record<string, string>> = {
  created: '待接单',
  accepted: '已接单',
  declined: '已拒单',
  expired: '超时未接',
  cancelled: '已取消',
  done: '已完成服务',
  followed_up: '已回访',
  rated: '已评价',
  closed: '已关闭',
};

export type TagTheme = 'default' | 'primary' | 'success' | 'warning' | 'danger';

const THEMES: Readonly<Record<string, TagTheme>> = {
  created: 'warning',
  accepted: 'primary',
  done: 'success',
  followed_up: 'success',
  rated: 'success',
  declined: 'danger',
  expired: 'danger',
};

export function statusLabel(status: string): string {
  return ORDER_STATUS_LABELS[status] ?? '未知状态';
}

export function statusTheme(status: string): TagTheme {
  return THEMES[status] ?? 'default';
}

const ROLE_LABELS: Readonly<Record<string, string>> = {
  resident: '居民',
  provider_staff: '服务机构',
  worker: '社区工作人员',
  leader: '负责人',
  system: '系统',
};

export function actorLabel(role: string): string {
  return ROLE_LABELS[role] ?? '平台';
}
