/**
 * Messages that stay (docs/elder-mode.md): a confirmation or an error is a notice on the page, at its top
 * and kept in view while the page scrolls (components/notice-bar), until the user closes it or another
 * replaces it. No timer takes it away. A confirmation of a step that leaves the page (下单成功, 感谢评价,
 * 回访已提交, 绑定成功) is left for the page the user lands on (`leaveNotice` before navigating), which shows
 * it when it shows (behaviors/page-notice.behavior.ts).
 */
import { messageOf } from '../services/service-error';
import type { Route } from './routes';

export type NoticeKind = 'success' | 'error' | 'warning' | 'info';

export interface Notice {
  readonly text: string;
  readonly kind: NoticeKind;
}

/** What the notice bar renders: the kind is said in words and a mark, never by colour alone. */
export interface NoticeView {
  text: string;
  kind: NoticeKind;
  mark: string;
  label: string;
}

const KINDS: Readonly<Record<NoticeKind, { mark: string; label: string }>> = {
  success: { mark: '✓', label: '已完成' },
  error: { mark: '✕', label: '没有成功' },
  warning: { mark: '!', label: '请注意' },
  info: { mark: 'i', label: '提示' },
};

export function noticeView(notice: Notice): NoticeView {
  return { text: notice.text, kind: notice.kind, ...KINDS[notice.kind] };
}

interface NoticeHost {
  setData(data: { notice: NoticeView | null }): void;
}

/** Show a notice on this page (the page renders `<notice-bar notice="{{notice}}">`). */
export function showNotice(page: NoticeHost, text: string, kind: NoticeKind = 'success'): void {
  page.setData({ notice: noticeView({ text, kind }) });
}

/** A failed service call, in Chinese, as an error notice. */
export function showFailure(page: NoticeHost, error: unknown): void {
  showNotice(page, messageOf(error), 'error');
}

/** Notices left for a page, by route: one each, the latest wins. */
const left = new Map<Route, Notice>();

/** Leave a notice for the page at `route`, shown when it next shows (call before navigating there). */
export function leaveNotice(route: Route, text: string, kind: NoticeKind = 'success'): void {
  left.set(route, { text, kind });
}

/** The notice left for `route`, once: taking it clears it. */
export function takeNotice(route: Route): Notice | null {
  const notice = left.get(route) ?? null;
  left.delete(route);
  return notice;
}
