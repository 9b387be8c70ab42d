/**
 * Photos through the client gateway (the mini-program in DevTools' local mode): `POST /gateway/storage/upload`
 * stores through the same local storage, with the same limits, as an SDK upload and answers the file id an SDK
 * upload gets; `POST /gateway/storage/temp-urls` answers signed URLs that serve the same bytes. Refusals carry a
 * stable code and a Chinese message and store nothing; only a known demo identity may use either route.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { nodeSdk, startLocalCloud, type StartedCloud } from '../helpers/local-cloud.fixture';
import { rawRequest } from './support/raw-request';

const MAX_BYTES = 64 * 1024;
const CHINESE = /[\u4e00-\u9fff]/;
const DEVTOOLS_APPID = 'wxdevtoolsapp02';
const PNG = Buffer.concat([
  Buffer.from('89504e470d0a1a0a', 'hex'),
  Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 251)),
]);
const JPEG = Buffer.concat([Buffer.from('ffd8ffe0', 'hex'), Buffer.alloc(500, 3)]);

let s: StartedCloud;

beforeAll(async () => {
  s = await startLocalCloud({
    isKnownIdentity: (id) => id.startsWith('demo-'),
    storageLimits: { maxFileBytes: MAX_BYTES },
    miniProgramAppIds: [DEVTOOLS_APPID],
  });
});

afterAll(async () => {
  await s.stop();
});

interface Reply {
  status: number;
  body: Record<string, unknown>;
}

async function post(
  path: string,
  body: unknown,
  openid: string | undefined = 'demo-resident-1',
): Promise<Reply> {
  const res = await fetch(`${s.cloud.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { 'x-wx-openid': openid } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const upload = (cloudPath: string, bytes: Buffer, openid?: string) =>
  post('/gateway/storage/upload', { cloudPath, base64: bytes.toString('base64') }, openid);

/** The files in the storage folder (no temporary upload left behind either) and their metadata. */
function stored(): { files: string[]; paths: string[] } {
  return {
    files: readdirSync(join(s.dataDir, 'storage')).filter((n) => !n.startsWith('.url-key')),
    paths: s.cloud.storage.list().map((f) => f.cloudPath),
  };
}

function expectRefused(reply: Reply, status: number, code: string): void {
  expect(reply.status).toBe(status);
  expect(reply.body).toMatchObject({ code, message: expect.stringMatching(CHINESE) });
  expect(String(reply.body['errMsg'])).toMatch(/:fail /);
}

