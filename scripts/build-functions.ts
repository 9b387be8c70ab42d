/**
 * Builds every cloud function into the form that is deployed: build/functions/<name>/ with `index.js`
 * (exporting `main(event, context)`, shared core code bundled in by esbuild), `package.json` and
 * `config.json`. The SDKs stay external: CloudBase installs them from the function's package.json.
 */
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const FUNCTIONS_SRC = resolve(__dirname, '..', 'cloudfunctions');
export const FUNCTIONS_OUT = resolve(__dirname, '..', 'build', 'functions');

export interface BuildResult {
  name: string;
  dir: string;
}

export async function buildFunctions(srcDir = FUNCTIONS_SRC, outDir = FUNCTIONS_OUT): Promise<BuildResult[]> {
  if (!existsSync(srcDir)) return [];
  const names = readdirSync(srcDir).filter(
    (n) =>
      !n.startsWith('.') &&
      statSync(join(srcDir, n)).isDirectory() &&
      existsSync(join(srcDir, n, 'index.ts')),
  );
  const results: BuildResult[] = [];
  for (const name of names) {
    const from = join(srcDir, name);
    const to = join(outDir, name);
    rmSync(to, { recursive: true, force: true });
    mkdirSync(to, { recursive: true });
    await build({
      entryPoints: [join(from, 'index.ts')],
      outfile: join(to, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      sourcemap: 'linked',
      external: ['wx-server-sdk', '@cloudbase/node-sdk'],
      logLevel: 'error',
    });
    for (const file of ['config.json', 'package.json']) {
      if (existsSync(join(from, file))) copyFileSync(join(from, file), join(to, file));
    }
    if (!existsSync(join(to, 'package.json'))) {
      writeFileSync(
        join(to, 'package.json'),
        JSON.stringify({ name, version: '1.0.0', main: 'index.js' }, null, 2),
      );
    }
    results.push({ name, dir: to });
  }
  return results;
}
