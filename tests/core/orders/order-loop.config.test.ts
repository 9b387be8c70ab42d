/**
 * The order loop's configuration: its defaults name real things (the pages the messages open are pages of
 * the mini-program, the templates are declared), and a mistaken override is refused.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PLATFORM_CONFIG, platformConfig } from '../../../core/kernel/platform.config';

const ROOT = join(__dirname, '..', '..', '..');
const appJson = JSON.parse(readFileSync(join(ROOT, 'miniprogram', 'app.json'), 'utf8')) as {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
};
const templates = JSON.parse(readFileSync(join(ROOT, 'database', 'message-templates.json'), 'utf8')) as {
  templates: Record<string, unknown>;
};

const miniProgramPages = new Set([
  ...appJson.pages,
  ...(appJson.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`)),
]);

describe('DEFAULT_PLATFORM_CONFIG', () => {
  test.each(Object.entries(DEFAULT_PLATFORM_CONFIG.pages))(
    'pages.%s (%s) is a page of miniprogram/app.json',
    (_key, page) => {
      expect(miniProgramPages).toContain(page);
    },
  );

  test.each(Object.entries(DEFAULT_PLATFORM_CONFIG.templates))(
    'templates.%s (%s) is declared in database/message-templates.json',
    (_key, templateId) => {
      expect(Object.keys(templates.templates)).toContain(templateId);
    },
  );
});

describe('platformConfig', () => {
  test('replaces values section by section', () => {
    const config = platformConfig({ matching: { maxProviders: 4 } });
    expect(config.matching).toEqual({ ...DEFAULT_PLATFORM_CONFIG.matching, maxProviders: 4 });
    expect(config.pages).toEqual(DEFAULT_PLATFORM_CONFIG.pages);
  });

  test('refuses bounds that contradict each other', () => {
    expect(() => platformConfig({ matching: { minProviders: 6 } })).toThrow('minProviders <= maxProviders');
    expect(() => platformConfig({ timerBatchSize: 0 })).toThrow('must be > 0');
  });
});
