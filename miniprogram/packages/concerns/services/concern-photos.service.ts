/**
 * Photos of a concern: picked with wx.chooseMedia (a privacy API: the page carries the privacy popup and this
 * asks through the guard first), checked on the phone (view-models/concern-photo.rules.ts) BEFORE any byte is
 * uploaded, uploaded, and shown through temporary URLs, with the client API module's storage calls (wx.cloud.uploadFile
 * and wx.cloud.getTempFileURL in production, the local cloud's gateway in local mode: services/cloud-api.ts).
 * The concern commands carry the file ids.
 */
import { ensurePrivacyAuthorized } from '../../../components/privacy-popup/privacy-guard';
import { getTempFileURL, uploadFile } from '../../../services/cloud-api';
import { ServiceError } from '../../../services/service-error';
import { newRequestId } from '../../../services/request-id';
import { extensionOf, type PickedPhoto } from '../view-models/concern-photo.rules';

/** What the user picked ([] when they cancelled); a ServiceError when they declined the privacy guide. */
export async function pickPhotos(count: number): Promise<PickedPhoto[]> {
  if (!(await ensurePrivacyAuthorized())) {
    throw new ServiceError('PRIVACY_DECLINED', '需要您同意隐私保护指引后才能选择照片');
  }
  return new Promise((resolve) => {
    wx.chooseMedia({
      count,
      mediaType: ['image'],
      sizeType: ['compressed'],
      sourceType: ['album', 'camera'],
      success: (res) =>
        resolve(res.tempFiles.map((f) => ({ path: f.tempFilePath, size: f.size, fileType: f.fileType }))),
      // Cancelling the picker is not an error: nothing was picked.
      fail: () => resolve([]),
    });
  });
}

/** Upload checked photos, in order; their file ids. The cloud path keeps the extension the storage judges. */
export async function uploadPhotos(photos: readonly PickedPhoto[]): Promise<string[]> {
  const ids: string[] = [];
  for (const photo of photos) {
    const ext = extensionOf(photo.path);
    try {
      const { fileID } = await uploadFile({
        cloudPath: `concerns/${newRequestId()}.${ext}`,
        filePath: photo.path,
      });
      ids.push(fileID);
    } catch {
      throw new ServiceError(
        'UPLOAD_FAILED',
        `第 ${ids.length + 1} 张照片没有上传成功，请检查网络后重试`,
        true,
      );
    }
  }
  return ids;
}

/** Temporary URLs to show stored photos, in order ('' for one that could not be read). */
export async function photoUrls(fileIds: readonly string[]): Promise<string[]> {
  if (fileIds.length === 0) return [];
  try {
    const fileList = await getTempFileURL(fileIds);
    const byId = new Map(fileList.map((f) => [f.fileID, f.tempFileURL]));
    return fileIds.map((id) => byId.get(id) ?? '');
  } catch {
    return fileIds.map(() => '');
  }
}
