/**
 * The service address the resident last ordered with, kept on their own phone only (wx storage), so the next
 * order starts with it filled in: older residents should not have to type 门牌号 every time.
 */
const KEY = 'weimin.lastServiceAddress';

export function lastServiceAddress(): string {
  try {
    const stored: unknown = wx.getStorageSync(KEY);
    return typeof stored === 'string' ? stored : '';
  } catch {
    return '';
  }
}

export function rememberServiceAddress(address: string): void {
  try {
    if (address.trim() === '') wx.removeStorageSync(KEY);
    else wx.setStorageSync(KEY, address.trim());
  } catch {
    // Storage full or unavailable: the address is simply not remembered.
  }
}
