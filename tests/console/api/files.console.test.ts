/**
 * The console's file upload through the real admin-api and the local cloud's storage (docs/console.md#files):
 * a file is stored under its purpose and unit and answered with its id and a URL serving the same bytes; its
 * temporary URL is answered to the units it belongs to and those above (and, for an announcement's image, the
 * units below), never to another street; a file too large, of a type the purpose does not take, or whose
 * content is not what its name says is refused with a stable code and nothing is stored.
 */
import type { ConsoleFileReply, ConsoleFileUrlReply } from '../../../core/console/console-files.usecase';
import { DEFAULT_PLATFORM_CONFIG } from '../../../core/kernel/platform.config';
import { consoleCloud, type ConsoleBrowser } from '../support/console-cloud';

const cloud = consoleCloud();

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const DONGMEN = '/450900/450902/450902001/450902001001/';
const STREET = '/450900/450902/450902001/';
const OTHER_STREET_COMMUNITY = '450981001001';

interface Upload {
  purpose: string;
  fileName: string;
  content: string;
  orgUnitId?: string;
}

const upload = (purpose: string, fileName: string, bytes: Buffer, orgUnitId?: string): Upload => ({
  purpose,
  fileName,
  content: bytes.toString('base64'),
  ...(orgUnitId === undefined ? {} : { orgUnitId }),
});

async function uploadOk(b: ConsoleBrowser, body: Upload): Promise<ConsoleFileReply> {
  const reply = await b.post<ConsoleFileReply>('/console/api/files', body);
  expect({ code: reply.code, message: reply.message }).toEqual({ code: 'OK', message: '成功' });
  return reply.data;
}

const urlOf = (b: ConsoleBrowser, fileId: string) =>
  b.get<ConsoleFileUrlReply>(`/console/api/files/url?fileId=${encodeURIComponent(fileId)}`);

async function expectNothingStored(b: ConsoleBrowser, body: Upload, status: number, code: string) {
  const before = cloud.wholeMark();
  const reply = await b.post('/console/api/files', body);
  expect({ status: reply.status, code: reply.code }).toEqual({ status, code });
  expect(reply.message).toMatch(/[\u4e00-\u9fa5]/);
  expect(cloud.wholeMark()).toEqual(before);
  return reply;
}

let community: ConsoleBrowser;
let street: ConsoleBrowser;
let otherStreet: ConsoleBrowser;
beforeAll(async () => {
  community = await cloud.signIn('community.worker');
  street = await cloud.signIn('street.worker');
  otherStreet = await cloud.signIn('lingcheng.worker');
});

describe('an upload', () => {
  let photo: ConsoleFileReply;
  beforeAll(async () => {
    photo = await uploadOk(community, upload('station_evidence', '门牌.png', PNG));
  });

  test('is kept under its purpose and the caller’s unit, and its URL serves the same bytes', async () => {
    expect(photo).toMatchObject({
      purpose: 'station_evidence',
      purposeLabel: '站点佐证照片',
      fileName: '门牌.png',
      size: PNG.length,
      orgPath: DONGMEN,
    });
    expect(photo.fileId).toMatch(
      /^cloud:\/\/[^/]+\/console\/station_evidence\/450900\/450902\/450902001\/450902001001\/\d{8}-[0-9a-f]+\.png$/,
    );
    const served = await fetch(photo.url!);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer())).toEqual(PNG);
  });

  test('is shown to its unit and the units above, not to another street (the same answer as no file)', async () => {
    for (const b of [community, street, await cloud.signIn('county.leader')]) {
      const reply = await urlOf(b, photo.fileId);
      expect(reply.code).toBe('OK');
      const served = await fetch(reply.data.url);
      expect(Buffer.from(await served.arrayBuffer())).toEqual(PNG);
    }
    const foreign = await urlOf(otherStreet, photo.fileId);
    const none = await urlOf(otherStreet, photo.fileId.replace(/\.png$/, '0.png'));
    expect({ status: foreign.status, code: foreign.code }).toEqual({ status: 403, code: 'FILE_NOT_FOUND' });
    expect({ status: none.status, code: none.code, message: none.message }).toEqual({
      status: foreign.status,
      code: foreign.code,
      message: foreign.message,
    });
  });

  test('for a unit below the caller’s is kept under that unit; a unit outside the caller’s is refused', async () => {
    const forCommunity = await uploadOk(street, upload('station_evidence', 'a.png', PNG, '450902001001'));
    expect(forCommunity.orgPath).toBe(DONGMEN);
    expect((await urlOf(community, forCommunity.fileId)).code).toBe('OK');
    await expectNothingStored(
      street,
      upload('station_evidence', 'a.png', PNG, OTHER_STREET_COMMUNITY),
      403,
      'OUT_OF_SCOPE',
    );
  });

  test('of an announcement’s image is shown to the units below too; a street’s evidence photo is not', async () => {
    const image = await uploadOk(street, upload('announcement_image', 'notice.png', PNG));
    const evidence = await uploadOk(street, upload('station_evidence', 'desk.png', PNG));
    expect([image.orgPath, evidence.orgPath]).toEqual([STREET, STREET]);
    expect((await urlOf(community, image.fileId)).code).toBe('OK');
    expect((await urlOf(community, evidence.fileId)).code).toBe('FILE_NOT_FOUND');
    expect((await urlOf(otherStreet, image.fileId)).code).toBe('FILE_NOT_FOUND');
  });

  test('of a receipt may be a PDF', async () => {
    const receipt = await uploadOk(community, upload('fund_receipt', '发票.PDF', PDF));
    expect(receipt.fileId).toMatch(/\/console\/fund_receipt\/450900\/.*\.pdf$/);
    const served = await fetch(receipt.url!);
    expect(served.headers.get('content-type')).toBe('application/pdf');
  });
});

