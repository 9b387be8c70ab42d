/**
 * Cloud storage through both real SDKs, unmodified, pointed at the local cloud (docs/wire-protocol.md
 * section 9): upload (a Buffer and a stream), temporary URLs, download, delete; the platform's type and size
 * limits, refused with the error each SDK throws; files kept in the data folder and gone when deleted.
 */
import { createReadStream, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeSdk, startLocalCloud, wxSdk, type StartedCloud } from '../../helpers/local-cloud.fixture';
import { SDK_NAMES, type SdkName } from './sdks';

const MAX_BYTES = 4096;
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(200, 7)]);
const XLSX_HEAD = Buffer.from('504b0304', 'hex');

/** The storage calls both SDKs share (wx-server-sdk's are promise-returning functions of the same names). */
interface StorageSdk {
  uploadFile(o: { cloudPath: string; fileContent: Buffer | NodeJS.ReadableStream }): Promise<{
    fileID: string;
  }>;
  getTempFileURL(o: { fileList: (string | { fileID: string; maxAge: number })[] }): Promise<{
    fileList: { fileID: string; tempFileURL: string }[];
  }>;
  downloadFile(o: { fileID: string }): Promise<{ fileContent: Buffer }>;
  deleteFile(o: { fileList: string[] }): Promise<{ fileList: unknown[] }>;
}

let s: StartedCloud;
beforeAll(async () => {
  s = await startLocalCloud({ storageLimits: { maxFileBytes: MAX_BYTES } });
});
afterAll(async () => {
  await s.stop();
});

function sdkOf(name: SdkName): StorageSdk {
  return (name === 'node-sdk' ? nodeSdk(s.serviceUrl) : wxSdk(s.serviceUrl)) as unknown as StorageSdk;
}

function storedFiles(): string[] {
  return readdirSync(join(s.dataDir, 'storage')).filter((n) => !n.startsWith('.'));
}

