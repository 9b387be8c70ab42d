/**
 * `npm run size:miniprogram`: what the mini-program uploads, per package. WeChat's quality line is 1.5 MB
 * for the main package; docs/conventions.md rule 10 asks for well under it. Counted like an upload that drops
 * unused files: every file of our own (pages, services... TypeScript counted as is: the compiled JS is no
 * larger), and of miniprogram_npm only the files the pages actually reach through usingComponents, imports,
 * WXML imports, WXS and WXSS @import.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = join(__dirname, '..', 'miniprogram');
const NPM = 'miniprogram_npm';

interface AppJson {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
}

export interface MiniprogramSize {
  /** Bytes of the main package: own files outside subpackages plus the npm files in use. */
  main: number;
  /** Of which: own code and assets. */
  mainOwn: number;
  /** Of which: npm files in use (components, and the core bundle). */
  npmUsed: number;
  /** Of those: the core's bundle, miniprogram_npm/weimin-core (scripts/build-miniprogram-core.ts). */
  coreBundle: number;
  /** Bytes of the whole miniprogram_npm copy (what would ship without unused-file filtering). */
  npmAll: number;
  /** Bytes per subpackage root. */
  subpackages: Record<string, number>;
  /** The npm component folders in use, e.g. tdesign-miniprogram/button. */
  npmComponents: string[];
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const size = (files: Iterable<string>): number => [...files].reduce((n, f) => n + statSync(f).size, 0);

function firstExisting(candidates: string[]): string | null {
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

/** A script module: relative to `from`, or a package in the nearest miniprogram_npm up the tree. */
function resolveScript(from: string, spec: string): string | null {
  const forms = (base: string) => [
    base,
    `${base}.js`,
    `${base}.ts`,
    join(base, 'index.js'),
    join(base, 'index.ts'),
  ];
  if (spec.startsWith('.') || spec.startsWith('/')) {
    const base = spec.startsWith('/') ? join(ROOT, spec) : resolve(dirname(from), spec);
    return firstExisting(forms(base));
  }
  for (let dir = dirname(from); dir.startsWith(ROOT); dir = dirname(dir)) {
    const hit = firstExisting(forms(join(dir, NPM, spec)));
    if (hit !== null) return hit;
    if (dir === ROOT) break;
  }
  return null;
}

function componentFiles(base: string): string[] {
  return ['.json', '.js', '.ts', '.wxml', '.wxss'].map((ext) => `${base}${ext}`).filter((f) => existsSync(f));
}

/** Every file the given pages and components reach. */
function reach(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = entries.flatMap(componentFiles);
  const add = (file: string | null) => {
    if (file !== null && !seen.has(file)) queue.push(file);
  };
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    const dir = dirname(file);
    if (file.endsWith('.json')) {
      const using = (JSON.parse(text) as { usingComponents?: Record<string, string> }).usingComponents ?? {};
      for (const ref of Object.values(using)) {
        const base = ref.startsWith('/') ? join(ROOT, ref) : resolve(dir, ref);
        componentFiles(base).forEach(add);
      }
    } else if (/\.(js|ts|wxs)$/.test(file)) {
      for (const m of text.matchAll(/(?:from\s*|import\s*|require\()\s*["']([^"']+)["']/g)) {
        add(resolveScript(file, m[1]!));
      }
    } else if (file.endsWith('.wxml')) {
      for (const m of text.matchAll(/<(?:import|include|wxs)[^>]*\ssrc=["']([^"']+)["']/g)) {
        add(firstExisting([resolve(dir, m[1]!), m[1]!.startsWith('/') ? join(ROOT, m[1]!) : '']));
      }
    } else if (file.endsWith('.wxss')) {
      for (const m of text.matchAll(/@import\s+["']([^"']+)["']/g)) add(firstExisting([resolve(dir, m[1]!)]));
    }
  }
  return seen;
}

export function measureMiniprogram(): MiniprogramSize {
  const app = JSON.parse(readFileSync(join(ROOT, 'app.json'), 'utf8')) as AppJson;
  const subRoots = (app.subPackages ?? []).map((p) => p.root);
  const entries = [
    join(ROOT, 'app'),
    ...app.pages.map((p) => join(ROOT, p)),
    ...(app.subPackages ?? []).flatMap((p) => p.pages.map((page) => join(ROOT, p.root, page))),
  ];
  const reached = reach(entries);
  const npmDir = join(ROOT, NPM);
  const inNpm = (f: string) => f.startsWith(npmDir + '/');
  const inSub = (f: string) => subRoots.some((r) => f.startsWith(join(ROOT, r) + '/'));
  const own = walk(ROOT).filter((f) => !inNpm(f) && !inSub(f));
  const npmUsed = [...reached].filter(inNpm);
  const subpackages: Record<string, number> = {};
  for (const r of subRoots) subpackages[r] = size(walk(join(ROOT, r)));
  const npmComponents = [
    ...new Set(npmUsed.filter((f) => f.endsWith('.json')).map((f) => dirname(relative(npmDir, f)))),
  ].sort();
  const mainOwn = size(own);
  const npmUsedBytes = size(npmUsed);
  const coreDir = join(npmDir, 'weimin-core') + '/';
  return {
    main: mainOwn + npmUsedBytes,
    mainOwn,
    npmUsed: npmUsedBytes,
    coreBundle: size(npmUsed.filter((f) => f.startsWith(coreDir))),
    npmAll: existsSync(npmDir) ? size(walk(npmDir)) : 0,
    subpackages,
    npmComponents,
  };
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

if (process.argv[1] !== undefined && resolve(process.argv[1]) === __filename) {
  const s = measureMiniprogram();
  console.log(
    `主包：${kb(s.main)}（自有代码 ${kb(s.mainOwn)}，在用的 npm 组件 ${kb(s.npmUsed)}），上限 1536 KB`,
  );
  console.log(`  其中核心规则包 weimin-core：${kb(s.coreBundle)}`);
  for (const [root, bytes] of Object.entries(s.subpackages)) console.log(`分包 ${root}：${kb(bytes)}`);
  console.log(`miniprogram_npm 全量：${kb(s.npmAll)}（上传时过滤未使用的文件）`);
  console.log(`在用的组件：${s.npmComponents.join(', ')}`);
}
