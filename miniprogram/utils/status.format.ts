/** Order statuses in Chinese (the core's own names), and the TDesign tag theme each is shown with. */
import { ORDER_STATUS_LABELS, ROLE_LABELS } from 'weimin-core';

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

function lookup(labels: Readonly<Record<string, string>>, key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(labels, key) ? labels[key] : undefined;
}

export function statusLabel(status: string): string {
  return lookup(ORDER_STATUS_LABELS, status) ?? '未知状态';
}

export function statusTheme(status: string): TagTheme {
  return THEMES[status] ?? 'default';
}

/** Who acted on an order, as the timeline names them. */
export function actorLabel(role: string): string {
  return lookup(ROLE_LABELS, role) ?? '平台';
}
