/**
 * admin-api's file routes (docs/console.md#files): an upload of one file (Base64 in the JSON body) for a
 * purpose and unit, and a temporary URL of a console file the caller may see. The checks are the core's
 * (core/files, core/console/console-files.usecase.ts); the storage is wx-server-sdk's.
 */
import { consoleFileUrl, uploadConsoleFile } from '../../../core/console/console-files.usecase';
import { fileStore } from '../../../function-kit/file-store';
import type { HttpRoute } from '../../../function-kit/http-function';

export const storageRoutes: Readonly<Record<string, HttpRoute>> = {
  'POST /console/api/files': (ctx, r) => uploadConsoleFile({ ...ctx, files: fileStore(), command: r.body }),
  'GET /console/api/files/url': (ctx, r) => consoleFileUrl({ ...ctx, files: fileStore(), command: r.query }),
};
