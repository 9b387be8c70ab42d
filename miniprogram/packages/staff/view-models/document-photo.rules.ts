/**
 * Which document photos (资质证明) an application takes, checked on the phone BEFORE anything is uploaded:
 * the storage's image types and size limit, the same numbers as the concerns' photo rules
 * (packages/concerns/view-models/concern-photo.rules.ts). A subpackage cannot load another subpackage's code,
 * and code in the main package that only subpackages use fails WeChat's quality scan (CONTAINS_OTHER_PKG_JS),
 * so the numbers are repeated here on purpose: tests/miniprogram/view-models/application.form.test.ts holds
 * them equal to the concerns' rules and to the storage's (localcloud/storage/storage.limits.ts).
 */
import type { FieldCheck } from 'weimin-core';
import { MAX_DOCUMENT_PHOTOS } from './application.form';

export const DOCUMENT_EXTENSIONS = ['jpg', 'jpeg', 'png', 'gif', 'webp'] as const;

/** The storage's largest file, in bytes (50 MB). */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

export interface PickedDocument {
  readonly path: string;
  readonly size: number;
  readonly fileType: string;
}

export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
  return `${Number((bytes / 1024).toFixed(1))} KB`;
}

/** The photos picked for one qualification, added to the `already` ones: all of them, or the first message. */
export function checkPickedDocuments(
  picked: readonly PickedDocument[],
  already: number,
): FieldCheck<readonly PickedDocument[]> {
  if (already + picked.length > MAX_DOCUMENT_PHOTOS) {
    return { ok: false, message: `每项资质最多上传 ${MAX_DOCUMENT_PHOTOS} 张证明照片` };
  }
  for (let i = 0; i < picked.length; i += 1) {
    const photo = picked[i]!;
    const n = already + i + 1;
    const ext = extensionOf(photo.path);
    if (photo.fileType !== 'image' || !(DOCUMENT_EXTENSIONS as readonly string[]).includes(ext)) {
      return { ok: false, message: `第 ${n} 张不是可以上传的照片，只能上传 JPG、PNG、GIF、WebP 格式的图片` };
    }
    if (photo.size > MAX_DOCUMENT_BYTES) {
      return {
        ok: false,
        message: `第 ${n} 张照片太大（${sizeText(photo.size)}），每张不能超过 ${sizeText(MAX_DOCUMENT_BYTES)}`,
      };
    }
  }
  return { ok: true, value: picked };
}
