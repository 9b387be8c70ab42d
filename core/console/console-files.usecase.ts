/**
 * The console's files (docs/console.md#files; decision 0049): `uploadConsoleFile` stores one file (a station's
 * evidence photo, an announcement's image, a fund's receipt) under its purpose and unit after the checks of
 * core/files, and answers its id with a temporary URL to show it at once; `consoleFileUrl` answers a
 * temporary URL of a console file the caller may see. Nothing is stored when a check fails; no record is
 * written (the command that takes the file id records it, and is audited).
 */
import { listScope, narrowScope } from '../auth/list-scope';
import { decodeBase64, decodedLength } from '../files/base64';
import {
  checkUpload,
  consoleFilePath,
  consoleFilePlace,
  FILE_ERROR_CODES,
  FILE_PURPOSES,
  fileVisibleFrom,
  type FilePurposeName,
} from '../files/console-files.rules';
import { MAGIC_BYTES } from '../files/file-types';
import type { FileStore } from '../files/file-store.port';
import { requireIdentity } from '../kernel/identity';
import { orThrow, refused } from '../kernel/outcome';
import { DEFAULT_PLATFORM_CONFIG } from '../kernel/platform.config';
import type { UseCaseInput } from '../kernel/use-case';
import { parseCommand } from '../schemas/command.parser';
import { fileUploadSchema, fileUrlSchema } from '../schemas/file.schema';
import { unitById } from './console-units';

export interface ConsoleFilesInput extends UseCaseInput {
  readonly files: FileStore;
}

/** What an upload answers. */
export interface ConsoleFileReply {
  readonly fileId: string;
  readonly fileName: string;
  readonly purpose: FilePurposeName;
  readonly purposeLabel: string;
  /** Bytes. */
  readonly size: number;
  /** The unit the file belongs to. */
  readonly orgPath: string;
  /** A temporary URL to show it (valid `fileUrlSeconds`). */
  readonly url: string | null;
}

export interface ConsoleFileUrlReply {
  readonly fileId: string;
  readonly url: string;
  /** When the URL stops working (ms). */
  readonly expiresAt: number;
}

function shanghaiDay(millis: number): string {
  return new Date(millis + 8 * 3_600_000).toISOString().slice(0, 10);
}

export async function uploadConsoleFile(input: ConsoleFilesInput): Promise<ConsoleFileReply> {
  const { ports, actor, files } = input;
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  requireIdentity(actor);
  const q = parseCommand(fileUploadSchema, input.command);
  const scope = orThrow(listScope(actor, 'file.upload'));
  let orgPath: string;
  if (q.orgUnitId !== undefined) {
    const unit = await unitById(ports.db, q.orgUnitId);
    orThrow(narrowScope(scope, unit?.orgPath ?? null, 'file.upload'));
    orgPath = unit!.orgPath;
  } else if (!scope.all) {
    orgPath = scope.paths[0]!;
  } else {
    return orThrow(refused('INVALID_INPUT', '请选择文件所属的单位', { field: 'orgUnitId' }));
  }
  const size = decodedLength(q.content);
  const head = decodeBase64(q.content.slice(0, Math.ceil(MAGIC_BYTES / 3) * 4));
  const ext = orThrow(
    checkUpload({ purpose: q.purpose, fileName: q.fileName, size, head }, config.console.maxUploadBytes),
  );
  const now = ports.clock.now();
  const cloudPath = consoleFilePath(q.purpose, orgPath, shanghaiDay(now), ports.ids.next(), ext);
  const fileId = await files.put(cloudPath, decodeBase64(q.content));
  const urls = await files.temporaryUrls([fileId], config.console.fileUrlSeconds);
  return {
    fileId,
    fileName: q.fileName,
    purpose: q.purpose,
    purposeLabel: FILE_PURPOSES[q.purpose].label,
    size,
    orgPath,
    url: urls.get(fileId) ?? null,
  };
}

const NOT_FOUND_MESSAGE = '文件不存在或不在您的权限范围内';

export async function consoleFileUrl(input: ConsoleFilesInput): Promise<ConsoleFileUrlReply> {
  const { ports, actor, files } = input;
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  requireIdentity(actor);
  const q = parseCommand(fileUrlSchema, input.command);
  const scope = orThrow(listScope(actor, 'file.view'));
  const place = consoleFilePlace(q.fileId);
  const visible = place !== null && (scope.all || scope.paths.some((path) => fileVisibleFrom(place, path)));
  if (!visible) return orThrow(refused(FILE_ERROR_CODES.notFound, NOT_FOUND_MESSAGE));
  const seconds = config.console.fileUrlSeconds;
  const url = (await files.temporaryUrls([q.fileId], seconds)).get(q.fileId);
  if (url === undefined) return orThrow(refused(FILE_ERROR_CODES.notFound, NOT_FOUND_MESSAGE));
  return { fileId: q.fileId, url, expiresAt: ports.clock.now() + seconds * 1000 };
}
