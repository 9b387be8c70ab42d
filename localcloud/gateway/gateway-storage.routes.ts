/**
 * Cloud storage through the client gateway, for the mini-program in DevTools' local mode (docs/local-cloud.md,
 * "Client gateway"): what `wx.cloud.uploadFile` and `wx.cloud.getTempFileURL` do in production.
 *
 * - `POST /gateway/storage/upload` `{cloudPath, base64}`: the mini-program reads the picked file with
 *   `wx.getFileSystemManager().readFile({encoding: 'base64'})` and posts it with `wx.request`. The gateway then
 *   uploads it exactly as an SDK does (a permit from the local cloud's storage, then the `PUT` of the bytes to
 *   the permit's URL), so the same checks and limits apply (storage.limits.ts) and the file id is the one an
 *   SDK upload would get: `cloud://<env>.local-bucket/<cloudPath>`.
 * - `POST /gateway/storage/temp-urls` `{fileList: [fileID]}`: the local cloud's signed download URLs, in the
 *   shape `wx.cloud.getTempFileURL` resolves to.
 *
 * Both act for a known demo identity (`X-WX-OPENID`), as `POST /gateway/call/<fn>` does.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson, type LocalCloudServer } from '../http/local-cloud.server';
import { refuseContentType } from '../http/request-guard';
import { CloudError, CloudErrorCode } from '../protocol/cloud-error';
import type { LocalStorage } from '../storage/local-storage';
import { sizeText } from '../storage/storage.limits';

export const GATEWAY_UPLOAD_PATH = '/gateway/storage/upload';
export const GATEWAY_TEMP_URLS_PATH = '/gateway/storage/temp-urls';

/** The code of a file over the storage's size limit (or a request too large to hold one). */
export const FILE_TOO_LARGE = 'STORAGE_FILE_TOO_LARGE';

/** wx.cloud's status for a file that does not exist (what wx-server-sdk reports for STORAGE_FILE_NONEXIST). */
const FILE_NOT_EXIST_STATUS = -503003;

/** Room for the JSON around the base64 text (the braces, the keys, a cloud path of up to 512 characters). */
const JSON_OVERHEAD_BYTES = 16 * 1024;

export interface GatewayStorageOptions {
  /** The identity check of every gateway route: the openid, or why the request is refused. */
  identity: (req: IncomingMessage) => Promise<{ openid: string } | Refused>;
  /** The environment the functions run in: file ids name it, as an SDK upload's do. */
  envName: string;
}

export interface Refused {
  status: number;
  code: string;
  message: string;
}

type Api = 'uploadFile' | 'getTempFileURL';

function fail(res: ServerResponse, api: Api, refused: Refused): void {
  sendJson(res, refused.status, {
    code: refused.code,
    errCode: -1,
    errMsg: `${api}:fail ${refused.message}`,
    message: refused.message,
  });
}

/** The largest request body an upload of a file at the size limit needs: its base64 text plus the JSON. */
export function maxUploadBodyBytes(maxFileBytes: number): number {
  return Math.ceil(maxFileBytes / 3) * 4 + JSON_OVERHEAD_BYTES;
}

/**
 * The request's body, or null when it is over `max`: then what the client still sends is read and dropped (up
 * to twice `max`, so it reads the answer) before the caller answers.
 */
function readBounded(req: IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = Number(req.headers['content-length'] ?? 0) > max ? max + 1 : 0;
    let settled = false;
    const settle = (value: Buffer | null) => {
      if (settled) return;
      settled = true;
      resolve(value);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max) chunks.push(chunk);
      else chunks.length = 0;
      if (size > 3 * max) {
        req.destroy();
        settle(null);
      }
    });
    req.on('end', () => settle(size > max ? null : Buffer.concat(chunks)));
    req.on('error', (e) => {
      if (!settled) {
        settled = true;
        reject(e);
      }
    });
    req.on('close', () => {
      if (!req.complete && !settled) {
        settled = true;
        reject(new Error('request aborted'));
      }
    });
  });
}

function parseObject(body: Buffer): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/**
 * Standard Base64 (what `readFile({encoding: 'base64'})` gives): checked without a repeated group, which would
 * overflow the regular expression engine's stack on the text of a large photo.
 */
function isBase64(text: string): boolean {
  if (text.length % 4 !== 0 || /[^A-Za-z0-9+/=]/.test(text)) return false;
  const pad = text.indexOf('=');
  return pad === -1 || (pad >= text.length - 2 && text.slice(pad) === '='.repeat(text.length - pad));
}

/** `<Code>` and `<Message>` of a COS-style XML error. */
function cosError(xml: string): { code: string; message: string } {
  const field = (name: string) =>
    (new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1] ?? '').replace(/&#(\d+);/g, (_m, n: string) =>
      String.fromCharCode(Number(n)),
    );
  return { code: field('Code'), message: field('Message') };
}

