/**
 * The concerns pages and WeChat's privacy flow (components/privacy-popup/privacy-guard.ts): picking photos
 * (wx.chooseMedia, a privacy API) happens in the subpackage's photo service, which asks through the guard
 * first; the pages that pick photos carry the privacy popup; nothing else in the subpackage calls a privacy
 * API. (tests/miniprogram/privacy-apis.test.ts looks at the pages' own code and the main package's shared
 * folders, so it does not see a subpackage's service: this holds the concerns subpackage to the same rule.)
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..', 'miniprogram', 'packages', 'concerns');
const PRIVACY_API =
  /wx\.(chooseImage|chooseMedia|chooseMessageFile|setClipboardData|getLocation|chooseLocation)\b/;
const PHOTO_SERVICE = 'services/concern-photos.service.ts';

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) =>
    statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)],
  );
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
/** A page picks photos by calling the service itself or through the subpackage's photo-picker behavior. */
const PICKS_PHOTOS = /\bpickPhotos\(|\bphotoPickerBehavior\b/;

test('only the photo service calls a privacy API, and it asks through the guard first', () => {
  const calling = files(ROOT)
    .filter((f) => /\.(ts|wxml)$/.test(f) && PRIVACY_API.test(readFileSync(f, 'utf8')))
    .map((f) => f.slice(ROOT.length + 1));
  expect(calling).toEqual([PHOTO_SERVICE]);
  expect(read(PHOTO_SERVICE)).toMatch(
    /if \(!\(await ensurePrivacyAuthorized\(\)\)\) \{[\s\S]*?\}\s+return new Promise[\s\S]*wx\.chooseMedia/,
  );
});

test('the photo-picker behavior picks through the service', () => {
  expect(read('behaviors/photo-picker.behavior.ts')).toMatch(/\bpickPhotos\(/);
});

test.each(['submit', 'detail', 'complaint'])(
  'the %s page picks photos through the service and carries the privacy popup',
  (page) => {
    expect(read(`pages/${page}/${page}.ts`)).toMatch(PICKS_PHOTOS);
    const json = JSON.parse(read(`pages/${page}/${page}.json`)) as {
      usingComponents: Record<string, string>;
    };
    expect(json.usingComponents['privacy-popup']).toBe('/components/privacy-popup/privacy-popup');
    expect(read(`pages/${page}/${page}.wxml`)).toMatch(/<privacy-popup id="privacy" \/>/);
  },
);

test.each(['wall', 'mine', 'handling', 'complaints'])('the %s page picks no photos', (page) => {
  expect(read(`pages/${page}/${page}.ts`)).not.toMatch(PICKS_PHOTOS);
});
