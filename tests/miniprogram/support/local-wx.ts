/**
 * The WeChat globals the client API module needs to reach a real local cloud from Node: `wx.request` backed
 * by Node's fetch (the transport DevTools would use), the subscribe-consent dialogs answered as scripted
 * (WeChat's own in cloud mode, local mode's stand-in `wx.showModal`), each recorded in `dialogs`, and the
 * device's storage (wx.getStorageSync / setStorageSync) kept in `deviceStorage`.
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

interface CallbackOptions<T> {
  success?: (res: T) => void;
  fail?: (err: { errMsg: string }) => void;
}

/** The device's storage. */
export const deviceStorage = new Map<string, unknown>();

/** The consent dialogs shown, in order: WeChat's with its template ids, local mode's stand-in. */
export const dialogs: Array<{ kind: 'wechat'; tmplIds: string[] } | { kind: 'local'; title: string }> = [];

export interface WxAnswers {
  /** WeChat's subscribe dialog (cloud mode): template id -> 'accept' / 'reject'. */
  subscribe?: Record<string, string>;
  /** Local mode's stand-in dialog: 允许 (true) or 拒绝. */
  allow?: boolean;
}

/** Install `wx`, answering the consent dialogs as `answers` says (nothing accepted by default). */
export function installWx(answers: WxAnswers = {}): Record<string, unknown> {
  dialogs.length = 0;
  const wx: Record<string, unknown> = {
    request(o: RequestOptions) {
      const method = o.method ?? 'GET';
      const body = method === 'GET' ? undefined : JSON.stringify(o.data ?? {});
      fetch(o.url, { method, headers: o.header ?? {}, body })
        .then(async (res) => o.success?.({ statusCode: res.status, data: await res.json() }))
        .catch((e: Error) => o.fail?.({ errMsg: `request:fail ${e.message}` }))
        .finally(() => o.complete?.());
    },
    requestSubscribeMessage(o: { tmplIds: string[] } & CallbackOptions<Record<string, string>>) {
      dialogs.push({ kind: 'wechat', tmplIds: o.tmplIds });
      queueMicrotask(() => o.success?.({ errMsg: 'requestSubscribeMessage:ok', ...answers.subscribe }));
    },
    showModal(o: { title: string } & CallbackOptions<{ confirm: boolean; cancel: boolean }>) {
      dialogs.push({ kind: 'local', title: o.title });
      const confirm = answers.allow === true;
      queueMicrotask(() => o.success?.({ confirm, cancel: !confirm }));
    },
    getStorageSync: (key: string) => deviceStorage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => void deviceStorage.set(key, value),
  };
  (globalThis as Record<string, unknown>)['wx'] = wx;
  return wx;
}

export function removeWx(): void {
  delete (globalThis as Record<string, unknown>)['wx'];
}
