/**
 * Which photos a concern takes, checked on the phone BEFORE anything is uploaded: the types and the size
 * limit the platform's storage accepts (localcloud/storage/storage.limits.ts: `STORAGE_TYPES`' image types,
 * `DEFAULT_STORAGE_LIMITS.maxFileBytes`). The mini-program cannot import the local cloud (only its own
 * folder and `weimin-core` ship), so the numbers are repeated here on purpose; the view-model test
 * (tests/miniprogram/view-models/concern.forms.test.ts) holds them equal to the storage's, so a change there
 * fails until it is made here too. Like the storage, the type is judged by the file name's extension.
 */
import type { FieldCheck } from 'weimin-core';

/** The image types of the storage, by lower-case extension. */
export const PHOTO_EXTENSIONS = ['jpg', 'jpeg', 'png', 'gif', 'webp'] as const;

/** The storage's largest file, in bytes (50 MB). */
export const MAX_PHOTO_BYTES = 50 * 1024 * 1024;

/** Photos per concern, per progress update and per resolution (`images(6)` in concern.schema.ts). */
export const MAX_PHOTOS = 6;

/** A photo as the photo picker gave it (its local path, size and kind). */
export interface PickedPhoto {
  readonly path: string;
  readonly size: number;
  readonly fileType: string;
}

export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** `50 MB`, `512 KB`, as the storage words it. */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} 字节`;
}

const TYPES_TEXT = 'JPG、PNG、GIF、WebP';

/** One picked photo (the `n`th, from 1), or the message saying why it cannot be sent. */
export function checkPhoto(photo: PickedPhoto, n: number): FieldCheck<PickedPhoto> {
  const ext = extensionOf(photo.path);
  if (photo.fileType !== 'image' || !(PHOTO_EXTENSIONS as readonly string[]).includes(ext)) {
    return { ok: false, message: `第 ${n} 张不是可以上传的照片，只能上传 ${TYPES_TEXT} 格式的图片` };
  }
  if (photo.size > MAX_PHOTO_BYTES) {
    return {
      ok: false,
      message: `第 ${n} 张照片太大（${sizeText(photo.size)}），每张不能超过 ${sizeText(MAX_PHOTO_BYTES)}`,
    };
  }
  return { ok: true, value: photo };
}

/**
 * The photos picked, added to the `already` ones: all of them, or the first message (nothing is taken when
 * one of them is refused, so the user knows exactly what was not added).
 */
export function checkPickedPhotos(
  picked: readonly PickedPhoto[],
  already: number,
): FieldCheck<readonly PickedPhoto[]> {
  if (already + picked.length > MAX_PHOTOS) {
    return { ok: false, message: `最多上传 ${MAX_PHOTOS} 张照片` };
  }
  for (let i = 0; i < picked.length; i += 1) {
    const check = checkPhoto(picked[i]!, already + i + 1);
    if (!check.ok) return check;
  }
  return { ok: true, value: picked };
}
