/**
 * The console's uploaded files (docs/console.md "Files"; decision 0049): what each purpose takes, where a
 * file is kept and how its place is read back from its id, and the checks of an upload.
 *
 * A file's cloud path carries its purpose and the org unit it belongs to:
 *   console/<purpose>/<unit ids of the org path>/<yyyymmdd>-<id>.<ext>
 *   console/station_evidence/450900/450902/450902001/450902001001/20261208-f3a9c1.jpg
 * so who may see a file is a prefix test on the path, as for every record (core/README.md "Records carry their
 * place"), with no record of the upload to look up. A file is the caller's unit's (or a unit below theirs), and a
 * command that takes a file id checks it belongs to the record's unit (`fileBelongsTo`).
 */
import { accepted, refused, type Outcome } from '../kernel/outcome';
import { isOnSameBranch, isOrgPath, isWithin, parsePath } from '../org/org-path';
import { extensionOf, headFits, sizeText, STORAGE_TYPES } from './file-types';

export interface FilePurpose {
  /** What the file is, for people. */
  readonly label: string;
  /** The extensions (lower case, no dot) it may have: each a type of STORAGE_TYPES. */
  readonly extensions: readonly string[];
  /**
   * Whether the units below the file's unit may see it too (an announcement's image is read by every unit
   * the announcement is for); otherwise only the file's unit and the units above it.
   */
  readonly visibleBelow: boolean;
}

const IMAGES = ['jpg', 'jpeg', 'png', 'webp'] as const;

/** Every purpose the console uploads for; a new screen adds its line. */
export const FILE_PURPOSES = {
  station_evidence: { label: '站点佐证照片', extensions: IMAGES, visibleBelow: false },
  announcement_image: { label: '公告图片', extensions: IMAGES, visibleBelow: true },
  fund_receipt: { label: '经费票据', extensions: [...IMAGES, 'pdf'], visibleBelow: false },
} as const satisfies Record<string, FilePurpose>;

export type FilePurposeName = keyof typeof FILE_PURPOSES;
export const FILE_PURPOSE_NAMES = Object.keys(FILE_PURPOSES) as [FilePurposeName, ...FilePurposeName[]];

/** Stable codes of the files' refusals. */
export const FILE_ERROR_CODES = {
  tooLarge: 'FILE_TOO_LARGE',
  empty: 'FILE_EMPTY',
  typeNotAllowed: 'FILE_TYPE_NOT_ALLOWED',
  /** Not a console file, or one the caller may not see: the same answer (403). */
  notFound: 'FILE_NOT_FOUND',
  /** A file id a command was given that is not a file of that purpose of the record's unit. */
  notOfRecord: 'FILE_NOT_OF_RECORD',
} as const;

/**
 * The largest console upload by default, in bytes (the platform configuration's `console.maxUploadBytes`): as
 * Base64 in a JSON body it stays under the 6 MB event of one HTTP-triggered call (decision 0049).
 */
export const CONSOLE_UPLOAD_MAX_BYTES = 4 * 1024 * 1024;

/** The root folder of every console upload. */
export const CONSOLE_FILES_ROOT = 'console';

function typesText(purpose: FilePurposeName): string {
  const labels = FILE_PURPOSES[purpose].extensions.map((e) => STORAGE_TYPES[e]!.label);
  return [...new Set(labels)].join('、');
}

/** What an upload is checked for before anything is stored. */
export interface UploadCandidate {
  readonly purpose: FilePurposeName;
  readonly fileName: string;
  /** The decoded size, in bytes. */
  readonly size: number;
  /** The first bytes of the file (at least MAGIC_BYTES when the file is that long). */
  readonly head: Uint8Array;
}

/**
 * The upload's extension, or why it is refused: empty, over `maxBytes`, an extension the purpose does not
 * take, or content that is not what the extension says (a renamed file).
 */
