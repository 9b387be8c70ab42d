/**
 * Short feedback through the page's TDesign toast (`<t-toast id="t-toast" />` in every page's WXML).
 */
import { messageOf } from '../services/service-error';

export type ToastTheme = 'success' | 'error' | 'warning' | 'loading';

interface ToastComponent {
  show(options: { message: string; theme: ToastTheme; duration: number; direction: 'row' | 'column' }): void;
}

export function showToast(
  page: WechatMiniprogram.Component.TrivialInstance,
  message: string,
  theme: ToastTheme = 'success',
): void {
  const toast = page.selectComponent('#t-toast') as unknown as Partial<ToastComponent> | null;
  toast?.show?.({ message, theme, duration: 2000, direction: 'column' });
}

/** A failed service call, in Chinese. */
export function showError(page: WechatMiniprogram.Component.TrivialInstance, error: unknown): void {
  showToast(page, messageOf(error), 'error');
}
