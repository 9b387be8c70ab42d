/** admin-api's file routes (docs/console.md#files), typed with the core's replies. */
import type { ConsoleFileReply, ConsoleFileUrlReply } from '../../../core/console/console-files.usecase';
import type { FilePurposeName } from '../../../core/files/console-files.rules';
import { get, post, queryOf } from './http';

export interface FileUploadRequest {
  purpose: FilePurposeName;
  fileName: string;
  /** The bytes as standard Base64, no `data:` prefix. */
  content: string;
  /** The unit the file belongs to (the record's); the caller's own unit when absent. */
  orgUnitId?: string | undefined;
}

export const uploadFile = (request: FileUploadRequest) =>
  post<ConsoleFileReply>('/console/api/files', request);
export const fileUrl = (fileId: string) =>
  get<ConsoleFileUrlReply>(`/console/api/files/url${queryOf({ fileId })}`);