describe.each(SDK_NAMES)('cloud storage through %s', (name) => {
  const tag = name === 'node-sdk' ? 'n' : 'w';
  let sdk: StorageSdk;
  beforeAll(() => {
    sdk = sdkOf(name);
  });

  it('uploads a Buffer and a file stream, and answers the file id the SDK returns', async () => {
    const file = join(s.dataDir, `photo-${tag}.png`);
    writeFileSync(file, PNG);
    const fromStream = await sdk.uploadFile({
      cloudPath: `concerns/照片-${tag}.png`,
      fileContent: createReadStream(file),
    });
    const fromBuffer = await sdk.uploadFile({ cloudPath: `concerns/b-${tag}.png`, fileContent: PNG });
    const expected =
      name === 'node-sdk'
        ? { fileID: `cloud://local-test.local-bucket/concerns/照片-${tag}.png` }
        : {
            fileID: `cloud://local-test.local-bucket/concerns/照片-${tag}.png`,
            statusCode: -1,
            errMsg: 'uploadFile:ok',
          };
    expect(fromStream).toEqual(expected);
    expect(fromBuffer.fileID).toBe(`cloud://local-test.local-bucket/concerns/b-${tag}.png`);
    const meta = s.cloud.storage.list().find((f) => f.fileId === fromStream.fileID);
    expect(meta).toMatchObject({ size: PNG.length, contentType: 'image/png' });
  });

  it('gives a temporary URL that serves the bytes, and downloads them through the SDK', async () => {
    const { fileID } = await sdk.uploadFile({ cloudPath: `concerns/d-${tag}.png`, fileContent: PNG });
    const { fileList } = await sdk.getTempFileURL({ fileList: [{ fileID, maxAge: 600 }] });
    expect(fileList[0]).toMatchObject({ fileID, tempFileURL: expect.stringContaining('/storage/download/') });
    const res = await fetch(fileList[0]!.tempFileURL);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG);
    const downloaded = await sdk.downloadFile({ fileID });
    expect(Buffer.compare(downloaded.fileContent, PNG)).toBe(0);
  });

  it('answers a missing file per item in getTempFileURL and deleteFile, as each SDK reports it', async () => {
    const missing = `cloud://local-test.local-bucket/concerns/none-${tag}.png`;
    const urls = await sdk.getTempFileURL({ fileList: [missing] });
    const deleted = await sdk.deleteFile({ fileList: [missing] });
    if (name === 'node-sdk') {
      expect(urls.fileList[0]).toMatchObject({
        fileID: missing,
        tempFileURL: '',
        code: 'STORAGE_FILE_NONEXIST',
      });
      expect(deleted.fileList[0]).toEqual({ fileID: missing, code: 'STORAGE_FILE_NONEXIST' });
    } else {
      expect(urls.fileList[0]).toMatchObject({ fileID: missing, tempFileURL: '', status: -503003 });
      expect(deleted.fileList[0]).toEqual({
        fileID: missing,
        status: -503003,
        errMsg: 'storage file not exists',
      });
    }
  });

  it('deletes: the file leaves the data folder, its URL and a download fail', async () => {
    const { fileID } = await sdk.uploadFile({ cloudPath: `concerns/del-${tag}.png`, fileContent: PNG });
    const { fileList } = await sdk.getTempFileURL({ fileList: [fileID] });
    const before = storedFiles().length;
    const res = await sdk.deleteFile({ fileList: [fileID] });
    expect(res.fileList[0]).toEqual(
      name === 'node-sdk' ? { fileID, code: 'SUCCESS' } : { fileID, status: 0, errMsg: 'ok' },
    );
    expect(storedFiles().length).toBe(before - 1);
    expect((await fetch(fileList[0]!.tempFileURL)).status).toBe(404);
    await expect(sdk.downloadFile({ fileID })).rejects.toMatchObject({ code: 'STORAGE_FILE_NONEXIST' });
  });

  it('refuses a type the platform does not store before anything is uploaded', async () => {
    const before = storedFiles().length;
    const refused = sdk.uploadFile({ cloudPath: `concerns/tool-${tag}.exe`, fileContent: PNG });
    await expect(refused).rejects.toMatchObject({
      code: 'STORAGE_FILE_TYPE_NOT_ALLOWED',
      message: expect.stringMatching(/不支持上传这种类型的文件:concerns\/tool-.\.exe/),
    });
    expect(storedFiles().length).toBe(before);
  });

  it('refuses a file over the size limit, stored nowhere', async () => {
    const before = storedFiles().length;
    const big = Buffer.concat([PNG, Buffer.alloc(MAX_BYTES)]);
    await expect(
      sdk.uploadFile({ cloudPath: `concerns/big-${tag}.png`, fileContent: big }),
    ).rejects.toMatchObject({
      code: 'STORAGE_REQUEST_FAIL',
      message: expect.stringContaining('[EntityTooLarge]: 文件过大(上限 4 KB)'),
    });
    expect(storedFiles().length).toBe(before);
    expect(s.cloud.storage.list().some((f) => f.cloudPath === `concerns/big-${tag}.png`)).toBe(false);
  });

  it('refuses content that is not what its extension says', async () => {
    await expect(
      sdk.uploadFile({ cloudPath: `ledgers/fake-${tag}.xlsx`, fileContent: Buffer.from('名字,电话\n') }),
    ).rejects.toMatchObject({
      code: 'STORAGE_REQUEST_FAIL',
      message: expect.stringContaining('[InvalidContentType]: 文件内容与扩展名不符:fake-'),
    });
    const real = Buffer.concat([XLSX_HEAD, Buffer.alloc(60)]);
    const ok = await sdk.uploadFile({ cloudPath: `ledgers/real-${tag}.xlsx`, fileContent: real });
    expect(ok.fileID).toMatch(/real-.\.xlsx$/);
  });

  it('refuses paths that could leave the bucket', async () => {
    for (const cloudPath of ['../escape.png', 'a//b.png', '/abs.png', 'a/./b.png']) {
      await expect(sdk.uploadFile({ cloudPath, fileContent: PNG })).rejects.toMatchObject({
        code: 'INVALID_PARAM',
      });
    }
  });
});

describe('temporary URLs', () => {
  it('expire with the local cloud clock, and a changed signature is refused', async () => {
    const sdk = sdkOf('node-sdk');
    const { fileID } = await sdk.uploadFile({ cloudPath: 'concerns/expiring.png', fileContent: PNG });
    const { fileList } = await sdk.getTempFileURL({ fileList: [{ fileID, maxAge: 60 }] });
    const url = fileList[0]!.tempFileURL;
    const forged = url.replace(/sign=[^&]+/, 'sign=AAAA');
    expect((await fetch(forged)).status).toBe(403);
    expect((await fetch(url)).status).toBe(200);
    s.cloud.clock.advance(61_000);
    try {
      const expired = await fetch(url);
      expect(expired.status).toBe(403);
      expect(await expired.text()).toContain('<Code>AccessDenied</Code>');
    } finally {
      s.cloud.clock.reset();
    }
  });

  it('an upload permit serves one PUT only', async () => {
    const meta = (await (
      nodeSdk(s.serviceUrl) as unknown as {
        getUploadMetadata(o: {
          cloudPath: string;
        }): Promise<{ data: { url: string; authorization: string } }>;
      }
    ).getUploadMetadata({ cloudPath: 'concerns/once.png' })) ?? { data: { url: '', authorization: '' } };
    const put = () =>
      fetch(meta.data.url, { method: 'PUT', headers: { authorization: meta.data.authorization }, body: PNG });
    expect((await put()).status).toBe(200);
    const again = await put();
    expect(again.status).toBe(403);
    expect(existsSync(join(s.dataDir, 'storage'))).toBe(true);
  });
});
