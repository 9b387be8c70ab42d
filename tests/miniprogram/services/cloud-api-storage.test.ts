/**
 * Photos through the client API module (miniprogram/services/cloud-api.ts) and the concerns' photo service.
 * Local mode, against a real local cloud: the picked file is read as base64 (`wx.getFileSystemManager`, here
 * backed by Node's fs) and posted with `wx.request` (Node's fetch, tests/miniprogram/support/local-wx.ts) to the
 * gateway, which stores it in the local cloud's storage; its temporary URL serves the same bytes. Cloud mode:
 * `wx.cloud.uploadFile` / `getTempFileURL`, and the local gateway is never reached.
 */
import { readFile, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLocalCloud, type StartedCloud } from '../../helpers/local-cloud.fixture';
import {
  CallError,
  chooseLocalOpenid,
  getTempFileURL,
  uploadFile,
} from '../../../miniprogram/services/cloud-api';
import { appConfig, type AppConfig } from '../../../miniprogram/config';
import {
  photoUrls,
  uploadPhotos,
} from '../../../miniprogram/packages/concerns/services/concern-photos.service';
import { deviceStorage, installWx, removeWx } from '../support/local-wx';

const PNG = Buffer.concat([
  Buffer.from('89504e470d0a1a0a', 'hex'),
  Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7) % 256)),
]);
const JPEG = Buffer.concat([Buffer.from('ffd8ffe0', 'hex'), Buffer.alloc(300, 9)]);

/** wx.getFileSystemManager().readFile with `encoding: 'base64'`, from this machine's files. */
function installFileSystem(wx: Record<string, unknown>): void {
  wx['getFileSystemManager'] = () => ({
    readFile(o: {
      filePath: string;
      encoding: string;
      success?: (r: { data: string; errMsg: string }) => void;
      fail?: (e: { errMsg: string }) => void;
    }) {
      readFile(o.filePath, (err, data) => {
        if (err) o.fail?.({ errMsg: `readFile:fail ${err.message}` });
        else o.success?.({ data: data.toString(o.encoding as BufferEncoding), errMsg: 'readFile:ok' });
      });
    },
  });
}

