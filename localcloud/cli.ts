/**
 * The bare emulator, `node --import tsx localcloud/cli.ts --port <P> --data-dir <DIR>`: runs the local cloud
 * (no build, no seeding) until Ctrl-C. `--functions-dir` and `--run-timers` add built functions and their
 * timer triggers.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { loadIndexCatalog } from './db/index-catalog';
import { DEFAULT_DATA_DIR, DEFAULT_PORT, LocalCloud, stopOnSignals } from './local-cloud';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: String(DEFAULT_PORT) },
      'data-dir': { type: 'string', default: DEFAULT_DATA_DIR },
      /** Another index declaration file than database/indexes.json (benchmarks and crash tests). */
      'index-file': { type: 'string' },
      /** A folder of built functions to run (none by default). */
      'functions-dir': { type: 'string' },
      /** Fire their timer triggers on the clock, as `npm start` does. */
      'run-timers': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(
      '用法:node --import tsx localcloud/cli.ts [--port <端口,默认 3910>] [--data-dir <数据目录,默认 ./.localcloud>]' +
        ' [--index-file <索引声明文件,默认 database/indexes.json>] [--functions-dir <已构建的云函数目录>]' +
        ' [--run-timers]',
    );
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`端口无效:${values.port}`);
    process.exit(2);
  }
  const cloud = new LocalCloud({
    port,
    dataDir: resolve(values['data-dir']),
    ...(values['index-file'] ? { catalog: loadIndexCatalog(resolve(values['index-file'])) } : {}),
    createDeclaredCollections: true,
    ...(values['functions-dir'] ? { functionsDir: resolve(values['functions-dir']) } : {}),
    runTimers: values['run-timers'],
    log: (line) => console.error(line),
  });
  const url = await cloud.start();
  console.log(`local cloud ready: ${url}`);
  console.log(`  SDK serviceUrl: ${url}/admin`);
  console.log(`  数据目录: ${resolve(values['data-dir'])}`);
  stopOnSignals(cloud);
}

main().catch((e: unknown) => {
  console.error(`本地云启动失败:${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
