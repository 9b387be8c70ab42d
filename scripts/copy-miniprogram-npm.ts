/**
 * Copy the mini-program's npm component libraries where WeChat resolves them: what DevTools' “构建 npm” and
 * miniprogram-ci's packNpm produce, `miniprogram/miniprogram_npm/<package>`. A real copy, not a symlink: the
 * official WXML compiler (DevTools and miniprogram-simulate alike) does not follow symlinks. Beside them,
 * the core's client entry bundled as `weimin-core` (scripts/build-miniprogram-core.ts). The target is
 * git-ignored and rebuilt on every `npm install` / `npm ci` (postinstall), by `npm start` and before the
 * jest run.
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildMiniprogramCore, CORE_PACKAGE } from './build-miniprogram-core';

const ROOT = join(__dirname, '..');

/** The packages the mini-program uses, each with the folder its package ships for mini-programs. */
export const MINIPROGRAM_PACKAGES: ReadonlyArray<{ name: string; dist: string }> = [
  { name: 'tdesign-miniprogram', dist: 'miniprogram_dist' },
];

/** Bump when what the copy contains changes, so existing copies are redone. */
const COPY_FORMAT = 2;
const STAMP = '.copied-version';

function versionOf(packageDir: string): string {
  const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** Copy each package unless the same version is already in place; returns what was copied. */
export function copyMiniprogramNpm(root: string = ROOT): string[] {
  const copied: string[] = [];
  for (const { name, dist } of MINIPROGRAM_PACKAGES) {
    const source = join(root, 'node_modules', name);
    const target = join(root, 'miniprogram', 'miniprogram_npm', name);
    const version = `${versionOf(source)}+copy${COPY_FORMAT}`;
    const stamp = join(target, STAMP);
    if (existsSync(stamp) && readFileSync(stamp, 'utf8') === version) continue;
    rmSync(target, { recursive: true, force: true });
    // Type declarations are for editors, not for the phone: leave them out of what is uploaded.
    cpSync(join(source, dist), target, {
      recursive: true,
      dereference: true,
      filter: (path) => !path.endsWith('.d.ts'),
    });
    writeFileSync(stamp, version);
    copied.push(`${name}@${version}`);
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
      console.log(
        done.length === 0
          ? '小程序 npm 组件已是最新'
          : `已更新 miniprogram/miniprogram_npm:${done.join(', ')}`,
      ),
    )
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
