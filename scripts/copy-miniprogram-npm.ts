/**
 * The mini-program's npm component libraries, copied where WeChat resolves them, and only what is used: the
 * components named in the `usingComponents` of the pages and components (and app.json), with every file
 * they reach (their own sub-components, shared code, styles, the helper packages in the library's
 * `miniprogram_npm`). Nothing else of the library ships: an unused file in the main package counts against
 * its size and the official quality scan flags it (scripts/miniprogram-quality.ts).
 *
 * Where each component goes is where its `usingComponents` path says: `/miniprogram_npm/<package>/…` in the
 * main package, `/packages/<sub>/miniprogram_npm/<package>/…` inside a subpackage (for components only that
 * subpackage uses; a subpackage may use the main package's, never another subpackage's). A page or
 * component added later is covered the day its `usingComponents` names a component: no list to keep here.
 *
 * A real copy, not a symlink: the official WXML compiler (DevTools and miniprogram-simulate alike) does not
 * follow symlinks. Beside them, the core's client entry bundled as `weimin-core`
 * (scripts/build-miniprogram-core.ts). Git-ignored and rebuilt on every `npm install` / `npm ci`
 * (postinstall), by `npm start` and before the jest run; redone only when what it would copy changes.
 */
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { buildMiniprogramCore, CORE_PACKAGE } from './build-miniprogram-core';
import { componentFiles, reachFiles } from './miniprogram-deps';

const ROOT = join(__dirname, '..');

/** The packages the mini-program uses, each with the folder its package ships for mini-programs. */
export const MINIPROGRAM_PACKAGES: ReadonlyArray<{ name: string; dist: string }> = [
  { name: 'tdesign-miniprogram', dist: 'miniprogram_dist' },
];

/** Bump when what the copy contains changes, so existing copies are redone. */
const COPY_FORMAT = 3;
const STAMP = '.copied-version';

/** A refusal of the copy: a stable code and a Chinese message (a wrong `usingComponents` path). */
export class MiniprogramNpmError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'MiniprogramNpmError';
  }
}

export interface Placement {
  package: string;
  /** '' for the main package, else the subpackage root (`packages/staff`). */
  packageRoot: string;
  /** Components used, relative to the library's dist (`radio/radio`). */
  components: Set<string>;
}

function walkJson(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory())
      return name === 'miniprogram_npm' || name === 'node_modules' ? [] : walkJson(path);
    return name.endsWith('.json') ? [path] : [];
  });
}

function subpackageRoots(mpRoot: string): string[] {
  const app = JSON.parse(readFileSync(join(mpRoot, 'app.json'), 'utf8')) as {
    subPackages?: Array<{ root: string }>;
    subpackages?: Array<{ root: string }>;
  };
  return (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/+$/, ''));
}

const toPosix = (p: string): string => p.split(sep).join('/');

/** The package (main '' or a subpackage root) a file of the mini-program belongs to. */
function packageOf(relPath: string, roots: readonly string[]): string {
  return roots.find((r) => relPath === r || relPath.startsWith(`${r}/`)) ?? '';
}

/** Every library component the mini-program's `usingComponents` name, grouped by where they must be. */
export function componentPlacements(mpRoot: string): Placement[] {
  const roots = subpackageRoots(mpRoot);
  const placements = new Map<string, Placement>();
  const pattern = new RegExp(
    `^(?:(.+)/)?miniprogram_npm/(${MINIPROGRAM_PACKAGES.map((p) => p.name.replace(/[-/]/g, '\\$&')).join('|')})/(.+)$`,
  );
  for (const file of walkJson(mpRoot)) {
    const using = (JSON.parse(readFileSync(file, 'utf8')) as { usingComponents?: Record<string, string> })
      .usingComponents;
    const fileRel = toPosix(relative(mpRoot, file));
    for (const [tag, ref] of Object.entries(using ?? {})) {
      if (!ref.startsWith('/') && !ref.startsWith('.')) {
        if (MINIPROGRAM_PACKAGES.some((p) => ref.startsWith(`${p.name}/`))) {
          throw new MiniprogramNpmError(
            'MINIPROGRAM_NPM_PATH_INVALID',
            `${fileRel} 的 ${tag}:请写从小程序根目录起的绝对路径,如 /miniprogram_npm/${ref}`,
          );
        }
        continue;
      }
      const target = ref.startsWith('/')
        ? ref.slice(1)
        : toPosix(relative(mpRoot, resolve(dirname(file), ref)));
      const m = pattern.exec(posix.normalize(target));
      if (!m) continue;
      const packageRoot = m[1] ?? '';
      if (packageRoot !== '' && !roots.includes(packageRoot)) {
        throw new MiniprogramNpmError(
          'MINIPROGRAM_NPM_PATH_INVALID',
          `${fileRel} 的 ${tag}:${packageRoot} 不是 app.json 中的分包根目录,组件只能放在主包 /miniprogram_npm 或某个分包的 miniprogram_npm 下`,
        );
      }
      if (packageRoot !== '' && packageOf(fileRel, roots) !== packageRoot) {
        throw new MiniprogramNpmError(
          'MINIPROGRAM_NPM_PATH_INVALID',
          `${fileRel} 的 ${tag}:不能引用分包 ${packageRoot} 内的组件(主包与其他分包看不到它),请改用 /miniprogram_npm/${m[2]}/${m[3]}`,
        );
      }
      const key = `${packageRoot}|${m[2]}`;
      const placement = placements.get(key) ?? { package: m[2]!, packageRoot, components: new Set<string>() };
      placement.components.add(m[3]!);
      placements.set(key, placement);
    }
  }
  return [...placements.values()];
}

