/**
 * The 适老化 audit (docs/elder-mode.md): every page of the mini-program rendered from its real WXML and
 * WXSS by miniprogram-simulate (with TDesign's styles), in 标准模式 and 长辈模式, laid out in headless
 * Chromium, and every visible text measured (size, contrast on its real composited background, line
 * spacing, whether it fits its boxes) and every tap target (box, role and name). It prints the page ×
 * criterion table of each mode and fails on any miss, listing each. Screenshots and the static pages are
 * kept in build/audit/ (git-ignored).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as FakeCloud from '../support/fake-cloud';
import type * as Harness from '../support/page-harness';
import type * as Notices from '../../../../miniprogram/utils/notice';
import {
  CRITERIA,
  LIMITS,
  MIN_LINE_HEIGHT,
  MODES,
  MODE_NAMES,
  formatTable,
  judgePage,
  type Criterion,
  type Mode,
  type PageResult,
  type RawPage,
} from './criteria';
import type { AuditManifest } from './measure-pages';
import { SCENARIOS, type Scenario, type ScenarioKit } from './scenarios';
import { staticPageHtml } from './static-page';

jest.mock(
  '../../../../miniprogram/services/cloud-api',
  () => jest.requireActual('../support/fake-cloud').cloudApiModule,
);

const REPO = join(__dirname, '..', '..', '..', '..');
const OUT = join(REPO, 'build', 'audit');

const results: PageResult[] = [];

interface LoadedPage {
  id: string;
  harness: typeof Harness;
  kit: ScenarioKit;
}
const loaded = new Map<string, LoadedPage>();

/**
 * Each page in a module registry of its own: TDesign's component modules register their `Component` when
 * first required, so a second page loaded in the same registry would find them unregistered. The page's
 * harness, fake cloud and notices come from that registry too.
 */
function loadIsolated(pagePath: string): LoadedPage {
  let page: LoadedPage | undefined = loaded.get(pagePath);
  if (page !== undefined) return page;
  jest.isolateModules(() => {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const harness = require('../support/page-harness') as typeof Harness;
    const { fakeCloud } = require('../support/fake-cloud') as typeof FakeCloud;
    const { leaveNotice } = require('../../../../miniprogram/utils/notice') as typeof Notices;
    /* eslint-enable @typescript-eslint/no-require-imports */
    page = { id: harness.loadPage(pagePath), harness, kit: { fakeCloud, leaveNotice, find: harness.find } };
  });
  loaded.set(pagePath, page!);
  return page!;
}

/** '04-providers.elder': the scenario's place, its page, the mode. */
function slug(index: number, scenario: Scenario, mode: Mode): string {
  return `${String(index + 1).padStart(2, '0')}-${scenario.page.split('/').pop()}.${mode}`;
}

/** Render one scenario in one mode, as static HTML. */
async function render(scenario: Scenario, mode: Mode): Promise<string> {
  const { id, harness, kit } = loadIsolated(scenario.page);
  kit.fakeCloud.reset();
  jest.restoreAllMocks();
  const storage = harness.fakeStorage();
  // 标准模式: the user's 始终关闭; 长辈模式: 始终开启 at WeChat's standard font (its smallest sizes), and at
  // WeChat's largest font (24 px: its larger step).
  storage.set('elderMode', mode === 'normal' ? 'off' : 'on');
  jest.spyOn(wx, 'getAppBaseInfo').mockReturnValue({
    ...wx.getAppBaseInfo(),
    fontSizeSetting: mode === 'elder-xl' ? 24 : 17,
    fontSizeScaleFactor: mode === 'elder-xl' ? 1.4 : 1,
  });
  scenario.replies?.(kit);
  const page = await harness.openPage(id, scenario.query ?? {});
  await scenario.prepare?.(page, kit);
  if (scenario.wait !== undefined) await new Promise((resolve) => setTimeout(resolve, scenario.wait));
  await harness.settle();
  const html = staticPageHtml(page, id, scenario.page, `${scenario.title} · ${MODE_NAMES[mode]}`);
  (page as unknown as { detach(): void }).detach();
  return html;
}

/** Lay the pages out in Chromium (measure-pages.ts, in a Node process of its own). */
function measure(manifestPath: string, resultsPath: string): Promise<void> {
  const script = join(__dirname, 'measure-pages.ts');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', script, manifestPath, resultsPath],
      { cwd: REPO, timeout: 300_000, maxBuffer: 16 * 1024 * 1024 },
      (error, _stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve()),
    );
  });
}

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(join(OUT, 'pages'), { recursive: true });
  mkdirSync(join(OUT, 'screenshots'), { recursive: true });
  const manifest: AuditManifest = { pages: [] };
  const titles = new Map<string, { title: string; mode: Mode }>();
  for (const mode of MODES) {
    for (const [index, scenario] of SCENARIOS.entries()) {
      const key = slug(index, scenario, mode);
      const file = join(OUT, 'pages', `${key}.html`);
      writeFileSync(file, await render(scenario, mode));
      manifest.pages.push({ key, file, screenshot: join(OUT, 'screenshots', `${key}.png`) });
      titles.set(key, { title: scenario.title, mode });
    }
  }
  const manifestPath = join(OUT, 'manifest.json');
  const resultsPath = join(OUT, 'measurements.json');
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  await measure(manifestPath, resultsPath);
  const raw = JSON.parse(readFileSync(resultsPath, 'utf8')) as Record<string, RawPage>;
  for (const [key, { title, mode }] of titles) results.push(judgePage(title, mode, raw[key]!));
  const tables = MODES.map((mode) => formatTable(mode, results)).join('\n\n');
  writeFileSync(join(OUT, 'table.txt'), `${tables}\n`);
  console.log(`适老化 audit: ${SCENARIOS.length} page states × ${MODES.length} modes\n\n${tables}`);
}, 600_000);

afterAll(() => {
  jest.restoreAllMocks();
});

const SENTENCES: Readonly<Record<Criterion, (mode: Mode) => string>> = {
  font: (mode) => `every visible text is at least ${LIMITS[mode].font} rpx`,
  contrast: () => 'every visible text reaches 4.5:1 on its real background (3:1 from 36 rpx)',
  lineHeight: () => `every visible text has a line height of at least ${MIN_LINE_HEIGHT}`,
  target: (mode) => `every tap target is at least ${LIMITS[mode].target} × ${LIMITS[mode].target} rpx`,
  name: () => 'every tap target has a role and a name for screen readers',
  overflow: () => 'no text overflows its box (no clipped rows)',
};

describe.each(MODES)('%s', (mode) => {
  it.each(CRITERIA)('%s', (criterion) => {
    expect(results.filter((r) => r.mode === mode)).toHaveLength(SCENARIOS.length);
    const misses = results
      .filter((r) => r.mode === mode)
      .flatMap((r) => r.misses)
      .filter((m) => m.criterion === criterion)
      .map((m) => `${m.page} ${m.where} “${m.what}”: ${m.value}, needs ${m.need}`);
    expect({ [SENTENCES[criterion](mode)]: misses }).toEqual({ [SENTENCES[criterion](mode)]: [] });
  });
});
