/**
 * The photos of an application's qualification documents (资质证明): picked with wx.chooseMedia (a privacy
 * API: the page carries the privacy popup and this asks through the guard first), checked on the phone
 * (view-models/document-photo.rules.ts) BEFORE any byte is uploaded, and uploaded when the application is
 * sent, through the client API module's storage calls (services/cloud-api.ts). provider.apply carries the
 * file ids.
 */
import { ensurePrivacyAuthorized } from '../../../components/privacy-popup/privacy-guard';
import { uploadFile } from '../../../services/cloud-api';
import { newRequestId } from '../../../services/request-id';
import { ServiceError } from '../../../services/service-error';
import { extensionOf, type PickedDocument } from '../view-models/document-photo.rules';

/** What the user picked ([] when they cancelled); a ServiceError when they declined the privacy guide. */
export async function pickDocuments(count: number): Promise<PickedDocument[]> {
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
      fail: () => resolve([]),
    });
  });
}

/** Upload checked photos, in order; their file ids. */
export async function uploadDocuments(photos: readonly PickedDocument[]): Promise<string[]> {
  const ids: string[] = [];
  for (const photo of photos) {
    try {
      const { fileID } = await uploadFile({
        cloudPath: `applications/${newRequestId()}.${extensionOf(photo.path)}`,
        filePath: photo.path,
      });
      ids.push(fileID);
    } catch {
      throw new ServiceError('UPLOAD_FAILED', '资质证明照片没有上传成功，请检查网络后重试', true);
    }
  }
  return ids;
}
