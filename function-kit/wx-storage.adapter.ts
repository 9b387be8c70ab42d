/**
 * The file-storage port (core/console/ledgers/ledger.ports.ts) on wx-server-sdk's cloud storage:
 * `cloud.uploadFile` with a file stream (the SDK asks `storage.getUploadMetadata`, then PUTs the bytes; it
 * never holds the whole file) and `cloud.getTempFileURL`. The same calls reach CloudBase storage in
 * production and the local cloud's emulation locally (docs/wire-protocol.md section 9).
 */
import { createReadStream, rmSync, type ReadStream } from 'node:fs';
import type { FileStorage, WrittenFile } from '../core/console/ledgers/ledger.ports';
import type { FileStore } from '../core/files/file-store.port';

/** The part of wx-server-sdk's API this adapter uses. */
export interface WxStorageCloud {
  uploadFile(options: { cloudPath: string; fileContent: ReadStream | Buffer }): Promise<{ fileID: string }>;
  getTempFileURL(options: { fileList: { fileID: string; maxAge: number }[] }): Promise<{
    fileList: { fileID: string; tempFileURL: string; status: number; errMsg: string }[];
  }>;
}

export function createWxFileStorage(cloud: WxStorageCloud): FileStorage {
  return {
    async upload(cloudPath: string, file: WrittenFile): Promise<string> {
      try {
        const { fileID } = await cloud.uploadFile({ cloudPath, fileContent: createReadStream(file.handle) });
        return fileID;
      } finally {
        rmSync(file.handle, { force: true });
      }
    },
    async temporaryUrl(fileId: string, maxAgeSeconds: number): Promise<string> {
      const { fileList } = await cloud.getTempFileURL({
        fileList: [{ fileID: fileId, maxAge: maxAgeSeconds }],
      });
      const entry = fileList[0];
      if (entry === undefined || entry.status !== 0 || entry.tempFileURL === '') {
        throw new Error(
          `getTempFileURL failed for ${fileId}: ${entry?.status ?? '-'} ${entry?.errMsg ?? ''}`,
        );
      }
      return entry.tempFileURL;
    },
  };
}

/**
 * The core's file store (core/files/file-store.port.ts): a file's bytes put at a cloud path (the console's
 * uploads, small enough to hold), and temporary URLs of many files in one call, a missing file left out.
 */
export function createWxFileStore(cloud: WxStorageCloud): FileStore {
  return {
    async put(cloudPath: string, content: Uint8Array): Promise<string> {
      const fileContent = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
      const { fileID } = await cloud.uploadFile({ cloudPath, fileContent });
      return fileID;
    },
    async temporaryUrls(fileIds: readonly string[], maxAgeSeconds: number) {
      const urls = new Map<string, string>();
      if (fileIds.length === 0) return urls;
      const { fileList } = await cloud.getTempFileURL({
        fileList: fileIds.map((fileID) => ({ fileID, maxAge: maxAgeSeconds })),
      });
      for (const entry of fileList) {
        if (entry.status === 0 && entry.tempFileURL !== '') urls.set(entry.fileID, entry.tempFileURL);
      }
      return urls;
    },
  };
}
