/**
 * The core's file store as admin-api (and any function) hands it to a use case: wx-server-sdk's cloud storage.
 * Built per call, after the command kit has initialised the SDK (runRoute's ports come first).
 */
import cloud from 'wx-server-sdk';
import type { FileStore } from '../core/files/file-store.port';
import { createWxFileStore, type WxStorageCloud } from './wx-storage.adapter';

export function fileStore(): FileStore {
  return createWxFileStore(cloud as unknown as WxStorageCloud);
}