function versionOf(packageDir: string): string {
  const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** The files to copy for a placement, relative to the library's dist folder. */
export function placementFiles(distDir: string, placement: Placement): string[] {
  const entries: string[] = [];
  for (const component of placement.components) {
    const files = componentFiles(join(distDir, component));
    if (!files.some((f) => f.endsWith('.json'))) {
      throw new MiniprogramNpmError(
        'MINIPROGRAM_NPM_COMPONENT_MISSING',
        `${placement.package} 中没有组件 ${component}(usingComponents 写错了路径?)`,
      );
    }
    entries.push(...files);
  }
  return [...reachFiles(distDir, entries)]
    .map((f) => toPosix(relative(distDir, f)))
    .filter((f) => !f.endsWith('.d.ts'))
    .sort();
}

/** Copy each placement unless the same files of the same version are already in place; returns what was copied. */
export function copyMiniprogramNpm(root: string = ROOT): string[] {
  const mpRoot = join(root, 'miniprogram');
  const placements = componentPlacements(mpRoot);
  const copied: string[] = [];
  const wanted = new Set<string>();
  for (const placement of placements) {
    const spec = MINIPROGRAM_PACKAGES.find((p) => p.name === placement.package)!;
    const source = join(root, 'node_modules', spec.name);
    const distDir = join(source, spec.dist);
    const target = join(mpRoot, placement.packageRoot, 'miniprogram_npm', spec.name);
    wanted.add(target);
    const list = placementFiles(distDir, placement);
    const digest = createHash('sha256').update(list.join('\n')).digest('hex').slice(0, 16);
    const version = `${versionOf(source)}+copy${COPY_FORMAT}+${digest}`;
    const stamp = join(target, STAMP);
    if (existsSync(stamp) && readFileSync(stamp, 'utf8') === version) continue;
    rmSync(target, { recursive: true, force: true });
    for (const file of list) {
      mkdirSync(dirname(join(target, file)), { recursive: true });
      cpSync(join(distDir, file), join(target, file), { dereference: true });
    }
    writeFileSync(stamp, version);
    copied.push(
      `${placement.packageRoot || '主包'}:${spec.name}@${versionOf(source)}(${placement.components.size} 个组件,${list.length} 个文件)`,
    );
  }
  // Copies nobody names any more (a component moved to a subpackage, a subpackage that stopped using one).
  for (const packageRoot of ['', ...subpackageRoots(mpRoot)]) {
    for (const { name } of MINIPROGRAM_PACKAGES) {
      const dir = join(mpRoot, packageRoot, 'miniprogram_npm', name);
      if (existsSync(dir) && !wanted.has(dir)) {
        rmSync(dir, { recursive: true, force: true });
        const parent = dirname(dir);
        if (packageRoot !== '' && readdirSync(parent).length === 0)
          rmSync(parent, { recursive: true, force: true });
        copied.push(`已移除 ${toPosix(relative(mpRoot, dir))}`);
      }
    }
  }
  return copied;
}

/** Everything miniprogram_npm holds: the component libraries copied, the core bundled; what changed. */
export async function prepareMiniprogramNpm(root: string = ROOT): Promise<string[]> {
  const copied = copyMiniprogramNpm(root);
  const core = await buildMiniprogramCore(root);
  return core.changed ? [...copied, `${CORE_PACKAGE}(${(core.bytes / 1024).toFixed(1)} KB)`] : copied;
}

// Run directly (`npm run copy:miniprogram-npm`, postinstall), not when imported by the jest global setup.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === __filename) {
  prepareMiniprogramNpm()
    .then((done) =>
      console.log(done.length === 0 ? '小程序 npm 组件已是最新' : `已更新小程序 npm 组件:${done.join(';')}`),
    )
    .catch((e: unknown) => {
      if (e instanceof MiniprogramNpmError) console.error(`[${e.code}] ${e.message}`);
      else console.error(e);
      process.exit(1);
    });
}
