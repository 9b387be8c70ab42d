/**
 * The WeChat globals the client API module needs to reach a real local cloud from Node: `wx.request` backed
 * by Node's fetch (the transport DevTools would use), the subscribe-consent dialog answered as scripted, and
 * the device's storage (wx.getStorageSync / setStorageSync) kept in `deviceStorage`.
 */

interface RequestOptions {
  url: string;
  method?: string;
  header?: Record<string, string>;
  data?: unknown;
  success?: (res: { statusCode: number; data: unknown }) => void;
  fail?: (err: { errMsg: string }) => void;
  complete?: () => void;
}

/** The device's storage. */
export const deviceStorage = new Map<string, unknown>();

/** Install `wx`; the subscribe dialog answers `subscribeAnswer` (template id -> 'accept' / 'reject'). */
export function installWx(subscribeAnswer: Record<string, string>): Record<string, unknown> {
  const wx: Record<string, unknown> = {
    request(o: RequestOptions) {
      const method = o.method ?? 'GET';
      const body = method === 'GET' ? undefined : JSON.stringify(o.data ?? {});
      fetch(o.url, { method, headers: o.header ?? {}, body })
        .then(async (res) => o.success?.({ statusCode: res.status, data: await res.json() }))
        .catch((e: Error) => o.fail?.({ errMsg: `request:fail ${e.message}` }))
        .finally(() => o.complete?.());
    },
    requestSubscribeMessage: async () => ({ errMsg: 'requestSubscribeMessage:ok', ...subscribeAnswer }),
    getStorageSync: (key: string) => deviceStorage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => void deviceStorage.set(key, value),
  };
  (globalThis as Record<string, unknown>)['wx'] = wx;
  return wx;
}

export function removeWx(): void {
  delete (globalThis as Record<string, unknown>)['wx'];
}
