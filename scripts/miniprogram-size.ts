/**
 * `npm run size:miniprogram`: what the mini-program uploads, per package, counted as WeChat's official
 * quality scan counts it (`PACKAGE_SIZE_LIMIT`: every file of the package, summed): the tree DevTools
 * uploads, TypeScript compiled as its plugin compiles it (scripts/miniprogram-compile.ts), with the component
 * library copied only as far as the pages use it (scripts/copy-miniprogram-npm.ts). A test holds this figure
 * to the official one (tests/deploy/miniprogram-quality.test.ts). WeChat's quality line is 1.5 MB for the
 * main package; docs/conventions.md rule 10 asks for well under it.
 */
import { posix, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MINIPROGRAM_ROOT, uploadFiles } from './miniprogram-compile';

const NPM = 'miniprogram_npm';

interface AppJson {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  subpackages?: Array<{ root: string; pages: string[] }>;
}

export interface MiniprogramSize {
  /** Bytes of the main package: every file outside the subpackages (the official `__APP__` figure). */
  main: number;
  /** Of which: own code and assets (outside miniprogram_npm). */
  mainOwn: number;
  /** Of which: npm files (the components copied, and the core bundle). */
  npmUsed: number;
  /** Of those: the core's bundle, miniprogram_npm/weimin-core/index.js (scripts/build-miniprogram-core.ts). */
  coreBundle: number;
  /** Bytes of every miniprogram_npm copy, main package and subpackages. */
  npmAll: number;
  /** Bytes per subpackage root (the official figure's `<root>/` entries). */
  subpackages: Record<string, number>;
  /** Everything uploaded. */
  total: number;
  /** The npm component folders shipped, e.g. tdesign-miniprogram/button (any package's miniprogram_npm). */
  npmComponents: string[];
}

export function measureMiniprogram(mpRoot: string = MINIPROGRAM_ROOT): MiniprogramSize {
  const app = JSON.parse(readFileSync(join(mpRoot, 'app.json'), 'utf8')) as AppJson;
  const roots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/+$/, ''));
  const files = uploadFiles(mpRoot);
  const rootOf = (path: string) => roots.find((r) => path.startsWith(`${r}/`));
  const inNpm = (path: string) => path.startsWith(`${NPM}/`) || path.includes(`/${NPM}/`);
  const subpackages: Record<string, number> = Object.fromEntries(roots.map((r) => [r, 0]));
  let main = 0;
  let mainOwn = 0;
  let npmUsed = 0;
  let npmAll = 0;
  let coreBundle = 0;
  const components = new Set<string>();
  for (const f of files) {
    const bytes = f.content.length;
    const root = rootOf(f.path);
    if (root) subpackages[root]! += bytes;
    else {
      main += bytes;
      if (inNpm(f.path)) npmUsed += bytes;
      else mainOwn += bytes;
    }
    if (inNpm(f.path)) {
      npmAll += bytes;
      if (f.path.endsWith('.json')) {
        const inside = f.path.slice(f.path.lastIndexOf(`${NPM}/`) + NPM.length + 1);
        if (inside.split('/').length > 2 && !inside.includes(`/${NPM}/`))
          components.add(posix.dirname(inside));
      }
    }
    if (f.path === `${NPM}/weimin-core/index.js`) coreBundle = bytes;
  }
  return {
    main,
    mainOwn,
    npmUsed,
    coreBundle,
    npmAll,
    subpackages,
    total: files.reduce((n, f) => n + f.content.length, 0),
    npmComponents: [...components].sort(),
  };
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

if (process.argv[1] !== undefined && resolve(process.argv[1]) === __filename) {
  const s = measureMiniprogram();
  console.log(`主包:${kb(s.main)}(自有代码 ${kb(s.mainOwn)},npm 组件与核心包 ${kb(s.npmUsed)}),上限 1536 KB`);
  console.log(`  其中核心规则包 weimin-core:${kb(s.coreBundle)}`);
  for (const [root, bytes] of Object.entries(s.subpackages)) console.log(`分包 ${root}:${kb(bytes)}`);
  console.log(`总计:${kb(s.total)};miniprogram_npm 共 ${kb(s.npmAll)}`);
  console.log(`在用的组件:${s.npmComponents.join(', ')}`);
}
