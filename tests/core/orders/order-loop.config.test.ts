/**
 * The order loop's configuration: its defaults name real things (the pages the messages open are pages of
 * the mini-program, the templates are declared), and a mistaken override is refused.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_ORDER_LOOP_CONFIG, orderLoopConfig } from '../../../core/orders/order-loop.config';

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

describe('DEFAULT_ORDER_LOOP_CONFIG', () => {
  test.each(Object.entries(DEFAULT_ORDER_LOOP_CONFIG.pages))(
    'pages.%s (%s) is a page of miniprogram/app.json',
    (_key, page) => {
      expect(miniProgramPages).toContain(page);
    },
  );

  test.each(Object.entries(DEFAULT_ORDER_LOOP_CONFIG.templates))(
    'templates.%s (%s) is declared in database/message-templates.json',
    (_key, templateId) => {
      expect(Object.keys(templates.templates)).toContain(templateId);
    },
  );
});

describe('orderLoopConfig', () => {
  test('replaces values section by section', () => {
    const config = orderLoopConfig({ matching: { maxProviders: 4 } });
    expect(config.matching).toEqual({ ...DEFAULT_ORDER_LOOP_CONFIG.matching, maxProviders: 4 });
    expect(config.pages).toEqual(DEFAULT_ORDER_LOOP_CONFIG.pages);
  });

  test('refuses bounds that contradict each other', () => {
    expect(() => orderLoopConfig({ matching: { minProviders: 6 } })).toThrow('minProviders <= maxProviders');
    expect(() => orderLoopConfig({ timerBatchSize: 0 })).toThrow('must be > 0');
  });
});
