/**
 * How the tests run Debian's Chromium (playwright-core, headless, as root): the flags that keep a headless run
 * quiet and offline (no sandbox as root, no GPU, no first-run, background or update traffic, no sync). Each
 * test gives it a fresh `--user-data-dir` through `launchPersistentContext`.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