export function checkUpload(candidate: UploadCandidate, maxBytes: number): Outcome<string> {
  const { purpose, fileName, size, head } = candidate;
  if (size > maxBytes) {
    return refused(FILE_ERROR_CODES.tooLarge, `文件过大（上限 ${sizeText(maxBytes)}），请压缩后重新上传`, {
      size,
      maxBytes,
    });
  }
  if (size === 0) return refused(FILE_ERROR_CODES.empty, '文件是空的，请重新选择');
  const ext = extensionOf(fileName);
  const allowed: readonly string[] = FILE_PURPOSES[purpose].extensions;
  if (!allowed.includes(ext)) {
    return refused(
      FILE_ERROR_CODES.typeNotAllowed,
      `${FILE_PURPOSES[purpose].label}只能上传 ${typesText(purpose)}`,
      { extension: ext, allowed },
    );
  }
  const type = STORAGE_TYPES[ext]!;
  if (!headFits(type, head)) {
    return refused(FILE_ERROR_CODES.typeNotAllowed, `文件内容不是${type.label}，请重新选择`, {
      extension: ext,
    });
  }
  return accepted(ext === 'jpeg' ? 'jpg' : ext);
}

/** `20261208` of a Shanghai calendar day 'YYYY-MM-DD'. */
function compactDay(day: string): string {
  return day.replace(/-/g, '');
}

/** Where an upload is kept: by purpose, then the unit's path, then the day and a fresh id. */
export function consoleFilePath(
  purpose: FilePurposeName,
  orgPath: string,
  day: string,
  id: string,
  ext: string,
): string {
  return [CONSOLE_FILES_ROOT, purpose, ...parsePath(orgPath), `${compactDay(day)}-${id}.${ext}`].join('/');
}

/** What a console file's id says of it: purpose and unit; null for any other id. */
export interface ConsoleFilePlace {
  readonly purpose: FilePurposeName;
  readonly orgPath: string;
}

const CLOUD_PATH = /^cloud:\/\/[^/]+\/(.+)$/;
const CONSOLE_PATH =
  /^console\/([a-z_]+)\/((?:[A-Za-z0-9_-]{1,64}\/){1,5})[A-Za-z0-9_-]{1,80}\.[a-z0-9]{1,8}$/;

/** The purpose and unit a file id's path names, or null when it is not a console upload's id. */
export function consoleFilePlace(fileId: string): ConsoleFilePlace | null {
  const cloudPath = CLOUD_PATH.exec(fileId)?.[1];
  const m = cloudPath === undefined ? null : CONSOLE_PATH.exec(cloudPath);
  if (m === null) return null;
  const purpose = m[1]!;
  if (!Object.prototype.hasOwnProperty.call(FILE_PURPOSES, purpose)) return null;
  const orgPath = `/${m[2]!}`;
  return isOrgPath(orgPath) ? { purpose: purpose as FilePurposeName, orgPath } : null;
}

/**
 * Whether someone whose scope is `scopePath` may see the file: the file's unit lies within the scope, or, for
 * a purpose visible below, the scope lies within the file's unit.
 */
export function fileVisibleFrom(place: ConsoleFilePlace, scopePath: string): boolean {
  if (isWithin(place.orgPath, scopePath)) return true;
  return FILE_PURPOSES[place.purpose].visibleBelow && isWithin(scopePath, place.orgPath);
}

/**
 * The file ids a command gives for a record at `orgPath`, or FILE_NOT_OF_RECORD: each must be a console file of
 * the purpose uploaded for that unit, a unit within it, or a unit above it (a street worker's upload for the
 * street's records), never another branch's.
 */
export function checkFilesOfRecord(
  fileIds: readonly string[],
  purpose: FilePurposeName,
  orgPath: string,
): Outcome<readonly string[]> {
  for (const fileId of fileIds) {
    const place = consoleFilePlace(fileId);
    if (place === null || place.purpose !== purpose || !isOnSameBranch(place.orgPath, orgPath)) {
      return refused(
        FILE_ERROR_CODES.notOfRecord,
        `${FILE_PURPOSES[purpose].label}须在本页面上传，请重新上传`,
        { fileId: fileId.slice(0, 256) },
      );
    }
  }
  return accepted(fileIds);
}
