/**
 * The file types the platform stores (photos of concerns, complaints and stations, Excel ledgers, PDF
 * receipts, CSV), by the file name's extension, each checked against the file's first bytes (its "magic"),
 * and how a size is written for people. One rule for every place a file arrives: the local cloud's storage
 * (localcloud/storage/storage.limits.ts, behind every SDK and gateway upload) and the console's upload
 * (core/console/console-files.usecase.ts). Pure: bytes are a Uint8Array (a Node Buffer is one).
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

/** The longest magic prefix, in bytes: what a type check needs to have seen. */
export const MAGIC_BYTES = 8;

/** The lower-case extension of a path's last segment, '' when it has none. */
export function extensionOf(cloudPath: string): string {
  const name = cloudPath.slice(cloudPath.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

export function typeOf(cloudPath: string): StorageType | undefined {
  const ext = extensionOf(cloudPath);
  return Object.prototype.hasOwnProperty.call(STORAGE_TYPES, ext) ? STORAGE_TYPES[ext] : undefined;
}

function hexOf(head: Uint8Array): string {
  let hex = '';
  for (const byte of head.subarray(0, MAGIC_BYTES)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** Whether the file's first bytes fit its type (a text type fits anything). */
export function headFits(type: StorageType, head: Uint8Array): boolean {
  if (type.magic.length === 0) return true;
  const hex = hexOf(head);
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
