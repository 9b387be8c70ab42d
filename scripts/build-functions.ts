/**
 * Builds every cloud function into the form that is deployed: build/functions/<name>/ with exactly
 * `index.js` (exporting `main(event, context)`, the core and the function kit bundled in by esbuild),
 * `package.json` (wx-server-sdk, the only dependency, which CloudBase installs) and `config.json`.
 *
 * build/functions is what everything deploys and runs: WeChat DevTools shows it as the cloud function root
 * (project.config.json `cloudfunctionRoot`, decision 0016), `npm run deploy` uploads it, and the local cloud
 * runs it unchanged. It is git-ignored and rebuilt by postinstall and `npm run build`; a folder of a
 * function that no longer exists is removed, so DevTools never shows one.
 */
import { build, type Metafile } from 'esbuild';
import { builtinModules } from 'node:module';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..');
export const FUNCTIONS_SRC = join(REPO_ROOT, 'cloudfunctions');
export const FUNCTIONS_OUT = join(REPO_ROOT, 'build', 'functions');

/** The one package a deployed function may require: CloudBase installs it from the function's package.json. */
export const FUNCTION_SDK = 'wx-server-sdk';
/** The syntax level of the bundle: the Node.js of the runtime the functions deploy to (scripts/deploy/limits.ts). */
export const FUNCTION_NODE_TARGET = 'node20';
/** What a built function folder holds, and nothing else. */
export const DEPLOYED_FILES = ['config.json', 'index.js', 'package.json'] as const;

export interface BuildResult {
  name: string;
  dir: string;
}

/** The SDK version every function pins: the repository's own (package.json), so tests run what deploys. */
export function sdkVersion(root: string = REPO_ROOT): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  const version = pkg.dependencies?.[FUNCTION_SDK];
  if (!version) throw new Error(`package.json 的 dependencies 中缺少 ${FUNCTION_SDK}`);
  return version;
}

/** Source folders with an index.ts: the functions. */
export function functionNames(srcDir = FUNCTIONS_SRC): string[] {
  if (!existsSync(srcDir)) return [];
  return readdirSync(srcDir)
    .filter(
      (n) =>
        !n.startsWith('.') &&
        statSync(join(srcDir, n)).isDirectory() &&
        existsSync(join(srcDir, n, 'index.ts')),
    )
    .sort();
}

/** The deployed package.json: the source one if it declares exactly the SDK at the repository's version. */
function packageJson(from: string, name: string): string {
  const expected = { [FUNCTION_SDK]: sdkVersion() };
  const file = join(from, 'package.json');
  if (!existsSync(file)) {
    return `${JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies: expected }, null, 2)}\n`;
  }
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as {
    main?: string;
    dependencies?: Record<string, string>;
  };
  const deps = pkg.dependencies ?? {};
  if (JSON.stringify(deps) !== JSON.stringify(expected) || (pkg.main ?? 'index.js') !== 'index.js') {
    throw new Error(
      `${file}: 云函数只能依赖 ${FUNCTION_SDK}@${expected[FUNCTION_SDK]}(其余代码在构建时打包进 index.js),main 必须是 index.js;现为 ${JSON.stringify(deps)}`,
    );
  }
  return readFileSync(file, 'utf8');
}

const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/** Every import the bundle leaves to the runtime must be the SDK or part of Node itself. */
function checkExternals(name: string, meta: Metafile): void {
  const stray = Object.values(meta.outputs)
    .flatMap((o) => o.imports)
    .filter((i) => i.external && i.path !== FUNCTION_SDK && !NODE_BUILTINS.has(i.path))
    .map((i) => i.path);
  if (stray.length > 0) {
    throw new Error(`云函数 ${name} 的打包结果引用了未打包的模块:${[...new Set(stray)].join(', ')}`);
  }
}

export async function buildFunctions(srcDir = FUNCTIONS_SRC, outDir = FUNCTIONS_OUT): Promise<BuildResult[]> {
  const names = functionNames(srcDir);
  mkdirSync(outDir, { recursive: true });
  // A folder whose source is gone would still be shown (and uploadable) in DevTools: remove it.
  for (const stale of readdirSync(outDir)) {
    if (!names.includes(stale)) rmSync(join(outDir, stale), { recursive: true, force: true });
  }
  const results: BuildResult[] = [];
  for (const name of names) {
    const from = join(srcDir, name);
    const to = join(outDir, name);
    const pkg = packageJson(from, name);
    rmSync(to, { recursive: true, force: true });
    mkdirSync(to, { recursive: true });
    const result = await build({
      entryPoints: [join(from, 'index.ts')],
      outfile: join(to, 'index.js'),
      bundle: true,
      platform: 'node',
      target: FUNCTION_NODE_TARGET,
      format: 'cjs',
      external: [FUNCTION_SDK],
      metafile: true,
      // Module comments in the bundle (`// core/…`) are relative to the repository whatever the caller's
      // directory: the deploy's cloud-call check reads them (scripts/deploy/code-scan.ts).
      absWorkingDir: REPO_ROOT,
      logLevel: 'error',
    });
    checkExternals(name, result.metafile);
    writeFileSync(join(to, 'package.json'), pkg);
    if (existsSync(join(from, 'config.json')))
      copyFileSync(join(from, 'config.json'), join(to, 'config.json'));
    else writeFileSync(join(to, 'config.json'), '{}\n');
    results.push({ name, dir: to });
  }
  return results;
}
