/**
 * The mini-program as WeChat would build it: every page of app.json in its own folder with files named after
 * it, every component it uses present, the privacy check on, 长辈模式 and notices that stay on every page,
 * the main package well under the 1.5 MB line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { prepareMiniprogramNpm } from '../../scripts/copy-miniprogram-npm';
import { measureMiniprogram } from '../../scripts/miniprogram-size';

const ROOT = join(__dirname, '..', '..', 'miniprogram');

interface AppJson {
  pages: string[];
  subPackages: Array<{ root: string; pages: string[] }>;
  tabBar?: { list: Array<{ pagePath: string }> };
  __usePrivacyCheck__?: boolean;
}

const app = JSON.parse(readFileSync(join(ROOT, 'app.json'), 'utf8')) as AppJson;
const allPages = [
  ...app.pages,
  ...app.subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`)),
];

beforeAll(() => prepareMiniprogramNpm());

describe('app.json', () => {
  it('should open on the home page and keep no placeholder page', () => {
    expect(app.pages[0]).toBe('pages/home/home');
    expect(allPages).not.toContain('pages/index/index');
  });

  it('should keep the provider staff pages and the privacy pages in their own subpackages', () => {
    expect(app.subPackages).toEqual([
      expect.objectContaining({ root: 'packages/staff' }),
      expect.objectContaining({ root: 'packages/privacy' }),
      expect.objectContaining({ root: 'packages/concerns' }),
      expect.objectContaining({ root: 'packages/providers' }),
      expect.objectContaining({ root: 'packages/community' }),
    ]);
    expect(app.pages.some((p) => p.includes('staff') || p.includes('privacy'))).toBe(false);
  });

  it('should turn the privacy check on', () => {
    expect(app.__usePrivacyCheck__).toBe(true);
  });

  it('should list only main-package pages in the tab bar', () => {
    for (const tab of app.tabBar?.list ?? []) expect(app.pages).toContain(tab.pagePath);
  });
});

describe.each(allPages)('page %s', (page) => {
  const base = join(ROOT, page);

  it('should live in a folder named after it, with its four files', () => {
    expect(basename(dirname(base))).toBe(basename(base));
    for (const ext of ['ts', 'json', 'wxml', 'wxss']) expect(existsSync(`${base}.${ext}`)).toBe(true);
  });

  it('should use only components that exist', () => {
    const json = JSON.parse(readFileSync(`${base}.json`, 'utf8')) as {
      usingComponents?: Record<string, string>;
    };
    for (const path of Object.values(json.usingComponents ?? {})) {
      expect(existsSync(`${join(ROOT, path)}.json`)).toBe(true);
    }
  });

  it('should follow 长辈模式 with the shared behavior and the root class', () => {
    // First among the page's behaviors (list and detail pages add a shared one after it).
    expect(readFileSync(`${base}.ts`, 'utf8')).toMatch(/behaviors: \[\s*elderModeBehavior[,\]]/);
    expect(readFileSync(`${base}.wxml`, 'utf8')).toMatch(/^<view class="page \{\{elderClass\}\}">/);
  });

  it('should keep its messages on the page: a notice bar first thing, and no toast', () => {
    const wxml = readFileSync(`${base}.wxml`, 'utf8');
    expect(wxml.split('\n')[1]).toMatch(/^\s*<notice-bar id="notice-bar" notice="\{\{notice\}\}"/);
    expect(readFileSync(`${base}.ts`, 'utf8')).toMatch(/pageNoticeBehavior\(ROUTES\.\w+\)/);
    expect(wxml).not.toMatch(/<t-toast/);
  });

  it('should reach the cloud only through its services', () => {
    expect(readFileSync(`${base}.ts`, 'utf8')).not.toMatch(/wx\.cloud|callFunction|getApp\(/);
  });
});

describe('package size', () => {
  it('should keep the main package well under WeChat’s 1.5 MB line', () => {
    const size = measureMiniprogram();
    expect(size.main).toBeLessThan(1024 * 1024);
    expect(size.npmComponents).toContain('tdesign-miniprogram/checkbox');
  });
});
