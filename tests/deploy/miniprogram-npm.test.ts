/**
 * The component library is copied as the `usingComponents` of the pages say and no further: each component
 * where its path puts it (the main package, or the subpackage that alone uses it), with the files it reaches,
 * nothing else; a copy nobody names any more is removed; a path WeChat could not resolve is refused with a
 * coded Chinese message.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { copyMiniprogramNpm, MiniprogramNpmError } from '../../scripts/copy-miniprogram-npm';
import { REPO } from './support/deploy-inputs';

let root: string;
const mp = (...p: string[]) => join(root, 'miniprogram', ...p);

function page(path: string, using: Record<string, string>): void {
  mkdirSync(dirname(mp(path)), { recursive: true });
  writeFileSync(mp(`${path}.json`), JSON.stringify({ usingComponents: using }));
}

const T = 'tdesign-miniprogram';

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'weimin-mp-npm-'));
  mkdirSync(join(root, 'node_modules'));
  symlinkSync(join(REPO, 'node_modules', T), join(root, 'node_modules', T), 'dir');
  mkdirSync(mp(), { recursive: true });
  writeFileSync(
    mp('app.json'),
    JSON.stringify({
      pages: ['pages/home/home'],
      subPackages: [{ root: 'packages/staff', pages: ['pages/jobs/jobs'] }],
    }),
  );
  page('pages/home/home', { 't-button': `/miniprogram_npm/${T}/button/button` });
  page('packages/staff/pages/jobs/jobs', {
    't-button': `/miniprogram_npm/${T}/button/button`,
    't-radio-group': `/packages/staff/miniprogram_npm/${T}/radio-group/radio-group`,
  });
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

it('puts each component where its path says, with what it reaches and nothing else', () => {
  copyMiniprogramNpm(root);
  const main = mp('miniprogram_npm', T);
  const staff = mp('packages/staff/miniprogram_npm', T);
  expect(existsSync(join(main, 'button/button.js'))).toBe(true);
  expect(existsSync(join(main, 'radio-group'))).toBe(false);
  // radio-group reaches radio (its usingComponents), the shared code and tslib (its imports).
  for (const file of [
    'radio-group/radio-group.js',
    'radio/radio.wxml',
    'common/src/index.js',
    'miniprogram_npm/tslib/index.js',
  ]) {
    expect(existsSync(join(staff, file))).toBe(true);
  }
  expect(readdirSync(main)).not.toContain('calendar');
  expect(readdirSync(staff)).not.toContain('button');
});

it('copies nothing again while the same files are in place', () => {
  expect(copyMiniprogramNpm(root)).toHaveLength(2);
  expect(copyMiniprogramNpm(root)).toEqual([]);
});

it('removes a copy nobody names any more when a component moves to the main package', () => {
  copyMiniprogramNpm(root);
  page('packages/staff/pages/jobs/jobs', {
    't-radio-group': `/miniprogram_npm/${T}/radio-group/radio-group`,
  });
  copyMiniprogramNpm(root);
  expect(existsSync(mp('packages/staff/miniprogram_npm'))).toBe(false);
  expect(existsSync(mp('miniprogram_npm', T, 'radio-group/radio-group.js'))).toBe(true);
});

it.each([
  [
    'pages/home/home',
    `/packages/staff/miniprogram_npm/${T}/radio/radio`,
    'MINIPROGRAM_NPM_PATH_INVALID',
    /不能引用分包 packages\/staff 内的组件/,
  ],
  [
    'pages/home/home',
    `/packages/other/miniprogram_npm/${T}/radio/radio`,
    'MINIPROGRAM_NPM_PATH_INVALID',
    /不是 app\.json 中的分包根目录/,
  ],
  ['pages/home/home', `${T}/radio/radio`, 'MINIPROGRAM_NPM_PATH_INVALID', /请写从小程序根目录起的绝对路径/],
  [
    'pages/home/home',
    `/miniprogram_npm/${T}/no-such/no-such`,
    'MINIPROGRAM_NPM_COMPONENT_MISSING',
    /没有组件 no-such\/no-such/,
  ],
])('refuses %s using %s', (path, ref, code, message) => {
  page(path, { 't-x': ref });
  let error: unknown;
  try {
    copyMiniprogramNpm(root);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(MiniprogramNpmError);
  expect(error).toMatchObject({ code, message: expect.stringMatching(message) });
});
