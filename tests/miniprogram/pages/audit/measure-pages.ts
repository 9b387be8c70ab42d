/**
 * Lays the audit's static pages out in headless Chromium, one browser and one tab for them all, and writes
 * what collect-page.browser.js collects on each, plus a full-page screenshot. Run by page-audit.test.ts in a
 * Node process of its own (playwright-core does not load under jest's jsdom environment):
 *
 *   node --import tsx tests/miniprogram/pages/audit/measure-pages.ts <manifest.json> <results.json>
 *
 * Debian's Chromium (`/usr/bin/chromium`, or AUDIT_CHROMIUM), a fresh profile in a temporary folder, no
 * network (TDesign's icon font comes from a CDN: the audit measures text and boxes, not icons).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../../helpers/chromium';

export interface ManifestPage {
  key: string;
  /** The static HTML file. */
  file: string;
  /** Where its screenshot goes. */
  screenshot: string;
}

export interface AuditManifest {
  pages: ManifestPage[];
}

async function measure(manifestPath: string, resultsPath: string): Promise<void> {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as AuditManifest;
  const collect = readFileSync(join(__dirname, 'collect-page.browser.js'), 'utf8');
  const profile = mkdtempSync(join(tmpdir(), 'weimin-audit-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env['AUDIT_CHROMIUM'] ?? '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS],
    viewport: { width: 750, height: 1624 },
    deviceScaleFactor: 1,
  });
  try {
    // Offline: only the page's own file loads.
    await context.route('**/*', (route) =>
      route.request().url().startsWith('file:') ? route.continue() : route.abort(),
    );
    const tab = context.pages()[0] ?? (await context.newPage());
    const results: Record<string, unknown> = {};
    for (const page of manifest.pages) {
      await tab.goto(pathToFileURL(page.file).href, { waitUntil: 'load' });
      await tab.evaluate(() => document.fonts.ready.then(() => undefined));
      results[page.key] = await tab.evaluate(collect);
      await tab.screenshot({ path: page.screenshot, fullPage: true, animations: 'disabled' });
    }
    writeFileSync(resultsPath, JSON.stringify(results));
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const [manifestPath, resultsPath] = process.argv.slice(2);
if (manifestPath === undefined || resultsPath === undefined) {
  process.stderr.write('usage: measure-pages.ts <manifest.json> <results.json>\n');
  process.exit(2);
}
measure(manifestPath, resultsPath).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
