/**
 * The local cloud a benchmark runs in a process of its own (bench/functions-cloud.ts, bench/load-cloud.ts): the
 * built functions on a data dir the benchmark prepared, from the command line
 * `--port 0 --data-dir <dir> --functions-dir <built functions>`, with no timer trigger ever firing on its own
 * (a trigger would change what is being measured or checked).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LocalCloud } from '../localcloud/local-cloud';

export function benchCloudFromArgs(script: string): LocalCloud {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string' },
      'functions-dir': { type: 'string' },
    },
    strict: true,
  });
  if (!values['data-dir'] || !values['functions-dir']) {
    console.error(`usage: ${script} --data-dir <dir> --functions-dir <dir> [--port <port>]`);
    process.exit(2);
  }
  return new LocalCloud({
    port: Number(values.port),
    dataDir: resolve(values['data-dir']),
    createDeclaredCollections: true,
    functionsDir: resolve(values['functions-dir']),
    timerTriggers: false,
    log: (line) => console.error(line),
  });
}