describe('an upload refused, nothing stored', () => {
  test('a file over the limit: FILE_TOO_LARGE (413)', async () => {
    const max = DEFAULT_PLATFORM_CONFIG.console.maxUploadBytes;
    const big = Buffer.alloc(max + 1);
    PNG.copy(big);
    const reply = await expectNothingStored(
      community,
      upload('station_evidence', 'big.png', big),
      413,
      'FILE_TOO_LARGE',
    );
    expect(reply.message).toBe('文件过大（上限 4 MB），请压缩后重新上传');
    // Exactly at the limit it is taken.
    await uploadOk(community, upload('station_evidence', 'max.png', big.subarray(0, max)));
  });

  test.each([
    [
      'a type the purpose does not take',
      'station_evidence',
      'scan.pdf',
      PDF,
      '站点佐证照片只能上传 JPEG 图片、PNG 图片、WebP 图片',
    ],
    [
      'a type no purpose takes',
      'fund_receipt',
      'tool.exe',
      PNG,
      '经费票据只能上传 JPEG 图片、PNG 图片、WebP 图片、PDF 文件',
    ],
    ['no extension', 'station_evidence', 'photo', PNG, '站点佐证照片只能上传 JPEG 图片、PNG 图片、WebP 图片'],
    [
      'content not what its name says',
      'station_evidence',
      'photo.jpg',
      PNG,
      '文件内容不是JPEG 图片，请重新选择',
    ],
  ])('%s: FILE_TYPE_NOT_ALLOWED', async (_case, purpose, fileName, bytes, message) => {
    const reply = await expectNothingStored(
      community,
      upload(purpose, fileName, bytes),
      400,
      'FILE_TYPE_NOT_ALLOWED',
    );
    expect(reply.message).toBe(message);
  });

  test('no content, bad Base64, an unknown purpose or no name: INVALID_INPUT', async () => {
    await expectNothingStored(
      community,
      { purpose: 'station_evidence', fileName: 'a.png', content: '' },
      400,
      'INVALID_INPUT',
    );
    await expectNothingStored(
      community,
      { purpose: 'station_evidence', fileName: 'a.png', content: 'data:image/png;base64,iVBO' },
      400,
      'INVALID_INPUT',
    );
    await expectNothingStored(community, upload('selfie', 'a.png', PNG), 400, 'INVALID_INPUT');
    await expectNothingStored(community, upload('station_evidence', ' ', PNG), 400, 'INVALID_INPUT');
  });

  test('a role without uploads (an industry regulator): PERMISSION_DENIED', async () => {
    const regulator = await cloud.signIn('regulator');
    await expectNothingStored(regulator, upload('station_evidence', 'a.png', PNG), 403, 'PERMISSION_DENIED');
  });
});
