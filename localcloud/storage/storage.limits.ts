/**
 * What the local cloud's storage accepts (docs/wire-protocol.md section 9): the file types the platform
 * stores (photos of concerns and complaints, Excel ledgers, PDF and CSV) by the cloud path's extension, each
 * checked again against the file's first bytes when it arrives, and a size limit. CloudBase itself takes any
 * file; the limits are the platform's, enforced where every upload passes, so a wrong type or an oversized
 * file fails with a clear error locally exactly where a client would otherwise store it.
 */

export interface StorageType {
  /** What is served as Content-Type on download. */
  readonly contentType: string;
  /** The file's first bytes must be one of these (hex); empty: any (text). */
  readonly magic: readonly string[];
  /** What people call it, in the errors. */
  readonly label: string;
}

const JPEG = { contentType: 'image/jpeg', magic: ['ffd8ff'], label: 'JPEG 图片' };
const ZIP_MAGIC = ['504b0304'];

/** By lower-case extension (without the dot). */
export const STORAGE_TYPES: Readonly<Record<string, StorageType>> = {
  jpg: JPEG,
  jpeg: JPEG,
  png: { contentType: 'image/png', magic: ['89504e470d0a1a0a'], label: 'PNG 图片' },
  gif: { contentType: 'image/gif', magic: ['474946383761', '474946383961'], label: 'GIF 图片' },
  webp: { contentType: 'image/webp', magic: ['52494646'], label: 'WebP 图片' },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    magic: ZIP_MAGIC,
    label: 'Excel 表格（xlsx）',
  },
  pdf: { contentType: 'application/pdf', magic: ['25504446'], label: 'PDF 文件' },
  csv: { contentType: 'text/csv; charset=utf-8', magic: [], label: 'CSV 文件' },
  txt: { contentType: 'text/plain; charset=utf-8', magic: [], label: '文本文件' },
};

export interface StorageLimits {
  /** Largest file accepted, in bytes. */
  readonly maxFileBytes: number;
  /** How long an upload's metadata (its signed URL) may be used, in ms. */
  readonly uploadValidMs: number;
  /** The longest validity a temporary download URL may be given, in seconds (`maxAge`). */
  readonly maxUrlAgeSeconds: number;
  /** A temporary URL's validity when the caller names none, in seconds. */
  readonly defaultUrlAgeSeconds: number;
}

export const DEFAULT_STORAGE_LIMITS: StorageLimits = {
  // A 100,000-row orders ledger is about 11 MB (bench/ledger-export.ts); photos are compressed on the phone to well under 2 MB.
  maxFileBytes: 50 * 1024 * 1024,
  uploadValidMs: 10 * 60_000,
  maxUrlAgeSeconds: 7 * 24 * 3600,
  defaultUrlAgeSeconds: 2 * 3600,
};

/** The longest magic prefix, in bytes: what a type check needs to have seen. */
export const MAGIC_BYTES = 8;

export function extensionOf(cloudPath: string): string {
  const name = cloudPath.slice(cloudPath.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

export function typeOf(cloudPath: string): StorageType | undefined {
  const ext = extensionOf(cloudPath);
  return Object.prototype.hasOwnProperty.call(STORAGE_TYPES, ext) ? STORAGE_TYPES[ext] : undefined;
}

/** Whether the file's first bytes fit its type (a text type fits anything). */
export function headFits(type: StorageType, head: Buffer): boolean {
  if (type.magic.length === 0) return true;
  const hex = head.toString('hex');
  return type.magic.some((m) => hex.startsWith(m));
}

export function allowedExtensions(): string {
  return Object.keys(STORAGE_TYPES).join('、');
}

/** `50 MB`, `512 KB`. */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} 字节`;
}
