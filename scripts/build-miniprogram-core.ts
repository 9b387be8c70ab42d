/**
 * Bundles the core's client entry (core/client/index.ts) into the mini-program as the npm package
 * `weimin-core`: miniprogram/miniprogram_npm/weimin-core/index.js (CommonJS, ES2017 syntax, minified, no
 * imports of its own) with a package.json naming it. Pages import it as `weimin-core`, which WeChat
 * resolves from miniprogram_npm (docs/decisions/0009). Git-ignored like the rest of miniprogram_npm:
 * rebuilt by postinstall, `npm start`, `npm run copy:miniprogram-npm` and before the mini-program tests.
 */
import { build, type Plugin } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

const ROOT = join(__dirname, '..');

export const CORE_PACKAGE = 'weimin-core';

/** The bundle's location in a checkout rooted at `root`. */
export function coreBundleDir(root: string = ROOT): string {
  return join(root, 'miniprogram', 'miniprogram_npm', CORE_PACKAGE);
}

/**
 * Every core module is free of side effects (core/README.md: no I/O, nothing at import but constants), so
 * a module none of whose exports is used is left out whole, module-level tables included.
 */
function coreIsPure(coreDir: string): Plugin {
  return {
    name: 'core-is-pure',
    setup(b) {
      b.onResolve({ filter: /^\./ }, async (args) => {
        if (args.pluginData === 'resolving') return undefined;
        const hit = await b.resolve(args.path, {
          resolveDir: args.resolveDir,
          kind: args.kind,
          importer: args.importer,
          pluginData: 'resolving',
        });
        if (hit.errors.length > 0) return { errors: hit.errors };
        return hit.path.startsWith(coreDir + sep)
          ? { path: hit.path, sideEffects: false }
          : { path: hit.path };
      });
    },
  };
}

/** Write only when the bytes differ, through a rename: test workers may be reading the old file. */
function writeIfChanged(file: string, content: string): boolean {
  if (existsSync(file) && readFileSync(file, 'utf8') === content) return false;
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, content);
  renameSync(temp, file);
  return true;
}

export interface CoreBundle {
  file: string;
  bytes: number;
  /** False when the bundle already held these bytes. */
  changed: boolean;
}

export async function buildMiniprogramCore(root: string = ROOT): Promise<CoreBundle> {
  const coreDir = join(root, 'core');
  const result = await build({
    entryPoints: [join(coreDir, 'client', 'index.ts')],
    bundle: true,
    write: false,
    outfile: join(coreBundleDir(root), 'index.js'),
    // Neither Node nor the browser: the bundle may use nothing the WeChat JS engine lacks.
    platform: 'neutral',
    format: 'cjs',
    // The syntax every supported WeChat base library runs without DevTools' ES6-to-ES5 pass.
    target: 'es2017',
    minify: true,
    legalComments: 'none',
    // Chinese as UTF-8 (3 bytes a character) rather than \u escapes (6).
    charset: 'utf8',
    banner: {
      js: '/* weimin-core: built from core/client by scripts/build-miniprogram-core.ts; do not edit */',
    },
    plugins: [coreIsPure(coreDir)],
    logLevel: 'error',
  });
  const code = result.outputFiles[0]!.text;
  const dir = coreBundleDir(root);
  mkdirSync(dir, { recursive: true });
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const manifest = {
    name: CORE_PACKAGE,
    version: pkg.version,
    private: true,
    description: 'The core rules the mini-program shares (core/client), bundled; generated, do not edit',
    main: 'index.js',
  };
  const file = join(dir, 'index.js');
  const changedCode = writeIfChanged(file, code);
  const changedManifest = writeIfChanged(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { file, bytes: Buffer.byteLength(code), changed: changedCode || changedManifest };
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === __filename) {
  buildMiniprogramCore()
    .then((b) =>
      console.log(
        `${b.changed ? '已构建' : '已是最新'} miniprogram_npm/${CORE_PACKAGE}:${(b.bytes / 1024).toFixed(1)} KB`,
      ),
    )
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
