/**
 * The storage actions and HTTP legs on the local cloud's server (docs/wire-protocol.md section 9):
 * `storage.getUploadMetadata`, `storage.batchGetDownloadUrl`, `storage.batchDeleteFile` on `POST /admin`,
 * `PUT /storage/upload/<path>` (the upload itself, streamed) and `GET|HEAD /storage/download/<path>` (a
 * signed temporary URL).
 */
import type { ServerResponse } from 'node:http';
import type { LocalDatabase } from '../db/local-database';
import type { LocalCloudServer } from '../http/local-cloud.server';
import { CloudError } from '../protocol/cloud-error';
import {
  CosError,
  DOWNLOAD_PATH,
  LocalStorage,
  UPLOAD_PATH,
  checkCloudPath,
  sendCosError,
  type StorageOptions,
} from './local-storage';

function pathAfter(
  prefix: string,
  rawUrl: string | undefined,
): { cloudPath: string; query: URLSearchParams } {
  const url = new URL(rawUrl ?? '/', 'http://localhost');
  const cloudPath = decodeURIComponent(url.pathname.slice(prefix.length));
  return { cloudPath, query: url.searchParams };
}

function answerCos(res: ServerResponse, e: unknown, resource: string): void {
  if (e instanceof CosError) {
    sendCosError(res, e, resource);
    return;
  }
  if (e instanceof CloudError) {
    sendCosError(res, new CosError(400, 'InvalidArgument', e.message), resource);
    return;
  }
  throw e;
}

export function registerStorage(
  server: LocalCloudServer,
  db: LocalDatabase,
  options: StorageOptions,
): LocalStorage {
  const storage = new LocalStorage(db, options);
  const envOf = (body: Record<string, unknown>) =>
    typeof body['envName'] === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(body['envName'])
      ? body['envName']
      : 'local';

  server.actions.register('storage.getUploadMetadata', (body) => ({
    data: storage.uploadMetadata(body['path'], envOf(body)),
  }));
  server.actions.register('storage.batchGetDownloadUrl', (body) => ({
    data: { download_list: storage.downloadUrls(body['file_list']) },
  }));
  server.actions.register('storage.batchDeleteFile', (body) => ({
    data: { delete_list: storage.deleteFiles(body['fileid_list']) },
  }));

  server.addRoute(
    'PUT',
    UPLOAD_PATH,
    async (req, res) => {
      const { cloudPath } = pathAfter(UPLOAD_PATH, req.url);
      try {
        const file = await storage.receive(req, checkCloudPath(cloudPath));
        res.writeHead(200, { etag: `"${file.etag}"`, 'content-length': 0 });
        res.end();
      } catch (e) {
        answerCos(res, e, cloudPath);
      }
    },
    { prefix: true, streamBody: true },
  );
  for (const method of ['GET', 'HEAD']) {
    server.addRoute(
      method,
      DOWNLOAD_PATH,
      (req, res) => {
        const { cloudPath, query } = pathAfter(DOWNLOAD_PATH, req.url);
        try {
          storage.serve(req, res, checkCloudPath(cloudPath), query);
        } catch (e) {
          answerCos(res, e, cloudPath);
        }
      },
      { prefix: true },
    );
  }
  return storage;
}
