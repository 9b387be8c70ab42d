/**
 * Cloud storage on the local cloud (docs/wire-protocol.md section 9): files in the data folder
 * (`<dataDir>/storage/`, one file per cloud path, named by its digest), their metadata in the store
 * (`sys_storage_files`), upload permits in memory (an upload follows its metadata within minutes, as on
 * CloudBase; a restart forgets unused permits, and the client asks again).
 *
 * What the SDKs do, and what answers them:
 * - `uploadFile`: `storage.getUploadMetadata {path}` -> a permit (URL, token, fileId); then `PUT` of the
 *   bytes to that URL with the token in `authorization` -> an empty 200, or a COS-style XML `<Error>`.
 * - `getTempFileURL`: `storage.batchGetDownloadUrl {file_list}` -> signed URLs, valid for `max_age` seconds.
 * - `downloadFile`: the same, then `GET` of the URL.
 * - `deleteFile`: `storage.batchDeleteFile {fileid_list}`.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { LocalDatabase } from '../db/local-database';
import { decodeStored } from '../protocol/ejson.codec';
import { CloudError, CloudErrorCode, invalidParam } from '../protocol/cloud-error';
import {
  DEFAULT_STORAGE_LIMITS,
  MAGIC_BYTES,
  allowedExtensions,
  headFits,
  sizeText,
  typeOf,
  type StorageLimits,
} from './storage.limits';

export const STORAGE_FILES_COLLECTION = 'sys_storage_files';
export const UPLOAD_PATH = '/storage/upload/';
export const DOWNLOAD_PATH = '/storage/download/';
/** The local cloud's one bucket, as it appears in file ids (`cloud://<env>.<bucket>/<path>`). */
export const LOCAL_BUCKET = 'local-bucket';
const MAX_PATH_CHARS = 512;

/** One stored file's metadata. */
export interface StoredFile {
  readonly cloudPath: string;
  readonly fileId: string;
  readonly size: number;
  readonly contentType: string;
  readonly etag: string;
  readonly uploadedAt: number;
}

interface Permit {
  readonly cloudPath: string;
  readonly fileId: string;
  readonly expiresAt: number;
}

export interface StorageOptions {
  readonly dataDir: string;
  readonly now: () => number;
  /** `http://127.0.0.1:<port>`: what upload and download URLs start with. */
  readonly baseUrl: () => string;
  readonly limits?: Partial<StorageLimits>;
}

/** A refusal of the PUT or GET leg, answered as COS answers: an XML `<Error>` with a status. */
export class CosError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Throws INVALID_PARAM unless the cloud path is one the local cloud stores safely. */
export function checkCloudPath(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) throw invalidParam('缺少文件路径(cloudPath)');
  if (value.length > MAX_PATH_CHARS) throw invalidParam(`文件路径过长(上限 ${MAX_PATH_CHARS} 个字符)`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\?#%]/.test(value)) {
    throw invalidParam(`文件路径不能含有控制字符、反斜杠、?、# 或 %:${value.slice(0, 100)}`);
  }
  const segments = value.split('/');
  if (segments.some((s) => s.length === 0 || s === '.' || s === '..')) {
    throw invalidParam(`文件路径不能以 / 开头或结尾,不能含有空段、. 或 ..:${value.slice(0, 100)}`);
  }
  return value;
}

/** The cloud path inside a file id (`cloud://<env>.<bucket>/<path>`), or null. */
export function cloudPathOf(fileId: string): string | null {
  const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId);
  return m ? m[1]! : null;
}

function encodePath(cloudPath: string): string {
  return cloudPath.split('/').map(encodeURIComponent).join('/');
}