describe('cloud storage through the client gateway', () => {
  it('uploads a photo under the file id an SDK upload gets, and serves its bytes through a temporary URL', async () => {
    const reply = await upload('concerns/c1-照片.png', PNG);
    expect(reply.status).toBe(200);
    const fileID = 'cloud://weimin-local.local-bucket/concerns/c1-照片.png';
    expect(reply.body).toEqual({ fileID, statusCode: 200, errMsg: 'uploadFile:ok' });
    expect(stored().paths).toContain('concerns/c1-照片.png');

    const urls = await post('/gateway/storage/temp-urls', { fileList: [fileID] });
    expect(urls.status).toBe(200);
    const [item] = urls.body['fileList'] as Array<Record<string, unknown>>;
    expect(item).toMatchObject({ fileID, status: 0, errMsg: 'ok' });
    const url = String(item!['tempFileURL']);
    expect(url.startsWith(`${s.cloud.url}/storage/download/concerns/c1-照片.png?sign=`)).toBe(true);
    const download = await fetch(encodeURI(url));
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await download.arrayBuffer()).equals(PNG)).toBe(true);

    // A cloud function reading the concern's photos finds the same file by its id.
    const sdk = nodeSdk(s.serviceUrl) as unknown as {
      downloadFile(o: { fileID: string }): Promise<{ fileContent: Buffer }>;
    };
    expect((await sdk.downloadFile({ fileID })).fileContent.equals(PNG)).toBe(true);
  });

  it('answers each file of a temp-urls request, a missing one with status -503003 and no URL', async () => {
    const { body } = await upload('concerns/c2.jpg', JPEG);
    const missing = 'cloud://weimin-local.local-bucket/concerns/never.jpg';
    const urls = await post('/gateway/storage/temp-urls', { fileList: [missing, body['fileID']] });
    expect(urls.status).toBe(200);
    const list = urls.body['fileList'] as Array<Record<string, unknown>>;
    expect(list.map((f) => f['fileID'])).toEqual([missing, body['fileID']]);
    expect(list[0]).toMatchObject({ tempFileURL: '', status: -503003 });
    expect(list[1]).toMatchObject({ status: 0, tempFileURL: expect.stringContaining('/storage/download/') });

    expectRefused(await post('/gateway/storage/temp-urls', { fileList: [] }), 400, 'INVALID_PARAM');
    expectRefused(await post('/gateway/storage/temp-urls', { fileList: [42] }), 400, 'INVALID_PARAM');
  });

  it('refuses a file over the size limit with STORAGE_FILE_TOO_LARGE (413), storing nothing', async () => {
    const before = stored();
    // Just over the limit: the request fits, the storage refuses the file.
    const over = Buffer.concat([PNG.subarray(0, 8), Buffer.alloc(MAX_BYTES - 7, 1)]);
    const refused = await upload('concerns/big.png', over);
    expectRefused(refused, 413, 'STORAGE_FILE_TOO_LARGE');
    expect(refused.body['message']).toBe('文件过大(上限 64 KB)');
    // Far over: the request itself is over what a file at the limit needs, refused before it is decoded.
    const huge = await upload('concerns/huge.png', Buffer.concat([PNG, Buffer.alloc(2 * MAX_BYTES)]));
    expectRefused(huge, 413, 'STORAGE_FILE_TOO_LARGE');
    expect(stored()).toEqual(before);

    // At the limit exactly, it is stored.
    const atLimit = Buffer.concat([PNG.subarray(0, 8), Buffer.alloc(MAX_BYTES - 8, 1)]);
    expect((await upload('concerns/at-limit.png', atLimit)).status).toBe(200);
  });

  it('refuses a type the platform does not store, and content that is not its extension’s type', async () => {
    const before = stored();
    const exe = await upload('concerns/tool.exe', PNG);
    expectRefused(exe, 400, 'STORAGE_FILE_TYPE_NOT_ALLOWED');
    expect(exe.body['message']).toMatch(/^不支持上传这种类型的文件:concerns\/tool\.exe/);

    const fake = await upload('concerns/fake.png', JPEG);
    expectRefused(fake, 400, 'STORAGE_FILE_TYPE_NOT_ALLOWED');
    expect(fake.body['message']).toBe('文件内容与扩展名不符:fake.png 不是PNG 图片');
    expect(stored()).toEqual(before);
  });

  it('refuses a malformed request with INVALID_PARAM, storing nothing', async () => {
    const before = stored();
    expectRefused(
      await post('/gateway/storage/upload', { cloudPath: 'concerns/x.png' }),
      400,
      'INVALID_PARAM',
    );
    expectRefused(
      await post('/gateway/storage/upload', { cloudPath: 'concerns/x.png', base64: '不是 base64' }),
      400,
      'INVALID_PARAM',
    );
    expectRefused(await upload('../outside.png', PNG), 400, 'INVALID_PARAM');
    expectRefused(await post('/gateway/storage/upload', '[1,2]'), 400, 'INVALID_PARAM');
    // The route reads its own body; it still takes JSON only (a form or text/plain is what other pages send).
    const text = await fetch(`${s.cloud.url}/gateway/storage/upload`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-wx-openid': 'demo-resident-1' },
      body: JSON.stringify({ cloudPath: 'concerns/text.png', base64: PNG.toString('base64') }),
    });
    expectRefused(
      { status: text.status, body: (await text.json()) as Record<string, unknown> },
      403,
      'CONTENT_TYPE_NOT_ALLOWED',
    );
    expect(stored()).toEqual(before);
  });

  it('refuses an unknown or missing identity on both routes, storing nothing', async () => {
    const before = stored();
    expectRefused(await upload('concerns/intruder.png', PNG, 'intruder'), 403, 'GATEWAY_UNKNOWN_IDENTITY');
    expectRefused(
      await post(
        '/gateway/storage/upload',
        { cloudPath: 'concerns/anon.png', base64: PNG.toString('base64') },
        '',
      ),
      401,
      'GATEWAY_IDENTITY_REQUIRED',
    );
    expect(stored()).toEqual(before);

    const { body } = await upload('concerns/c3.png', PNG);
    const urls = await post('/gateway/storage/temp-urls', { fileList: [body['fileID']] }, 'intruder');
    expectRefused(urls, 403, 'GATEWAY_UNKNOWN_IDENTITY');
    expect(urls.body['fileList']).toBeUndefined();
  });

  it('lets the mini-program in DevTools upload and show photos, and refuses another site’s page', async () => {
    const host = new URL(s.cloud.url).host;
    const simulator = {
      host,
      referer: `https://servicewechat.com/${DEVTOOLS_APPID}/devtools/page-frame.html`,
      'sec-fetch-site': 'cross-site',
      'content-type': 'application/json',
      'x-wx-openid': 'demo-resident-1',
    };
    const body = JSON.stringify({ cloudPath: 'concerns/sim.png', base64: PNG.toString('base64') });
    const ok = await rawRequest(`${s.cloud.url}/gateway/storage/upload`, { headers: simulator, body });
    expect(ok.status).toBe(200);
    const urls = await rawRequest(`${s.cloud.url}/gateway/storage/temp-urls`, {
      headers: simulator,
      body: JSON.stringify({ fileList: [ok.body['fileID']] }),
    });
    const url = new URL(String((urls.body['fileList'] as Array<Record<string, unknown>>)[0]!['tempFileURL']));
    // The <image> of the page loads the signed URL with the page's Referer.
    const image = await rawRequest(`${s.cloud.url}${url.pathname}${url.search}`, {
      headers: { host, referer: simulator.referer, 'sec-fetch-site': 'cross-site' },
    });
    expect(image.status).toBe(200);

    const before = stored();
    const evil = await rawRequest(`${s.cloud.url}/gateway/storage/upload`, {
      headers: { ...simulator, referer: 'https://evil.example/', origin: 'https://evil.example' },
      body: JSON.stringify({ cloudPath: 'concerns/evil.png', base64: PNG.toString('base64') }),
    });
    expect(evil.status).toBe(403);
    expect(evil.body['code']).toBe('ORIGIN_NOT_ALLOWED');
    expect(stored()).toEqual(before);
  });
});

describe('cloud storage through the client gateway, at the platform’s own limits', () => {
  let big: StartedCloud;
  beforeAll(async () => {
    big = await startLocalCloud();
  });
  afterAll(async () => {
    await big.stop();
  });

  it('takes a photo whose base64 is over the server’s 10 MB limit for JSON bodies', async () => {
    // 12 MB: 16 MB as base64. The gateway reads the upload's body itself, up to what a 50 MB file needs.
    const photo = Buffer.concat([Buffer.from('ffd8ffe0', 'hex'), Buffer.alloc(12 * 1024 * 1024, 0x5a)]);
    const res = await fetch(`${big.cloud.url}/gateway/storage/upload`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': 'demo-resident-1' },
      body: JSON.stringify({ cloudPath: 'concerns/large.jpg', base64: photo.toString('base64') }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      fileID: 'cloud://weimin-local.local-bucket/concerns/large.jpg',
    });
    expect(big.cloud.storage.list()).toEqual([
      expect.objectContaining({ cloudPath: 'concerns/large.jpg', size: photo.length }),
    ]);
  });
});
