/**
 * 数据看板 in a real browser (headless Debian Chromium through playwright-core, as console.browser.test.ts):
 * a street worker opens the dashboard from the menu; its charts are drawn (pixels on each canvas) and the
 * figures they draw, and the KPI cards beside them, equal a direct count of the street's documents
 * (tests/console/support/dashboard-direct-count.ts, by the written definitions, not the dashboard's code).
 * The page must load nothing from elsewhere and raise no CSP violation. The screen is saved to
 * build/console-screens/20-dashboard.png (git-ignored).
 */
import type { DashboardReply, KpiKey } from '../../../core/console/dashboard.replies';
import { consoleBrowser } from '../support/console-browser';
import { directCount, monthBounds, type Pairs } from '../support/dashboard-direct-count';

jest.setTimeout(240_000);

const STREET = '/450900/450902/450902001/';
const RATES: ReadonlyArray<[KpiKey, string]> = [
  ['response', '响应率'],
  ['completion', '办结率'],
  ['satisfaction', '满意率'],
  ['followUp', '回访及时率'],
];

// The violations and failed requests are checked at the end of the test itself.
const ui = consoleBrowser({ name: 'dashboard', checkAfterEach: false });
const { cloud, shot, signIn } = ui;

interface Series {
  readonly name: string | null;
  readonly data: ReadonlyArray<unknown>;
}

/** The series a chart draws (EChart.vue puts them on its host element). */
async function seriesOf(chart: string): Promise<Series[]> {
  const attr = await ui.page.locator(`[data-test="${chart}"]`).getAttribute('data-series');
  return JSON.parse(attr ?? '[]') as Series[];
}

async function series(chart: string, name: string): Promise<ReadonlyArray<unknown>> {
  const found = (await seriesOf(chart)).find((s) => s.name === name);
  if (found === undefined) throw new Error(`${chart} has no series ${name}`);
  return found.data;
}

/** The part of a canvas element the check uses (the tests compile without the DOM library). */
interface CanvasLike {
  readonly width: number;
  readonly height: number;
  getContext(kind: '2d'): {
    getImageData(x: number, y: number, w: number, h: number): { readonly data: ArrayLike<number> };
  } | null;
}

/** How many pixels of the chart's canvas are painted (not fully transparent). */
function paintedPixels(chart: string): Promise<number> {
  return ui.page
    .locator(`[data-test="${chart}"] canvas`)
    .first()
    .evaluate((element) => {
      const canvas = element as unknown as CanvasLike;
      const ctx = canvas.getContext('2d');
      if (ctx === null || canvas.width === 0 || canvas.height === 0) return 0;
      const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) painted += 1;
      return painted;
    });
}

const percent = (p: number[]) => (p[1] === 0 ? null : Math.round((p[0]! / p[1]!) * 1000) / 10);

describe('a street worker’s dashboard', () => {
  test('draws its charts with figures equal to a direct count', async () => {
    await signIn('street.worker');
    await ui.page.waitForURL(/\/console\/workbench/);

    const answered = ui.page.waitForResponse((r) => r.url().includes('/console/api/dashboard'));
    await ui.page.locator('.t-menu__item', { hasText: '数据看板' }).click();
    await ui.page.waitForURL(/\/console\/dashboard/);
    const reply = ((await (await answered).json()) as { code: string; data: DashboardReply }).data;
    expect(reply.months).toHaveLength(12);
    for (const chart of ['chart-rates', 'chart-counts', 'chart-compare', 'chart-heatmap', 'chart-forecast']) {
      await ui.page.locator(`[data-test="${chart}"] canvas`).first().waitFor();
    }
    await ui.page.waitForLoadState('networkidle');
    // ECharts animates in; wait until the last chart has drawn its figures.
    await ui.page.waitForTimeout(1500);

    // The month-by-month direct count of the street's documents.
    const monthly: Pairs[] = [];
    for (const month of reply.months) {
      const [from, to] = monthBounds(month);
      monthly.push(await directCount(cloud, STREET, from, to, reply.now));
    }
    const [periodFrom] = monthBounds(reply.months[0]!);
    const [, periodTo] = monthBounds(reply.months[reply.months.length - 1]!);
    const whole = await directCount(cloud, STREET, periodFrom, periodTo, reply.now);
    expect(whole.services[1]).toBeGreaterThan(50);

    // The KPI cards: numerator / denominator over the period.
    for (const [key] of RATES) {
      const parts = await ui.page.locator(`[data-test="kpi-${key}"] [data-test="kpi-parts"]`).innerText();
      expect({ key, parts: parts.trim() }).toEqual({ key, parts: `${whole[key][0]} / ${whole[key][1]}` });
    }
    expect(
      (await ui.page.locator('[data-test="kpi-services"] [data-test="kpi-parts"]').innerText()).trim(),
    ).toBe(`完成 ${whole.services[0]} / 下单 ${whole.services[1]}`);
    expect(
      (await ui.page.locator('[data-test="kpi-matchGaps"] [data-test="kpi-value"]').innerText()).trim(),
    ).toBe(String(whole.matchGaps[0]));

    // The charts: each month's rate (percent, one decimal), orders, services and gaps.
    for (const [key, name] of RATES) {
      expect({ name, data: await series('chart-rates', name) }).toEqual({
        name,
        data: monthly.map((m) => percent(m[key])),
      });
    }
    expect(await series('chart-counts', '下单数')).toEqual(monthly.map((m) => m.services[1]));
    expect(await series('chart-counts', '服务人次')).toEqual(monthly.map((m) => m.services[0]));
    expect(await series('chart-counts', '供给缺口')).toEqual(monthly.map((m) => m.matchGaps[0]));

    // The comparison of communities: one line per community, the default figure (响应率) of each.
    const compare = await seriesOf('chart-compare');
    expect(compare.map((s) => s.name)).toEqual(reply.children.map((c) => c.unit.name));
    for (const c of reply.children.slice(0, 3)) {
      const own: Pairs[] = [];
      for (const month of reply.months) {
        const [from, to] = monthBounds(month);
        own.push(await directCount(cloud, c.unit.orgPath, from, to, reply.now));
      }
      expect({ unit: c.unit.name, data: compare.find((s) => s.name === c.unit.name)!.data }).toEqual({
        unit: c.unit.name,
        data: own.map((m) => percent(m.response)),
      });
    }

    // The heat map over the whole period: its cells add up to the street's orders.
    const cells = (await series('chart-heatmap', '下单数')) as Array<[number, number, number]>;
    expect(cells.reduce((s, c) => s + c[2], 0)).toBe(whole.services[1]);

    // Every chart has painted its canvas.
    for (const chart of ['chart-rates', 'chart-counts', 'chart-compare', 'chart-heatmap', 'chart-forecast']) {
      expect({ chart, painted: (await paintedPixels(chart)) > 1000 }).toEqual({ chart, painted: true });
    }
    // The definitions are written beside the charts.
    const notes = await ui.page.locator('[data-test="kpi-definitions"]').first().innerText();
    expect(notes).toContain('分子');
    expect(notes).toContain('24 小时');
    await shot('20-dashboard', { settle: false });

    expect(ui.violations).toEqual([]);
    expect(ui.failedRequests).toEqual([]);
  });
});