/** What a refusal of the upload leg means to the mini-program. */
function uploadRefusal(status: number, xml: string): Refused {
  const { code, message } = cosError(xml);
  if (code === 'EntityTooLarge') return { status: 413, code: FILE_TOO_LARGE, message };
  if (code === 'InvalidContentType') {
    return { status: 400, code: CloudErrorCode.StorageTypeNotAllowed, message };
  }
  return {
    status: 502,
    code: 'STORAGE_REQUEST_FAIL',
    message: `文件没有存入本地云存储(${status} ${code}):${message}`,
  };
}

export function registerGatewayStorageRoutes(
  server: LocalCloudServer,
  storage: LocalStorage,
  opts: GatewayStorageOptions,
): void {
  // The body is read here, not by the server: a photo at the storage's limit, as base64, is far over the
  // server's own limit for JSON bodies (maxBodyBytes, 10 MB by default).
  server.addRoute(
    'POST',
    GATEWAY_UPLOAD_PATH,
    async (req, res) => {
      const wrongType = refuseContentType(req.headers['content-type'], ['application/json']);
      if (wrongType) {
        fail(res, 'uploadFile', wrongType);
        return;
      }
      const who = await opts.identity(req);
      if ('code' in who) {
        fail(res, 'uploadFile', who);
        return;
      }
      const maxFile = storage.limits.maxFileBytes;
      const body = await readBounded(req, maxUploadBodyBytes(maxFile));
      if (body === null) {
        res.setHeader('connection', 'close');
        fail(res, 'uploadFile', {
          status: 413,
          code: FILE_TOO_LARGE,
          message: `文件过大(上限 ${sizeText(maxFile)})`,
        });
        return;
      }
      const input = parseObject(body);
      if (input === null) {
        fail(res, 'uploadFile', { status: 400, code: 'INVALID_PARAM', message: '请求体必须是 JSON 对象' });
        return;
      }
      const base64 = input['base64'];
      if (typeof base64 !== 'string' || !isBase64(base64)) {
        fail(res, 'uploadFile', {
          status: 400,
          code: 'INVALID_PARAM',
          message: 'base64 必须是文件内容的 Base64 文本',
        });
        return;
      }
      let permit: Record<string, unknown>;
      try {
        permit = storage.uploadMetadata(input['cloudPath'], opts.envName);
      } catch (e) {
        if (!(e instanceof CloudError)) throw e;
        fail(res, 'uploadFile', { status: 400, code: e.code, message: e.message });
        return;
      }
      // The upload leg an SDK takes, on this same server: one place checks and stores every upload.
      const bytes = Buffer.from(base64, 'base64');
      const put = await fetch(String(permit['url']), {
        method: 'PUT',
        headers: { authorization: String(permit['authorization']), 'content-length': String(bytes.length) },
        body: bytes,
      });
      const answer = await put.text();
      if (put.status !== 200) {
        fail(res, 'uploadFile', uploadRefusal(put.status, answer));
        return;
      }
      sendJson(res, 200, { fileID: permit['fileId'], statusCode: 200, errMsg: 'uploadFile:ok' });
    },
    { streamBody: true },
  );

  server.addRoute('POST', GATEWAY_TEMP_URLS_PATH, async (req, res, body) => {
    const who = await opts.identity(req);
    if ('code' in who) {
      fail(res, 'getTempFileURL', who);
      return;
    }
    const input = parseObject(body);
    const list = input?.['fileList'];
    if (!Array.isArray(list) || list.some((id) => typeof id !== 'string')) {
      fail(res, 'getTempFileURL', {
        status: 400,
        code: 'INVALID_PARAM',
        message: 'fileList 必须是文件 ID(fileID)的数组',
      });
      return;
    }
    let urls: Record<string, unknown>[];
    try {
      urls = storage.downloadUrls((list as string[]).map((fileid) => ({ fileid })));
    } catch (e) {
      if (!(e instanceof CloudError)) throw e;
      fail(res, 'getTempFileURL', { status: 400, code: e.code, message: e.message });
      return;
    }
    sendJson(res, 200, {
      fileList: urls.map((u) =>
        u['code'] === 'SUCCESS'
          ? {
              fileID: u['fileID'],
              tempFileURL: u['tempFileURL'],
              maxAge: u['maxAge'],
              status: 0,
              errMsg: 'ok',
            }
          : {
              fileID: u['fileID'],
              tempFileURL: '',
              maxAge: u['maxAge'],
              status: FILE_NOT_EXIST_STATUS,
              errMsg: String(u['message'] ?? u['code']),
            },
      ),
      errMsg: 'getTempFileURL:ok',
    });
  });
}