describe('cloud storage through the client API module in local mode', () => {
  let s: StartedCloud;
  let config: AppConfig;
  let png: string;
  let jpeg: string;
  const saved = { ...appConfig };

  beforeAll(async () => {
    s = await startLocalCloud({ isKnownIdentity: (id) => id.startsWith('demo-') });
    config = { mode: 'local', envId: 'unused', gatewayUrl: s.cloud.url, localOpenid: 'demo-resident-7' };
    png = join(s.dataDir, 'picked.png');
    jpeg = join(s.dataDir, 'picked.jpg');
    writeFileSync(png, PNG);
    writeFileSync(jpeg, JPEG);
  });

  beforeEach(() => {
    deviceStorage.clear();
    installFileSystem(installWx({}));
  });

  afterAll(async () => {
    Object.assign(appConfig, saved);
    await s.stop();
    removeWx();
  });

  const storedPaths = () => s.cloud.storage.list().map((f) => f.cloudPath);

  it('uploads a picked photo and shows it through a temporary URL with the same bytes', async () => {
    const { fileID } = await uploadFile({ cloudPath: 'concerns/one.png', filePath: png }, config);
    expect(fileID).toBe('cloud://weimin-local.local-bucket/concerns/one.png');
    expect(storedPaths()).toContain('concerns/one.png');

    const [item] = await getTempFileURL([fileID], config);
    expect(item).toMatchObject({ fileID, status: 0 });
    const res = await fetch(encodeURI(item!.tempFileURL));
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it('acts as the demo identity chosen on the device, and turns a refusal into a CallError with its code', async () => {
    chooseLocalOpenid('stranger', config);
    await expect(uploadFile({ cloudPath: 'concerns/stranger.png', filePath: png }, config)).rejects.toEqual(
      new CallError('GATEWAY_UNKNOWN_IDENTITY', '未知的演示身份:stranger'),
    );
    await expect(getTempFileURL(['cloud://x/y.png'], config)).rejects.toMatchObject({
      code: 'GATEWAY_UNKNOWN_IDENTITY',
    });
    expect(storedPaths()).not.toContain('concerns/stranger.png');
  });

  it('refuses content that is not its extension’s type, storing nothing', async () => {
    const refused = uploadFile({ cloudPath: 'concerns/fake.png', filePath: jpeg }, config);
    await expect(refused).rejects.toBeInstanceOf(CallError);
    await expect(refused).rejects.toMatchObject({
      code: 'STORAGE_FILE_TYPE_NOT_ALLOWED',
      message: '文件内容与扩展名不符:fake.png 不是PNG 图片',
    });
    expect(storedPaths()).not.toContain('concerns/fake.png');
  });

  it('lets the concerns’ photo service upload and show photos in local mode', async () => {
    Object.assign(appConfig, config);
    const ids = await uploadPhotos([
      { path: png, size: PNG.length, fileType: 'image' },
      { path: jpeg, size: JPEG.length, fileType: 'image' },
    ]);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toMatch(/^cloud:\/\/weimin-local\.local-bucket\/concerns\/r[0-9a-z]+\.png$/);
    expect(ids[1]).toMatch(/\.jpg$/);

    const urls = await photoUrls([ids[1]!, 'cloud://weimin-local.local-bucket/concerns/gone.png', ids[0]!]);
    expect(urls[1]).toBe('');
    const shown = await fetch(encodeURI(urls[2]!));
    expect(Buffer.from(await shown.arrayBuffer()).equals(PNG)).toBe(true);
    expect(urls[0]).toContain('/storage/download/concerns/');
  });

  it('keeps the photo service’s message when a photo is refused', async () => {
    Object.assign(appConfig, config);
    const before = storedPaths().length;
    const fakePng = join(s.dataDir, 'not-really.png');
    writeFileSync(fakePng, JPEG);
    await expect(
      uploadPhotos([
        { path: png, size: PNG.length, fileType: 'image' },
        { path: fakePng, size: JPEG.length, fileType: 'image' },
      ]),
    ).rejects.toMatchObject({
      code: 'UPLOAD_FAILED',
      message: '第 2 张照片没有上传成功，请检查网络后重试',
    });
    // The first photo went up before the second was refused; the refused one is stored nowhere.
    expect(storedPaths().length).toBe(before + 1);
  });
});

describe('cloud storage through the client API module in cloud mode', () => {
  const cloud: AppConfig = { mode: 'cloud', envId: 'env-1', gatewayUrl: 'http://unused', localOpenid: 'x' };
  const uploads: Array<{ cloudPath: string; filePath: string }> = [];

  beforeEach(() => {
    uploads.length = 0;
    const wx = installWx({});
    wx['request'] = () => {
      throw new Error('cloud mode must not reach the local gateway');
    };
    wx['cloud'] = {
      init: () => undefined,
      uploadFile: async (o: { cloudPath: string; filePath: string }) => {
        uploads.push({ cloudPath: o.cloudPath, filePath: o.filePath });
        return { fileID: `cloud://env-1.bucket/${o.cloudPath}`, statusCode: 200, errMsg: 'uploadFile:ok' };
      },
      getTempFileURL: async (o: { fileList: string[] }) => ({
        errMsg: 'getTempFileURL:ok',
        fileList: o.fileList.map((fileID) => ({
          fileID,
          tempFileURL: `https://tmp.example/${fileID}`,
          maxAge: 7200,
          status: 0,
          errMsg: 'ok',
        })),
      }),
    };
  });

  afterAll(() => removeWx());

  it('uploads with wx.cloud.uploadFile and reads URLs with wx.cloud.getTempFileURL', async () => {
    const { fileID } = await uploadFile(
      { cloudPath: 'concerns/a.png', filePath: 'wxfile://tmp/a.png' },
      cloud,
    );
    expect(fileID).toBe('cloud://env-1.bucket/concerns/a.png');
    expect(uploads).toEqual([{ cloudPath: 'concerns/a.png', filePath: 'wxfile://tmp/a.png' }]);
    expect(await getTempFileURL([fileID], cloud)).toEqual([
      { fileID, tempFileURL: `https://tmp.example/${fileID}`, status: 0 },
    ]);
  });
});
