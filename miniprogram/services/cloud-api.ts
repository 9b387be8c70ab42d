/**
 * The client API module: the one place the mini-program calls cloud functions. Pages and services call
 * `callFunction(name, data)` and get the function's `{code, message, data}` reply; whether it travels through
 * `wx.cloud.callFunction` (production) or the local cloud's gateway (local mode) is configuration.
 *
 * Local mode acts as a demo identity (`X-WX-OPENID`): `config.localOpenid`, unless another one was chosen
 * on the device (我的 - 切换演示身份, stored under LOCAL_OPENID_STORAGE_KEY). Cloud mode never reads that
 * choice: there WeChat says who the caller is.
 */
import { appConfig, type AppConfig } from '../config';

/** What every platform function replies: `code` 'OK' or a stable error code, a Chinese `message`. */
export interface FunctionReply<T> {
  code: string;
  message: string;
  data?: T;
}

/** A call that did not reach the function or whose function failed unexpectedly. */
export class CallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CallError';
  }
}

interface GatewayReply {
  result?: unknown;
  errMsg?: string;
  code?: string;
  message?: string;
}

/** Where the demo identity chosen on the device is kept (local mode only). */
export const LOCAL_OPENID_STORAGE_KEY = 'localOpenid';

/** What the gateway accepts as an openid. */
const OPENID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** A demo identity as the local cloud lists it (`GET /gateway/identities`, served by `npm start`). */
export interface LocalIdentityReply {
  openid: string;
  role: string;
  label: string;
  nickname: string;
}

const LOCAL_ONLY_MESSAGE = '演示身份仅在本地模式下可用';

/** The demo identity local mode acts as now: the one chosen on the device, else the configured one. */
export function activeLocalOpenid(config: AppConfig = appConfig): string {
  if (config.mode !== 'local') return config.localOpenid;
  let stored: unknown;
  try {
    stored = wx.getStorageSync(LOCAL_OPENID_STORAGE_KEY);
  } catch {
    stored = '';
  }
  return typeof stored === 'string' && OPENID_PATTERN.test(stored) ? stored : config.localOpenid;
}

/** Act as `openid` from the next call on. Refused in cloud mode. */
export function chooseLocalOpenid(openid: string, config: AppConfig = appConfig): void {
  if (config.mode !== 'local') throw new CallError('LOCAL_MODE_ONLY', LOCAL_ONLY_MESSAGE);
  if (!OPENID_PATTERN.test(openid)) throw new CallError('INVALID_OPENID', `演示身份格式不正确:${openid}`);
  wx.setStorageSync(LOCAL_OPENID_STORAGE_KEY, openid);
}

/** The demo identities the running local cloud accepts. Refused in cloud mode. */
export function listLocalIdentities(config: AppConfig = appConfig): Promise<LocalIdentityReply[]> {
  if (config.mode !== 'local') return Promise.reject(new CallError('LOCAL_MODE_ONLY', LOCAL_ONLY_MESSAGE));
  return new Promise((resolve, reject) => {
    wx.request({
      url: `${config.gatewayUrl}/gateway/identities`,
      method: 'GET',
      success: (res) => {
        const body = res.data as { identities?: LocalIdentityReply[] } | null;
        if (res.statusCode === 200 && Array.isArray(body?.identities)) resolve(body.identities);
        else reject(new CallError(`HTTP_${res.statusCode}`, '本地云未提供演示身份列表,请用 npm start 启动'));
      },
      fail: (err) => reject(new CallError('NETWORK_ERROR', `无法连接本地云:${err.errMsg}`)),
    });
  });
}

let initialised = false;

function ensureCloud(config: AppConfig): void {
  if (initialised) return;
  wx.cloud.init({ env: config.envId, traceUser: true });
  initialised = true;
}

