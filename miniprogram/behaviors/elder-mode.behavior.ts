/**
 * 长辈模式 on every page: `data.elderClass` goes on the page's root view (`class="page {{elderClass}}"`), whose
 * CSS variables (app.wxss) enlarge text and touch targets, TDesign's included; `data.elder` says whether it
 * is on (for what a page words differently) and `data.elderChoice` what the user chose. It follows WeChat's
 * font setting by scale unless the user chose otherwise (utils/elder-mode.ts); `chooseElderMode` records a
 * choice for the page it is made on, and every other page picks it up when it shows again.
 */
import {
  ELDER_MODE_STORAGE_KEY,
  ELDER_OFFER_STORAGE_KEY,
  elderClassOf,
  readChoice,
  resolveTextScale,
  shouldOfferElderMode,
  type ElderChoice,
  type WechatFont,
} from '../utils/elder-mode';

/** The WeChat font setting now (getAppBaseInfo replaces the deprecated getSystemInfoSync, 2.20.1+). */
export function wechatFont(): WechatFont {
  const info = typeof wx.getAppBaseInfo === 'function' ? wx.getAppBaseInfo() : wx.getSystemInfoSync();
  const { fontSizeSetting, fontSizeScaleFactor } = info as WechatFont;
  return { fontSizeSetting, fontSizeScaleFactor };
}

export function storedElderChoice(): ElderChoice {
  try {
    return readChoice(wx.getStorageSync(ELDER_MODE_STORAGE_KEY));
  } catch {
    return 'follow';
  }
}

export function saveElderChoice(choice: ElderChoice): void {
  try {
    if (choice === 'follow') wx.removeStorageSync(ELDER_MODE_STORAGE_KEY);
    else wx.setStorageSync(ELDER_MODE_STORAGE_KEY, choice);
  } catch {
    // Storage unavailable: the choice holds for this page only.
  }
}

export interface ElderModeView {
  elder: boolean;
  elderClass: string;
  elderChoice: ElderChoice;
}

/** 长辈模式 as it is now, for one setData. */
export function currentElderMode(choice: ElderChoice = storedElderChoice()): ElderModeView {
  const scale = resolveTextScale(choice, wechatFont());
  return { elder: scale > 0, elderClass: elderClassOf(scale), elderChoice: choice };
}

export const elderModeBehavior = Behavior({
  data: { elder: false, elderClass: '', elderChoice: 'follow' as ElderChoice },
  lifetimes: {
    attached() {
      this.setData(currentElderMode());
    },
  },
  pageLifetimes: {
    // Another page may have changed the choice, or the user WeChat's font: follow it when this page shows.
    show() {
      const now = currentElderMode();
      const { elderClass, elderChoice } = this.data;
      if (now.elderClass !== elderClass || now.elderChoice !== elderChoice) this.setData(now);
    },
  },
});

/** Record the user's choice and apply it to `page` at once (other pages follow when they show). */
export function chooseElderMode(
  page: { setData(data: Partial<ElderModeView>): void },
  choice: ElderChoice,
): ElderModeView {
  saveElderChoice(choice);
  const view = currentElderMode(choice);
  page.setData(view);
  return view;
}

/** The home page's first-run offer is due: WeChat's font is enlarged and nobody has chosen or answered. */
export function elderOfferDue(): boolean {
  try {
    return shouldOfferElderMode(
      wx.getStorageSync(ELDER_MODE_STORAGE_KEY),
      wx.getStorageSync(ELDER_OFFER_STORAGE_KEY),
      wechatFont(),
    );
  } catch {
    return false;
  }
}

/** The offer was answered: it is not made again. */
export function answerElderOffer(): void {
  try {
    wx.setStorageSync(ELDER_OFFER_STORAGE_KEY, true);
  } catch {
    // Storage unavailable: the offer may come again next time.
  }
}
