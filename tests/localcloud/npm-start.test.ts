/**
 * `npm start` as a newcomer runs it: the platform comes up on an empty data dir with the Yulin demo data,
 * answers /health, stops on Ctrl-C, and a restart keeps everything and seeds nothing twice.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import tcb from '@cloudbase/node-sdk';
import '../helpers/sdk-env';
import { REPO_ROOT, spawnServer, type ServerProcess } from '../helpers/server-process';
import { tempDir } from '../helpers/local-cloud.fixture';

const COUNTIES = ['玉州区', '福绵区', '容县', '陆川县', '博白县', '兴业县', '北流市'];
const CASE_STUDY_ITEMS = [
  '家电维修',
  '幼儿临时照料',
  '陪护老年人',
  '美容美发',
  '健身',
  '影视',
  '餐饮',
  '图书阅览',
  '预约挂号',
  '紧急求助',
  '飞机票火车票预订',
  '生活缴费',
  '信息发布',
];

async function waitFor(cond: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

function startCommand(): string[] {
  const start = (
    JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  ).scripts['start']!;
  const [bin, ...command] = start.split(/\s+/);
  expect(bin).toBe('node');
  return command;
}

describe('npm start', () => {
  let dataDir: string;
  let buildDir: string;
  let server: ServerProcess | undefined;

  beforeAll(() => {
    dataDir = tempDir('weimin-start-');
    mkdirSync(join(REPO_ROOT, 'build', 'tmp'), { recursive: true });
    buildDir = mkdtempSync(join(REPO_ROOT, 'build', 'tmp', 'start-'));
  });

  afterEach(async () => {
    server?.kill('SIGKILL');
    await server?.exited;
    server = undefined;
  });

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(buildDir, { recursive: true, force: true });
  });

  async function counts(serviceUrl: string) {
    const db = tcb.init({ env: 'local', serviceUrl, secretId: 'x', secretKey: 'x' } as never).database();
    const counties = (await db.collection('org_units').where({ level: 'county' }).get()).data as Array<{
      name: string;
    }>;
    const communities = (await db.collection('org_units').where({ level: 'community' }).count()).total;
    const items = (await db.collection('service_items').limit(1000).get()).data as Array<{ name: string }>;
    const providers = (await db.collection('providers').count()).total;
    const orders = (await db.collection('orders').count()).total;
    return {
      counties: counties.map((c) => c.name).sort(),
      communities,
      items: items.map((i) => i.name),
      providers,
      orders,
    };
  }

  it('comes up on an empty data dir within 60 s with the Yulin demo data, and stops cleanly on Ctrl-C', async () => {
    const started = Date.now();
    server = await spawnServer({
      command: startCommand(),
      dataDir,
      args: ['--build-dir', buildDir],
      readyTimeoutMs: 60_000,
    });
    expect(Date.now() - started).toBeLessThan(60_000);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    await waitFor(() => /按 Ctrl-C 停止/.test(server!.output()));
    expect(server.output()).toMatch(/demo-resident-1/);
    // What the mini-program's 切换演示身份 lists (local mode).
    const listed = (await (await fetch(`${server.url}/gateway/identities`)).json()) as {
      identities: Array<{ openid: string; label: string }>;
    };
    expect(listed.identities).toContainEqual(
      expect.objectContaining({
        openid: 'demo-provider-manager-1',
        label: '服务机构负责人（第一家演示机构）',
      }),
    );

    const c = await counts(server.serviceUrl);
    expect(c.counties).toEqual([...COUNTIES].sort());
    expect(c.communities).toBe(172);
    expect(c.items).toEqual(expect.arrayContaining(CASE_STUDY_ITEMS));
    expect(c.providers).toBeGreaterThanOrEqual(30);

    server.kill('SIGINT');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.output()).toMatch(/本地云已停止/);
    server = undefined;
  }, 90_000);

  it('keeps all data on restart and seeds nothing twice', async () => {
    server = await spawnServer({
      command: startCommand(),
      dataDir,
      args: ['--build-dir', buildDir],
      readyTimeoutMs: 60_000,
    });
    const before = await counts(server.serviceUrl);
    server.kill('SIGINT');
    await server.exited;
    server = await spawnServer({
      command: startCommand(),
      dataDir,
      args: ['--build-dir', buildDir],
      readyTimeoutMs: 60_000,
    });
    await waitFor(() => /按 Ctrl-C 停止/.test(server!.output()));
    expect(server.output()).toMatch(/已存在,未重复写入/);
    expect(await counts(server.serviceUrl)).toEqual(before);
  }, 90_000);

  it('refuses a bad port with a Chinese message and a non-zero exit', async () => {
    await expect(
      spawnServer({
        command: startCommand(),
        dataDir,
        args: ['--build-dir', buildDir],
        port: 70000,
        readyTimeoutMs: 20_000,
      }),
    ).rejects.toThrow(/端口无效/);
  });
});