function viaGateway<T>(config: AppConfig, name: string, data: object): Promise<T> {
  return new Promise((resolve, reject) => {
    wx.request({
      url: `${config.gatewayUrl}/gateway/call/${encodeURIComponent(name)}`,
      method: 'POST',
      header: { 'content-type': 'application/json', 'X-WX-OPENID': activeLocalOpenid(config) },
      data: { data },
      success: (res) => {
        const body = res.data as GatewayReply;
        if (body && body.errMsg === 'callFunction:ok') resolve(body.result as T);
        else
          reject(
            new CallError(body?.code ?? `HTTP_${res.statusCode}`, body?.message ?? '调用失败,请稍后重试'),
          );
      },
      fail: (err) => reject(new CallError('NETWORK_ERROR', `无法连接本地云:${err.errMsg}`)),
    });
  });
}

async function viaCloud<T>(config: AppConfig, name: string, data: object): Promise<T> {
  ensureCloud(config);
  try {
    const res = await wx.cloud.callFunction({ name, data });
    return res.result as T;
  } catch (e) {
    const err = e as { errCode?: number; errMsg?: string };
    throw new CallError(`CLOUD_${err.errCode ?? 'ERROR'}`, '网络繁忙,请稍后重试');
  }
}

export function callFunction<T>(
  name: string,
  data: object = {},
  config: AppConfig = appConfig,
): Promise<FunctionReply<T>> {
  return config.mode === 'local' ? viaGateway(config, name, data) : viaCloud(config, name, data);
}

/** What the user answered per template id: 'accept', 'reject' (WeChat may also say 'ban' or 'filter'). */
export type SubscribeAnswer = Record<string, string>;

/** WeChat's own consent dialog; WeChat records what the user accepted. */
function subscribeWithWechat(templateIds: string[]): Promise<SubscribeAnswer> {
  return new Promise((resolve, reject) => {
    wx.requestSubscribeMessage({
      tmplIds: templateIds,
      success: (res) => resolve(res),
      fail: (err) => reject(new CallError(`SUBSCRIBE_${err.errCode ?? 'FAIL'}`, err.errMsg)),
    });
  });
}

/** Local mode's stand-in for WeChat's dialog: one question for the templates asked together. */
function askLocally(): Promise<boolean> {
  return new Promise((resolve) => {
    wx.showModal({
      title: '接收服务通知',
      content:
        '本地模式：代替微信的订阅消息授权。允许后，订单进展的通知会发到本地云的发件箱（/outbox.html）。',
      confirmText: '允许',
      cancelText: '拒绝',
      success: (res) => resolve(res.confirm),
      fail: () => resolve(false),
    });
  });
}

/** Tell the local cloud what the demo identity answered: each accept is one grant (POST /gateway/subscribe). */
function recordLocally(config: AppConfig, templateIds: string[], answer: SubscribeAnswer): Promise<void> {
  return new Promise((resolve) => {
    wx.request({
      url: `${config.gatewayUrl}/gateway/subscribe`,
      method: 'POST',
      header: { 'content-type': 'application/json' },
      data: { openid: activeLocalOpenid(config), templateIds, result: answer },
      // Not recorded (local cloud down, unknown template): its messages are refused as WeChat refuses an
      // unsubscribed user's, and the order goes on all the same.
      complete: () => resolve(),
    });
  });
}

async function subscribeLocally(config: AppConfig, templateIds: string[]): Promise<SubscribeAnswer> {
  const verdict = (await askLocally()) ? 'accept' : 'reject';
  const answer: SubscribeAnswer = {};
  for (const id of templateIds) answer[id] = verdict;
  await recordLocally(config, templateIds, answer);
  return answer;
}

/**
 * Ask the user for subscribe-message consent (call it first thing in a tap: WeChat shows its dialog only
 * from one). Cloud mode: WeChat's dialog, and WeChat records the grants. Local mode: the templates are the
 * local cloud's (config.ts), which WeChat does not know, so a stand-in dialog asks and the answer is
 * recorded with the local cloud as grants of the demo identity in use; the order loop's messages then reach
 * its outbox as they would reach the phone.
 */
export function requestSubscribe(
  templateIds: string[],
  config: AppConfig = appConfig,
): Promise<SubscribeAnswer> {
  return config.mode === 'local' ? subscribeLocally(config, templateIds) : subscribeWithWechat(templateIds);
}

