/**
 * The console in a real browser, for the tests in tests/console/e2e: headless Debian Chromium through
 * playwright-core against a local cloud (console-cloud.ts) serving the built console (`npm run
 * build:console`, built here when missing or stale) and running the real functions. Calling
 * `consoleBrowser()` at the top of a test file registers, for that file:
 * - beforeAll: the console build, then the local cloud, then one browser with a fresh profile in a temporary
 *   folder (1440×900, zh-CN, Asia/Shanghai), listening to its page for CSP violations, failed requests and
 *   any request to another origin (nothing is loaded from outside: the console's CSP allows only its own);
 * - beforeEach: the clock a minute on (fresh per-minute sign-in limits), the collected problems cleared;
 * - afterEach: no CSP violation and no failed or outside request (unless `checkAfterEach: false`, when the
 *   test checks `violations` and `failedRequests` itself);
 * - afterAll: the browser closed and its profile removed.
 * Screens are saved to build/console-screens/ (git-ignored).
 *
 *   const ui = consoleBrowser({ name: 'ledgers' });
 *   const { cloud, at, shot, signedIn } = ui;
 *   test('…', async () => {
 *     await signedIn('community.worker');
 *     await ui.page.goto(at('/ledgers'));
 *     await shot('30-ledgers');
 *   });
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CONSOLE_OUT, ensureConsoleBuilt } from '../../../scripts/build-console';
import { consoleCloud, DEMO_CONSOLE_PASSWORD, type ConsoleCloud } from './console-cloud';
import { CHROMIUM_ARGS } from '../../helpers/chromium';

/** Where the screens go (git-ignored). */
const SCREENS = join(__dirname, '..', '..', '..', 'build', 'console-screens');

export interface ConsoleBrowserOptions {
  /** Names the temporary profile folder (`weimin-<name>-chromium-…`); 'console' by default. */
  readonly name?: string;
  /** Let the page download files (saved with `download.saveAs`). */
  readonly acceptDownloads?: boolean;
  /** Check the collected violations and failed requests after each test; true by default. */
  readonly checkAfterEach?: boolean;
}

export interface ConsoleBrowserHarness {
  /** The local cloud serving the built console. */
  readonly cloud: ConsoleCloud;
  /** The browser's one page (from beforeAll on). */
  readonly page: Page;
  readonly context: BrowserContext;
  /** The browser's temporary profile folder, removed after the file. */
  readonly profile: string;
  /** CSP violations the page reported in this test. */
  readonly violations: readonly string[];
  /** Requests of this test that failed (other than abandoned ones) or went to another origin. */
  readonly failedRequests: readonly string[];
  /** The address of a console path, e.g. at('/orders'). */
  readonly at: (path: string) => string;
  /** Save the page as build/console-screens/<name>.png, once the network is idle (unless `settle: false`). */
  readonly shot: (name: string, options?: { settle?: boolean }) => Promise<void>;
  /** Open the sign-in page with no cookies, fill in the account and password, and press 登录. */
  readonly signIn: (loginName: string, password?: string) => Promise<void>;
  /** Sign in with the demo password and wait for the workbench and the user's name on it. */
  readonly signedIn: (loginName: string) => Promise<void>;
}

export function consoleBrowser(options: ConsoleBrowserOptions = {}): ConsoleBrowserHarness {
  // The console must be built before the local cloud serves it (a build takes about a minute on 2 cores).
  beforeAll(async () => {
    await ensureConsoleBuilt();
  }, 300_000);

  const cloud = consoleCloud({ consoleDir: CONSOLE_OUT });

  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let profile = '';
  const violations: string[] = [];
  const failedRequests: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENS, { recursive: true });
    profile = mkdtempSync(join(tmpdir(), `weimin-${options.name ?? 'console'}-chromium-`));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env['CONSOLE_CHROMIUM'] ?? '/usr/bin/chromium',
      headless: true,
      args: [...CHROMIUM_ARGS],
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      ...(options.acceptDownloads === true ? { acceptDownloads: true } : {}),
    });
    const opened = context.pages()[0] ?? (await context.newPage());
    page = opened;
    opened.on('console', (msg) => {
      if (/Content Security Policy|Refused to/.test(msg.text())) violations.push(msg.text());
    });
    // A request the page abandons as it navigates on is not a failure; any other is.
    opened.on('requestfailed', (req) => {
      if (req.failure()?.errorText !== 'net::ERR_ABORTED')
        failedRequests.push(`${req.url()} ${req.failure()?.errorText}`);
    });
    // Anything the page asks of another origin would show here.
    opened.on('request', (req) => {
      if (!req.url().startsWith(cloud.url) && !req.url().startsWith('data:')) failedRequests.push(req.url());
    });
  });

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  beforeEach(() => {
    cloud.nextMinute();
    violations.length = 0;
    failedRequests.length = 0;
  });

  // After every scenario: nothing was loaded from elsewhere (or failed to load), no CSP violation.
  if (options.checkAfterEach !== false) {
    afterEach(() => {
      expect(violations).toEqual([]);
      expect(failedRequests).toEqual([]);
    });
  }

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the browser's ${what} is there only from beforeAll on`);
    return value;
  };
  const at = (path: string) => `${cloud.url}/console${path}`;

  const harness: ConsoleBrowserHarness = {
    cloud,
    get page() {
      return started(page, 'page');
    },
    get context() {
      return started(context, 'context');
    },
    get profile() {
      return profile;
    },
    violations,
    failedRequests,
    at,
    shot: async (name, shotOptions = {}) => {
      if (shotOptions.settle !== false) await harness.page.waitForLoadState('networkidle');
      await harness.page.screenshot({ path: join(SCREENS, `${name}.png`), fullPage: true });
    },
    signIn: async (loginName, password = DEMO_CONSOLE_PASSWORD) => {
      const p = harness.page;
      await harness.context.clearCookies();
      await p.goto(at('/login'));
      await p.getByPlaceholder('请输入账号').fill(loginName);
      await p.getByPlaceholder('请输入密码').fill(password);
      await p.locator('[data-test="login-submit"] button, button[data-test="login-submit"]').first().click();
    },
    signedIn: async (loginName) => {
      await harness.signIn(loginName);
      await harness.page.waitForURL(/\/console\/workbench/);
      await harness.page.locator('[data-test="user-name"]').waitFor();
    },
  };
  return harness;
}
