/**
 * The user-privacy guide flow (用户隐私保护指引, `__usePrivacyCheck__` in app.json): when a privacy API or
 * component needs the user's agreement, WeChat calls the onNeedPrivacyAuthorization listener with a
 * `resolve`; the popup of the page on top shows the guide, and its buttons answer. One listener for the
 * whole app, so the guard keeps the popups of open pages and asks the topmost one.
 *
 * Every page that calls a privacy API carries a `<privacy-popup>` and asks first (tests/miniprogram/
 * privacy-apis.test.ts finds them): 我的 (the phone-number button, the typed phone, the home),
 * 我的个人信息 and 邀请同事 (the clipboard, through `copyToClipboard`).
 */

/** The id of the agree button: WeChat checks that this very button was tapped. */
export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree';

export interface PrivacyPopup {
  open(): void;
  close(): void;
}

type Resolve = (result: { event: 'agree' | 'disagree'; buttonId?: string }) => void;

let installed = false;
let pending: Resolve | null = null;
const popups: PrivacyPopup[] = [];

export function installPrivacyGuard(): void {
  if (installed || typeof wx.onNeedPrivacyAuthorization !== 'function') return;
  installed = true;
  wx.onNeedPrivacyAuthorization((resolve) => {
    // The typings call the listener's argument a result object; WeChat passes the resolve function.
    pending = resolve as unknown as Resolve;
    popups[popups.length - 1]?.open();
  });
}

export function attachPopup(popup: PrivacyPopup): void {
  detachPopup(popup);
  popups.push(popup);
}

export function detachPopup(popup: PrivacyPopup): void {
  const at = popups.indexOf(popup);
  if (at >= 0) popups.splice(at, 1);
}

/** The user's answer from the popup. */
export function answerPrivacy(agreed: boolean): void {
  const resolve = pending;
  pending = null;
  for (const popup of popups) popup.close();
  resolve?.(agreed ? { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID } : { event: 'disagree' });
}

/**
 * Before collecting personal data: resolves true once the user has agreed (asking through the popup if
 * they have not yet), false if they decline. Base libraries without the privacy check need no agreement.
 */
export function ensurePrivacyAuthorized(): Promise<boolean> {
  if (typeof wx.requirePrivacyAuthorize !== 'function') return Promise.resolve(true);
  return new Promise((resolve) => {
    wx.requirePrivacyAuthorize({ success: () => resolve(true), fail: () => resolve(false) });
  });
}

export type CopyResult = 'copied' | 'declined' | 'failed';

/**
 * Copy `text` to the clipboard (a privacy API: 剪切板) once the user has agreed to the guide, asking through
 * the popup of the page on top first: 'declined' when they refuse, 'failed' when WeChat could not copy.
 */
export async function copyToClipboard(text: string): Promise<CopyResult> {
  if (!(await ensurePrivacyAuthorized())) return 'declined';
  return new Promise((resolve) => {
    wx.setClipboardData({
      data: text,
      success: () => resolve('copied'),
      fail: () => resolve('failed'),
    });
  });
}