// ---------- Cloud storage (photos) ----------

/** One file's temporary URL, as `wx.cloud.getTempFileURL` answers it (`status` 0: found; `tempFileURL` ''). */
export interface TempFileUrl {
  fileID: string;
  tempFileURL: string;
  status: number;
}

interface GatewayStorageReply {
  fileID?: string;
  fileList?: TempFileUrl[];
  code?: string;
  message?: string;
}

/** A picked file's bytes as base64 (local mode posts them to the gateway). */
function readBase64(filePath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    wx.getFileSystemManager().readFile({
      filePath,
      encoding: 'base64',
      success: (res) => resolve(typeof res.data === 'string' ? res.data : ''),
      fail: (err) => reject(new CallError('FILE_READ_FAILED', `无法读取要上传的文件:${err.errMsg}`)),
    });
  });
}

/** `POST /gateway/storage/<route>` as the active demo identity; the reply, or the gateway's refusal. */
function gatewayStorage(config: AppConfig, route: string, data: object): Promise<GatewayStorageReply> {
  return new Promise((resolve, reject) => {
    wx.request({
      url: `${config.gatewayUrl}/gateway/storage/${route}`,
      method: 'POST',
      header: { 'content-type': 'application/json', 'X-WX-OPENID': activeLocalOpenid(config) },
      data,
      success: (res) => {
        const body = res.data as GatewayStorageReply | null;
        if (res.statusCode === 200 && body) resolve(body);
        else
          reject(
            new CallError(body?.code ?? `HTTP_${res.statusCode}`, body?.message ?? '文件操作失败,请稍后重试'),
          );
      },
      fail: (err) => reject(new CallError('NETWORK_ERROR', `无法连接本地云:${err.errMsg}`)),
    });
  });
}

/**
 * Upload a local file (a picked photo's temporary path) to cloud storage at `cloudPath`; its file id. Cloud
 * mode: `wx.cloud.uploadFile`. Local mode: the file read as base64 and posted to the local cloud's gateway
 * (`POST /gateway/storage/upload`), which stores it as an upload to CloudBase would be. A CallError when refused.
 */
export async function uploadFile(
  file: { cloudPath: string; filePath: string },
  config: AppConfig = appConfig,
): Promise<{ fileID: string }> {
  if (config.mode === 'local') {
    const base64 = await readBase64(file.filePath);
    const body = await gatewayStorage(config, 'upload', { cloudPath: file.cloudPath, base64 });
    if (typeof body.fileID !== 'string') throw new CallError('UPLOAD_FAILED', '文件上传失败,请稍后重试');
    return { fileID: body.fileID };
  }
  ensureCloud(config);
  try {
    const { fileID } = await wx.cloud.uploadFile({ cloudPath: file.cloudPath, filePath: file.filePath });
    return { fileID };
  } catch (e) {
    const err = e as { errCode?: number };
    throw new CallError(`CLOUD_${err.errCode ?? 'ERROR'}`, '文件上传失败,请检查网络后重试');
  }
}

/**
 * Temporary URLs of stored files, one per file id in order (`wx.cloud.getTempFileURL` in cloud mode; the local
 * cloud's signed URLs through `POST /gateway/storage/temp-urls` in local mode). A CallError when refused.
 */
export async function getTempFileURL(
  fileIds: readonly string[],
  config: AppConfig = appConfig,
): Promise<TempFileUrl[]> {
  if (config.mode === 'local') {
    const body = await gatewayStorage(config, 'temp-urls', { fileList: [...fileIds] });
    return (body.fileList ?? []).map(({ fileID, tempFileURL, status }) => ({ fileID, tempFileURL, status }));
  }
  ensureCloud(config);
  try {
    const { fileList } = await wx.cloud.getTempFileURL({ fileList: [...fileIds] });
    return fileList.map(({ fileID, tempFileURL, status }) => ({ fileID, tempFileURL, status }));
  } catch (e) {
    const err = e as { errCode?: number };
    throw new CallError(`CLOUD_${err.errCode ?? 'ERROR'}`, '网络繁忙,请稍后重试');
  }
}