function xmlEscape(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function sendCosError(res: ServerResponse, e: CosError, resource: string): void {
  const id = randomBytes(12).toString('base64url');
  const body =
    `<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n<Code>${xmlEscape(e.code)}</Code>\n` +
    `<Message>${xmlEscape(e.message)}</Message>\n<Resource>${xmlEscape(resource)}</Resource>\n` +
    `<RequestId>${id}</RequestId>\n<TraceId>${id}</TraceId>\n</Error>`;
  res.writeHead(e.status, {
    'content-type': 'application/xml',
    'content-length': Buffer.byteLength(body),
    'x-cos-request-id': id,
  });
  res.end(body);
}

export class LocalStorage {
  readonly limits: StorageLimits;
  private readonly dir: string;
  private readonly permits = new Map<string, Permit>();
  private readonly urlKey: Buffer;

  constructor(
    private readonly db: LocalDatabase,
    private readonly options: StorageOptions,
  ) {
    this.limits = { ...DEFAULT_STORAGE_LIMITS, ...options.limits };
    this.dir = join(options.dataDir, 'storage');
    mkdirSync(this.dir, { recursive: true });
    db.ensureCollection(STORAGE_FILES_COLLECTION);
    // Signed URLs stay valid across restarts of the same data folder, as CloudBase's do.
    const keyFile = join(this.dir, '.url-key');
    if (!existsSync(keyFile)) writeFileSync(keyFile, randomBytes(32).toString('hex'), { mode: 0o600 });
    this.urlKey = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'hex');
  }

  // ---------- actions ----------

  /** `storage.getUploadMetadata`: a permit to PUT one file at `path`. */
  uploadMetadata(path: unknown, envName: string): Record<string, unknown> {
    const cloudPath = checkCloudPath(path);
    if (typeOf(cloudPath) === undefined) {
      throw new CloudError(
        CloudErrorCode.StorageTypeNotAllowed,
        `不支持上传这种类型的文件:${cloudPath.slice(0, 100)}(可上传:${allowedExtensions()})`,
      );
    }
    this.dropExpiredPermits();
    const token = randomBytes(24).toString('base64url');
    const fileId = `cloud://${envName}.${LOCAL_BUCKET}/${cloudPath}`;
    this.permits.set(token, { cloudPath, fileId, expiresAt: this.options.now() + this.limits.uploadValidMs });
    const url = `${this.options.baseUrl()}${UPLOAD_PATH}${encodePath(cloudPath)}`;
    return {
      url,
      token,
      authorization: token,
      fileId,
      cosFileId: randomBytes(8).toString('hex'),
      download_url: url.replace(UPLOAD_PATH, DOWNLOAD_PATH),
    };
  }

  /** `storage.batchGetDownloadUrl`: a signed URL per file, or STORAGE_FILE_NONEXIST for that file. */
  downloadUrls(list: unknown): Record<string, unknown>[] {
    const items = this.listOf(list, 'file_list');
    return items.map((item) => {
      const entry = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
      const fileId = entry['fileid'];
      if (typeof fileId !== 'string') throw invalidParam('file_list 的每一项都要有 fileid');
      const requested = entry['max_age'];
      const maxAge =
        typeof requested === 'number' && Number.isFinite(requested) && requested > 0
          ? Math.min(Math.floor(requested), this.limits.maxUrlAgeSeconds)
          : this.limits.defaultUrlAgeSeconds;
      const file = this.stored(fileId);
      if (file === null) {
        return {
          fileID: fileId,
          tempFileURL: '',
          code: CloudErrorCode.StorageFileNotExist,
          message: `文件不存在(storage file not exists):${fileId.slice(0, 200)}`,
          maxAge,
        };
      }
      return { fileID: fileId, tempFileURL: this.signedUrl(file.cloudPath, maxAge), code: 'SUCCESS', maxAge };
    });
  }

  /** `storage.batchDeleteFile`: each file removed, or STORAGE_FILE_NONEXIST for that file. */
  deleteFiles(list: unknown): Record<string, unknown>[] {
    return this.listOf(list, 'fileid_list').map((fileId) => {
      if (typeof fileId !== 'string') throw invalidParam('fileid_list 的每一项都必须是字符串');
      const file = this.stored(fileId);
      if (file === null) return { fileID: fileId, code: CloudErrorCode.StorageFileNotExist };
      this.db.remove(STORAGE_FILES_COLLECTION, { _id: keyOf(file.cloudPath) }, false);
      rmSync(this.objectPath(file.cloudPath), { force: true });
      return { fileID: fileId, code: 'SUCCESS' };
    });
  }

  // ---------- the upload (PUT) and download (GET) legs ----------

  /** The PUT of an upload: streamed to a temporary file, checked, then put in place. */
  async receive(req: IncomingMessage, cloudPath: string): Promise<StoredFile> {
    const token = String(req.headers['authorization'] ?? '');
    const permit = this.permits.get(token);
    if (permit === undefined || permit.cloudPath !== cloudPath || permit.expiresAt < this.options.now()) {
      await drain(req, this.limits.maxFileBytes);
      throw new CosError(403, 'AccessDenied', '上传凭证无效或已过期,请重新获取上传信息(getUploadMetadata)');
    }
    this.permits.delete(token);
    const type = typeOf(cloudPath)!;
    const max = this.limits.maxFileBytes;
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > max) {
      await drain(req, max);
      throw tooLarge(max);
    }
    const tmp = join(this.dir, `.upload-${token}`);
    const out = createWriteStream(tmp);
    const md5 = createHash('md5');
    let size = 0;
    let head = Buffer.alloc(0);
    let over = false;
    try {
      await new Promise<void>((resolve, reject) => {
        req.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (over) return;
          if (size > max) {
            over = true;
            out.destroy();
            return;
          }
          if (head.length < MAGIC_BYTES) head = Buffer.concat([head, chunk.subarray(0, MAGIC_BYTES)]);
          md5.update(chunk);
          if (!out.write(chunk)) {
            req.pause();
            out.once('drain', () => req.resume());
          }
        });
        req.on('end', () => {
          if (over) resolve();
          else out.end(() => resolve());
        });
        req.on('error', reject);
        req.on('close', () => {
          if (!req.complete) reject(new Error('upload aborted'));
        });
        out.on('error', (e) => {
          if (!over) reject(e);
        });
      });
      if (over) throw tooLarge(max);
      if (!headFits(type, head)) {
        throw new CosError(
          400,
          'InvalidContentType',
          `文件内容与扩展名不符:${cloudPath.slice(cloudPath.lastIndexOf('/') + 1)} 不是${type.label}`,
        );
      }
      renameSync(tmp, this.objectPath(cloudPath));
    } finally {
      rmSync(tmp, { force: true });
    }
    const file: StoredFile = {
      cloudPath,
      fileId: permit.fileId,
      size,
      contentType: type.contentType,
      etag: md5.digest('hex'),
      uploadedAt: this.options.now(),
    };
    this.db.remove(STORAGE_FILES_COLLECTION, { _id: keyOf(cloudPath) }, false);
    this.db.insert(STORAGE_FILES_COLLECTION, [{ _id: keyOf(cloudPath), ...file }]);
    return file;
  }

  /** The GET (or HEAD) of a signed URL: the file, streamed. */
  serve(req: IncomingMessage, res: ServerResponse, cloudPath: string, query: URLSearchParams): void {
    const expires = Number(query.get('t'));
    const sign = query.get('sign') ?? '';
    if (!this.validSign(cloudPath, query.get('t') ?? '', sign)) {
      throw new CosError(403, 'AccessDenied', '下载链接的签名无效');
    }
    if (!Number.isFinite(expires) || expires * 1000 < this.options.now()) {
      throw new CosError(403, 'AccessDenied', '下载链接已过期(Request has expired),请重新获取');
    }
    const file = this.byPath(cloudPath);
    const object = this.objectPath(cloudPath);
    if (file === null || !existsSync(object)) {
      throw new CosError(404, 'NoSuchKey', `文件不存在(The specified key does not exist):${cloudPath}`);
    }
    const name = cloudPath.slice(cloudPath.lastIndexOf('/') + 1);
    res.writeHead(200, {
      'content-type': file.contentType,
      'content-length': statSync(object).size,
      etag: `"${file.etag}"`,
      'cache-control': 'private, max-age=0',
      'x-content-type-options': 'nosniff',
      ...(file.contentType.startsWith('image/')
        ? {}
        : { 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}` }),
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(object).pipe(res);
  }

  /**
   * Stores `bytes` as the file `fileId` names, without an upload (the demo's photos, seeded with the demo
   * data): the same type check as an upload's; an existing file at that path is replaced.
   */
  seedFile(fileId: string, bytes: Buffer): StoredFile {
    const cloudPath = cloudPathOf(fileId);
    const type = cloudPath === null ? undefined : typeOf(cloudPath);
    if (cloudPath === null || type === undefined || !headFits(type, bytes)) {
      throw invalidParam(`不能存入的演示文件:${fileId.slice(0, 200)}`);
    }
    writeFileSync(this.objectPath(cloudPath), bytes);
    const file: StoredFile = {
      cloudPath,
      fileId,
      size: bytes.length,
      contentType: type.contentType,
      etag: createHash('md5').update(bytes).digest('hex'),
      uploadedAt: this.options.now(),
    };
    this.db.ensureCollection(STORAGE_FILES_COLLECTION);
    this.db.remove(STORAGE_FILES_COLLECTION, { _id: keyOf(cloudPath) }, false);
    this.db.insert(STORAGE_FILES_COLLECTION, [{ _id: keyOf(cloudPath), ...file }]);
    return file;
  }

  /** Every stored file's metadata (for tools and tests). */
  list(): StoredFile[] {
    if (!this.db.store.has(STORAGE_FILES_COLLECTION)) return [];
    return this.db
      .find(STORAGE_FILES_COLLECTION, {}, { order: { uploadedAt: 1 }, limit: 1000 })
      .map((text) => {
        const { _id: _ignored, ...doc } = decodeStored(text);
        return doc as unknown as StoredFile;
      });
  }

  // ---------- helpers ----------

  private listOf(value: unknown, name: string): unknown[] {
    if (!Array.isArray(value) || value.length === 0) throw invalidParam(`${name} 必须是非空数组`);
    if (value.length > 50) throw invalidParam(`${name} 一次最多 50 项`);
    return value;
  }

  private stored(fileId: string): StoredFile | null {
    const cloudPath = cloudPathOf(fileId);
    if (cloudPath === null) return null;
    const file = this.byPath(cloudPath);
    return file !== null && file.fileId === fileId ? file : null;
  }

  private byPath(cloudPath: string): StoredFile | null {
    if (!this.db.store.has(STORAGE_FILES_COLLECTION)) return null;
    const raw = this.db.getRawById(STORAGE_FILES_COLLECTION, keyOf(cloudPath));
    if (raw.length === 0) return null;
    const { _id: _ignored, ...doc } = decodeStored(raw[0]!);
    return doc as unknown as StoredFile;
  }

  private objectPath(cloudPath: string): string {
    return join(this.dir, keyOf(cloudPath));
  }

  private sign(cloudPath: string, t: string): string {
    return createHmac('sha256', this.urlKey).update(`${cloudPath}\n${t}`).digest('base64url');
  }

  private validSign(cloudPath: string, t: string, sign: string): boolean {
    const expected = Buffer.from(this.sign(cloudPath, t));
    const given = Buffer.from(sign);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  /** The URL as CloudBase gives it: the path unencoded (node-sdk's downloadFile encodes it with encodeURI). */
  private signedUrl(cloudPath: string, maxAge: number): string {
    const t = String(Math.floor(this.options.now() / 1000) + maxAge);
    return `${this.options.baseUrl()}${DOWNLOAD_PATH}${cloudPath}?sign=${this.sign(cloudPath, t)}&t=${t}`;
  }

  private dropExpiredPermits(): void {
    const now = this.options.now();
    for (const [token, permit] of this.permits) if (permit.expiresAt < now) this.permits.delete(token);
  }
}

function keyOf(cloudPath: string): string {
  return createHash('sha256').update(cloudPath).digest('hex');
}

function tooLarge(max: number): CosError {
  return new CosError(400, 'EntityTooLarge', `文件过大(上限 ${sizeText(max)})`);
}

/** Read and drop what the client still sends (up to twice the limit), so it reads the answer; then stop. */
function drain(req: IncomingMessage, max: number): Promise<void> {
  return new Promise((resolve) => {
    if (req.complete) {
      resolve();
      return;
    }
    let seen = 0;
    req.on('data', (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > 2 * max) {
        req.destroy();
        resolve();
      }
    });
    req.on('end', () => resolve());
    req.on('error', () => resolve());
    req.on('close', () => resolve());
  });
}
