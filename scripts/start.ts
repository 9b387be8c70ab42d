/**
 * `npm start`: the whole platform on one machine. Builds the cloud functions and the mini-program's core
 * bundle, builds the workers' console when it is missing or stale (scripts/build-console.ts), starts the
 * local cloud on its port and data dir, creates the declared collections and indexes, seeds the Yulin demo
 * data and the demo console accounts once, runs the timer triggers, serves the console at /console/ (its API
 * at /console/api/ through admin-api) and the demo identities (for the mini-program's 切换演示身份), and
 * prints the addresses, the demo identities and the demo console accounts with their password.
 *
 *   npm start -- [--port 3910] [--data-dir ./.localcloud]
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { buildFunctions, FUNCTIONS_OUT } from './build-functions';
import { DEFAULT_DATA_DIR, DEFAULT_PORT, LocalCloud, stopOnSignals } from '../localcloud/local-cloud';
import { CONSOLE_OUT, consoleIsStale, ensureConsoleBuilt } from './build-console';
import { DEMO_CONSOLE_PASSWORD } from './console-demo-accounts';
import { prepareMiniprogramNpm } from './copy-miniprogram-npm';
import { registerDemoIdentitiesRoute, IDENTITIES_PATH } from './demo-identities.route';
import { demoIdentities, seedDemoConsoleAccounts, seedDemoData, seedDemoFiles } from './seed-demo';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: String(DEFAULT_PORT) },
      'data-dir': { type: 'string', default: DEFAULT_DATA_DIR },
      // Where the deployable functions are built; tests give each run its own.
      'build-dir': { type: 'string', default: FUNCTIONS_OUT },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log('用法:npm start -- [--port <端口,默认 3910>] [--data-dir <数据目录,默认 ./.localcloud>]');
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`端口无效:${values.port}`);
    process.exit(2);
  }
  const dataDir = resolve(values['data-dir']);

  const buildDir = resolve(values['build-dir']);
  const built = await buildFunctions(undefined, buildDir);
  // DevTools runs the mini-program from miniprogram/: give it the core as it is now.
  const npm = await prepareMiniprogramNpm();
  const known = new Set(demoIdentities().map((i) => i.openid));
  const cloud = new LocalCloud({
    port,
    dataDir,
    createDeclaredCollections: true,
    functionsDir: buildDir,
    runTimers: true,
    log: (line) => console.error(line),
    isKnownIdentity: (openid: string) => known.has(openid),
    consoleDir: CONSOLE_OUT,
  });
  const seeded = seedDemoData(cloud.db, () => cloud.clock.now());
  seedDemoFiles(cloud.storage, seeded);
  const consoleAccounts = await seedDemoConsoleAccounts(cloud.db, () => cloud.clock.now());
  registerDemoIdentitiesRoute(cloud, demoIdentities());
  const url = await cloud.start();

  console.log(`local cloud ready: ${url}`);
  console.log(`  SDK serviceUrl : ${url}/admin`);
  console.log(`  数据目录       : ${dataDir}`);
  console.log(`  演示数据       : ${seeded.created ? `已写入(${seeded.summary})` : '已存在,未重复写入'}`);
  console.log(`  云函数         : ${built.length > 0 ? built.map((b) => b.name).join(', ') : '(暂无)'}`);
  const consoleStale = consoleIsStale();
  console.log(`  管理后台       : ${url}/console/${consoleStale ? '（正在构建，完成后会提示）' : ''}`);
  console.log(`  消息发件箱     : ${url}/outbox.html`);
  console.log(`  时钟与定时器   : ${url}/clock  ${url}/timers`);
  console.log(`  小程序 npm     : ${npm.length > 0 ? `已更新 ${npm.join(', ')}` : '已是最新'}`);
  console.log(
    `  演示身份(本地模式请求头 X-WX-OPENID;小程序“我的 - 切换演示身份”,列表 ${url}${IDENTITIES_PATH}):`,
  );
  for (const id of demoIdentities()) console.log(`    ${id.openid.padEnd(28)} ${id.label}`);
  console.log(
    `  管理后台演示账号（仅限本地演示；密码均为 ${DEMO_CONSOLE_PASSWORD}${consoleAccounts.created ? '' : '，已存在'}），登录 ${url}/console/ :`,
  );
  for (const a of consoleAccounts.accounts) console.log(`    ${a.loginName.padEnd(20)} ${a.label}`);
  console.log('按 Ctrl-C 停止。');

  stopOnSignals(cloud);
  // Built after the cloud is up, so the platform is ready at once; until then /console/ says it is building.
  if (consoleStale) {
    ensureConsoleBuilt()
      .then(() => console.log(`管理后台已构建：${url}/console/`))
      .catch((e: unknown) =>
        console.error(`管理后台构建失败：${e instanceof Error ? e.message : String(e)}`),
      );
  }
}

main().catch((e: unknown) => {
  console.error(`启动失败:${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exit(1);
});
