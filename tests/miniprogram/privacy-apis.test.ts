/**
 * Every page that calls a WeChat privacy API (用户隐私保护指引: the clipboard, the phone-number button,
 * photos, location, the address, files, the camera, the microphone...) goes through the one privacy flow:
 * it carries the `privacy-popup` (which answers wx.onNeedPrivacyAuthorization for the page on top) and asks
 * through the guard first (`ensurePrivacyAuthorized` / `copyToClipboard`, components/privacy-popup/
 * privacy-guard.ts) rather than calling the API bare. A page that starts using such an API fails here until
 * it does; the pages' own tests (miniprogram-simulate) show each flow working.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', 'miniprogram');

/** WeChat's privacy APIs and components (the list of the 用户隐私保护指引), as they appear in code. */
const PRIVACY_API =
  /wx\.(setClipboardData|getClipboardData|chooseImage|chooseMedia|chooseVideo|chooseMessageFile|saveImageToPhotosAlbum|saveVideoToPhotosAlbum|getLocation|getFuzzyLocation|chooseLocation|choosePoi|startLocationUpdate|startLocationUpdateBackground|chooseAddress|chooseInvoice|chooseInvoiceTitle|getWeRunData|chooseLicensePlate|startRecord|getRecorderManager|createCameraContext|addPhoneContact|addPhoneCalendar|addPhoneRepeatCalendar|openBluetoothAdapter)\b|open-type="(getPhoneNumber|getRealtimePhoneNumber|chooseAvatar)"|type="nickname"|<camera\b/;

/** The guard's helpers that call a privacy API themselves (after the guide): a page using one uses the API. */
const GUARDED_API = /\bcopyToClipboard\(/;

/** What calls the API through the flow: the guard's own helpers. */
const THROUGH_THE_GUARD = /\b(ensurePrivacyAuthorized|copyToClipboard)\(/;

interface AppJson {
  pages: string[];
  subPackages: Array<{ root: string; pages: string[] }>;
}
const app = JSON.parse(readFileSync(join(ROOT, 'app.json'), 'utf8')) as AppJson;
const pages = [...app.pages, ...app.subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))];

const source = (page: string, ext: string) => {
  const file = join(ROOT, `${page}.${ext}`);
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
};
const usesPrivacyApi = (page: string) => {
  const code = source(page, 'ts') + source(page, 'wxml');
  return PRIVACY_API.test(code) || GUARDED_API.test(code);
};

const privacyPages = pages.filter(usesPrivacyApi);

test('the pages calling a privacy API are the ones the guard’s comment names', () => {
  expect(privacyPages.sort()).toEqual([
    'packages/privacy/pages/my-data/my-data',
    'packages/staff/pages/invite/invite',
    'pages/profile/profile',
  ]);
});

describe.each(privacyPages)('%s', (page) => {
  test('carries the privacy popup', () => {
    const json = JSON.parse(source(page, 'json')) as { usingComponents?: Record<string, string> };
    expect(json.usingComponents?.['privacy-popup']).toBe('/components/privacy-popup/privacy-popup');
    expect(source(page, 'wxml')).toMatch(/<privacy-popup id="privacy" \/>/);
  });

  test('asks through the guard before the API', () => {
    expect(source(page, 'ts')).toMatch(THROUGH_THE_GUARD);
    // The clipboard only through copyToClipboard: no bare call left on the page.
    expect(source(page, 'ts')).not.toMatch(/wx\.setClipboardData/);
  });
});

test('nothing outside the pages calls a privacy API but the guard itself', () => {
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  const shared = ['services', 'view-models', 'utils', 'behaviors', 'components']
    .flatMap((dir) => walk(join(ROOT, dir)))
    .filter((f) => /\.(ts|wxml)$/.test(f) && !f.endsWith('privacy-guard.ts'));
  for (const file of shared)
    expect([file, PRIVACY_API.test(readFileSync(file, 'utf8'))]).toEqual([file, false]);
  expect(readFileSync(join(ROOT, 'components/privacy-popup/privacy-guard.ts'), 'utf8')).toMatch(
    /ensurePrivacyAuthorized\(\)\)\) return 'declined';\s+return new Promise[\s\S]*wx\.setClipboardData/,
  );
});
