/**
 * 长辈模式 on every page: `data.elder` drives the page's root class (`page elder`), whose CSS variables
 * (app.wxss) enlarge text and touch targets, TDesign's included. Pages add this behavior and put
 * `class="page {{elder ? 'elder' : ''}}"` on their root view; a switch calls `onElderModeChange`.
 */
import { ELDER_MODE_STORAGE_KEY, resolveElderMode, type StoredElderMode } from '../utils/elder-mode';

function fontSizeSetting(): number | undefined {
  // getAppBaseInfo replaces the deprecated getSystemInfoSync (base library 2.20.1+).
  const info = typeof wx.getAppBaseInfo === 'function' ? wx.getAppBaseInfo() : undefined;
  if (info !== undefined && typeof info.fontSizeSetting === 'number') return info.fontSizeSetting;
  return wx.getSystemInfoSync().fontSizeSetting;
}

/** The elder mode in force now: the user's switch, else their WeChat font setting. */
export function currentElderMode(): boolean {
  let stored: unknown;
  try {
    stored = wx.getStorageSync(ELDER_MODE_STORAGE_KEY);
  } catch {
    stored = undefined;
  }
  return resolveElderMode(stored, fontSizeSetting());
}

export function saveElderMode(on: boolean): void {
  const value: StoredElderMode = on ? 'on' : 'off';
  wx.setStorageSync(ELDER_MODE_STORAGE_KEY, value);
}

export const elderModeBehavior = Behavior({
  data: { elder: false },
  lifetimes: {
    attached() {
      this.setData({ elder: currentElderMode() });
    },
  },
  pageLifetimes: {
    // Another page may have flipped the switch: follow it when this page shows again.
    show() {
      const elder = currentElderMode();
      if (elder !== this.data.elder) this.setData({ elder });
    },
  },
  methods: {
    onElderModeChange(e: WechatMiniprogram.CustomEvent<{ value: boolean }>) {
      const elder = e.detail.value === true;
      saveElderMode(elder);
      this.setData({ elder });
    },
  },
});
