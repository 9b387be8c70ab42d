/**
 * The console's files as rules (core/files): Base64 decoded without Node, an upload's checks in their order,
 * a file's place read back from its id, who may see it, and which ids a record may take.
 */
import { decodeBase64, decodedLength, isBase64 } from '../../../core/files/base64';
import {
  checkFilesOfRecord,
  checkUpload,
  consoleFilePath,
  consoleFilePlace,
  fileVisibleFrom,
} from '../../../core/files/console-files.rules';

const PNG_HEAD = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const DONGMEN = '/450900/450902/450902001/450902001001/';
const STREET = '/450900/450902/450902001/';
const OTHER = '/450900/450981/450981001/';
const idOf = (purpose: string, path: string) =>
  `cloud://env.bucket/${consoleFilePath(purpose as 'station_evidence', path, '2026-12-08', 'ab12', 'png')}`;

test.each(['', 'QQ==', 'QUI=', 'QUJD', 'aGVsbG8gd29ybGQ=', Buffer.alloc(1000, 7).toString('base64')])(
  'Base64 %# decodes as Node decodes it',
  (text) => {
    expect(isBase64(text)).toBe(true);
    expect(decodedLength(text)).toBe(Buffer.from(text, 'base64').length);
    expect(Buffer.from(decodeBase64(text))).toEqual(Buffer.from(text, 'base64'));
  },
);

test.each(['QQ=', 'Q===', 'QQ=A', 'QQ QQ', 'data:image/png;base64,QQ=='])('%s is not Base64', (text) => {
  expect(isBase64(text)).toBe(false);
});

test.each([
  [
    'over the limit',
    { purpose: 'station_evidence', fileName: 'a.png', size: 11, head: PNG_HEAD },
    'FILE_TOO_LARGE',
  ],
  ['empty', { purpose: 'station_evidence', fileName: 'a.png', size: 0, head: PNG_HEAD }, 'FILE_EMPTY'],
  [
    'a PDF as evidence',
    { purpose: 'station_evidence', fileName: 'a.pdf', size: 5, head: PNG_HEAD },
    'FILE_TYPE_NOT_ALLOWED',
  ],
  [
    'a PNG named .jpg',
    { purpose: 'station_evidence', fileName: 'a.jpg', size: 5, head: PNG_HEAD },
    'FILE_TYPE_NOT_ALLOWED',
  ],
] as const)('an upload %s is refused', (_c, candidate, code) => {
  const out = checkUpload(candidate, 10);
  expect(out.ok ? null : out.refusal.code).toBe(code);
});

test('an upload that fits answers its extension (.JPEG as jpg)', () => {
  expect(checkUpload({ purpose: 'fund_receipt', fileName: 'A.PNG', size: 10, head: PNG_HEAD }, 10)).toEqual({
    ok: true,
    value: 'png',
  });
  const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]);
  expect(checkUpload({ purpose: 'station_evidence', fileName: 'b.JPEG', size: 4, head: jpeg }, 10)).toEqual({
    ok: true,
    value: 'jpg',
  });
});

test('a file id names its purpose and unit; any other id names nothing', () => {
  expect(consoleFilePlace(idOf('station_evidence', DONGMEN))).toEqual({
    purpose: 'station_evidence',
    orgPath: DONGMEN,
  });
  for (const id of [
    'cloud://env.bucket/concerns/x/a.png',
    'cloud://env.bucket/console/selfie/450900/a.png',
    'cloud://env.bucket/console/station_evidence/a.png',
    'cloud://env.bucket/console/station_evidence/450900/../a.png',
    'console/station_evidence/450900/a.png',
  ]) {
    expect(consoleFilePlace(id)).toBeNull();
  }
});

test('a file is seen from its unit and above; an announcement image from below too; never another branch', () => {
  const evidence = consoleFilePlace(idOf('station_evidence', STREET))!;
  const image = consoleFilePlace(idOf('announcement_image', STREET))!;
  expect([STREET, '/450900/'].map((p) => fileVisibleFrom(evidence, p))).toEqual([true, true]);
  expect(fileVisibleFrom(evidence, DONGMEN)).toBe(false);
  expect(fileVisibleFrom(image, DONGMEN)).toBe(true);
  expect([evidence, image].map((f) => fileVisibleFrom(f, OTHER))).toEqual([false, false]);
});

test('a record takes files of its purpose from its own branch only', () => {
  expect(checkFilesOfRecord([idOf('station_evidence', DONGMEN)], 'station_evidence', DONGMEN).ok).toBe(true);
  expect(checkFilesOfRecord([idOf('station_evidence', STREET)], 'station_evidence', DONGMEN).ok).toBe(true);
  for (const id of [
    idOf('station_evidence', OTHER),
    idOf('fund_receipt', DONGMEN),
    'cloud://env.bucket/concerns/x/a.png',
  ]) {
    const out = checkFilesOfRecord([id], 'station_evidence', DONGMEN);
    expect(out.ok ? null : out.refusal.code).toBe('FILE_NOT_OF_RECORD');
  }
});
