/**
 * Copy the mini-program's npm component libraries where WeChat resolves them: what DevTools' “构建 npm” and
 * miniprogram-ci's packNpm produce, `miniprogram/miniprogram_npm/<package>`. A real copy, not a symlink: the
 * official WXML compiler (DevTools and miniprogram-simulate alike) does not follow symlinks. The target is
 * git-ignored and rebuilt on every `npm install` / `npm ci` (postinstall) and before the jest run.
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

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

// Run directly (`npm run copy:miniprogram-npm`, postinstall), not when imported by the jest global setup.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === __filename) {
  const copied = copyMiniprogramNpm();
  console.log(
    copied.length === 0
      ? '小程序 npm 组件已是最新'
      : `已复制小程序 npm 组件到 miniprogram/miniprogram_npm:${copied.join(', ')}`,
  );
}
