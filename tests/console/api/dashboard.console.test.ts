/**
 * 数据看板 through the real admin-api on the local cloud: each month's figures equal a direct count of the
 * same documents (read through the SDK and counted by tests/console/support/dashboard-direct-count.ts from the definitions of
 * docs/dashboard.md, not by the dashboard's code), a street's figures equal the sum of its communities'
 * (each asked for on its own), the heat map and the forecast's history equal the orders, a community worker
 * cannot look at another community (403, nothing written), and bad input is INVALID_INPUT, nothing written.
 */
import type { DashboardReply } from '../../../core/console/dashboard.replies';
import { consoleCloud, type ConsoleBrowser } from '../support/console-cloud';
import {
  directCount,
  KPI_KEYS as KEYS,
  monthStart,
  pairsOf as pairs,
  prefixOf,
  sumOf as sum,
  type Doc,
} from '../support/dashboard-direct-count';

const cloud = consoleCloud();
const STREET = '/450900/450902/450902001/';
const DONGMEN_ID = '450902001001';
const regexp = (prefix: string) => prefixOf(cloud, prefix);

beforeEach(() => cloud.nextMinute());

describe('a street worker’s dashboard', () => {
  let street: ConsoleBrowser;
  let reply: DashboardReply;
  beforeAll(async () => {
    street = await cloud.signIn('street.worker');
    const r = await street.get<DashboardReply>('/console/api/dashboard?from=2024-04&to=2025-03');
    expect({ status: r.status, code: r.code }).toEqual({ status: 200, code: 'OK' });
    reply = r.data;
  });

  test('covers the months asked for, in Asia/Shanghai, with every rate’s definition', () => {
    expect(reply.unit?.orgPath).toBe(STREET);
    expect(reply.months).toEqual([
      '2024-04',
      '2024-05',
      '2024-06',
      '2024-07',
      '2024-08',
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
      '2025-03',
    ]);
    expect(reply.definitions.map((d) => d.key)).toEqual(KEYS);
    const response = reply.definitions.find((d) => d.key === 'response')!;
    expect(response.inTime).toContain('24 小时');
    expect(reply.total.services.numerator).toBeGreaterThan(50);
  });

  test('each month’s figures equal a direct count of the street’s documents', async () => {
    const now = cloud.now();
    for (const [i, month] of reply.months.entries()) {
      const [y, m] = month.split('-').map(Number) as [number, number];
      const expected = await directCount(cloud, STREET, monthStart(y, m), monthStart(y, m + 1), reply.now);
      expect({ month, figures: pairs(reply.monthly[i]!) }).toEqual({ month, figures: expected });
    }
    expect(reply.now).toBeLessThanOrEqual(now + 60_000);
    // The rates are the quotients of what they show.
    const r = reply.total.response;
    expect(r.rate).toBeCloseTo(r.numerator / r.denominator, 10);
    expect(reply.total.satisfaction.rate).not.toBeNull();
    expect(reply.total.followUp.denominator).toBeGreaterThan(0);
    expect(reply.total.response.numerator).toBeLessThan(reply.total.response.denominator);
  });

  test('the street’s figures are the sum of its communities’, each asked for on its own', async () => {
    expect(reply.childLevel).toBe('community');
    expect(reply.children.length).toBeGreaterThan(1);
    for (const c of reply.children) expect(c.unit.orgPath.startsWith(STREET)).toBe(true);
    const separately: DashboardReply[] = [];
    for (const c of reply.children) {
      const r = await street.get<DashboardReply>(
        `/console/api/dashboard?orgUnitId=${c.unit.unitId}&from=2024-04&to=2025-03`,
      );
      expect(r.code).toBe('OK');
      expect(r.data.unit?.unitId).toBe(c.unit.unitId);
      expect(pairs(r.data.total)).toEqual(pairs(c.total));
      separately.push(r.data);
    }
    for (const [i] of reply.months.entries()) {
      expect(sum(separately.map((s) => s.monthly[i]!))).toEqual(pairs(reply.monthly[i]!));
    }
    expect(sum(separately.map((s) => s.total))).toEqual(pairs(reply.total));
  });

  test('the heat map holds the orders placed per community, item and month', async () => {
    const { heatMap } = reply;
    expect(heatMap.units.map((u) => u.orgPath)).toEqual(reply.children.map((c) => c.unit.orgPath));
    const perMonth = reply.months.map((_, i) =>
      heatMap.cells.filter((c) => c[2] === i).reduce((s, c) => s + c[3], 0),
    );
    expect(perMonth).toEqual(reply.monthly.map((m) => m.services.denominator));
    // One cell against the orders themselves.
    const [u, i, m, count] = [...heatMap.cells].sort((a, b) => b[3] - a[3])[0]!;
    const [y, mo] = reply.months[m]!.split('-').map(Number) as [number, number];
    const _ = cloud.db.command;
    expect(
      await cloud.count('orders', {
        orgPath: regexp(heatMap.units[u]!.orgPath),
        itemId: heatMap.items[i]!.itemId,
        createdAt: _.and([_.gte(monthStart(y, mo)), _.lt(monthStart(y, mo + 1))]),
      }),
    ).toBe(count);
  });

  test('the forecast is made from the complete months’ orders per item, with its backtest error', async () => {
    const { forecast } = reply;
    expect(forecast.targetMonth).toBe('2025-03');
    expect(forecast.historyMonths[forecast.historyMonths.length - 1]).toBe('2025-02');
    expect(forecast.method).toContain('去年同月');
    const top = forecast.items[0]!;
    const _ = cloud.db.command;
    for (const [k, month] of forecast.historyMonths.entries()) {
      const [y, m] = month.split('-').map(Number) as [number, number];
      const direct = await cloud.count('orders', {
        orgPath: regexp(STREET),
        itemId: top.itemId,
        createdAt: _.and([_.gte(monthStart(y, m)), _.lt(monthStart(y, m + 1))]),
      });
      expect({ month, orders: top.history[k] }).toEqual({ month, orders: direct });
    }
    expect(top.backtest.points.length).toBeGreaterThan(0);
    expect(top.backtest.mae).not.toBeNull();
    for (const p of top.backtest.points) {
      expect(p.actual).toBe(top.history[forecast.historyMonths.indexOf(p.month)]);
    }
    expect(forecast.overall.backtest.mae).not.toBeNull();
  });

  test('a past period forecasts the month after it, from the months up to its end only', async () => {
    const r = await street.get<DashboardReply>('/console/api/dashboard?from=2024-04&to=2024-09');
    expect(r.code).toBe('OK');
    const { forecast } = r.data;
    expect(forecast.targetMonth).toBe('2024-10');
    expect(forecast.historyMonths.at(-1)).toBe('2024-09');
    // The demo's orders begin in 2024-03: the history starts there.
    expect(forecast.historyMonths[0]).toBe('2024-03');
    const _ = cloud.db.command;
    for (const item of forecast.items.slice(0, 2)) {
      // The period's last month (counted with the period) and one month before the period (counted apart).
      for (const month of ['2024-09', '2024-03']) {
        const k = forecast.historyMonths.indexOf(month);
        const [y, m] = month.split('-').map(Number) as [number, number];
        const direct = await cloud.count('orders', {
          orgPath: regexp(STREET),
          itemId: item.itemId,
          createdAt: _.and([_.gte(monthStart(y, m)), _.lt(monthStart(y, m + 1))]),
        });
        expect({ item: item.itemId, month, orders: item.history[k] }).toEqual({
          item: item.itemId,
          month,
          orders: direct,
        });
      }
    }
  });

  test('the default period is the 12 months up to the current one', async () => {
    const r = await street.get<DashboardReply>('/console/api/dashboard');
    expect(r.code).toBe('OK');
    expect(r.data.months).toHaveLength(12);
    expect(r.data.months[11]).toBe('2025-03');
  });
});

describe('scope and bad input', () => {
  test('a community worker sees their community and cannot ask for another: 403, nothing written', async () => {
    const community = await cloud.signIn('community.worker');
    const own = await community.get<DashboardReply>('/console/api/dashboard?from=2025-01&to=2025-02');
    expect(own.code).toBe('OK');
    expect(own.data.unit?.unitId).toBe(DONGMEN_ID);
    expect(own.data.childLevel).toBe('grid');

    const siblings = await cloud.find<Doc>('org_units', { parentId: '450902001', level: 'community' });
    const other = siblings.find((u) => u._id !== DONGMEN_ID)!;
    for (const unitId of [other._id, '450902001', '450981001001', 'no-such-unit']) {
      const before = cloud.wholeMark();
      const r = await community.get(`/console/api/dashboard?orgUnitId=${unitId}`);
      expect({ unitId, status: r.status, code: r.code }).toEqual({
        unitId,
        status: 403,
        code: 'OUT_OF_SCOPE',
      });
      expect(cloud.wholeMark()).toEqual(before);
    }
  });

  test('bad input answers INVALID_INPUT with a Chinese message, nothing written', async () => {
    const street = await cloud.signIn('street.worker');
    const cases: Array<[string, string]> = [
      ['from=2024-13', '开始月份格式应为 YYYY-MM'],
      ['from=2024-06-01', '开始月份格式应为 YYYY-MM'],
      ['from=2024-09&to=2024-06', '结束月份不能早于开始月份'],
      ['from=2023-01&to=2024-06', '一次最多查看 12 个月'],
      ['orgUnitId=%24bad', '单位编号格式不正确'],
    ];
    for (const [query, message] of cases) {
      const before = cloud.wholeMark();
      const r = await street.get(`/console/api/dashboard?${query}`);
      expect({ query, status: r.status, code: r.code }).toEqual({
        query,
        status: 400,
        code: 'INVALID_INPUT',
      });
      expect({ query, message: r.message }).toEqual({ query, message });
      expect(cloud.wholeMark()).toEqual(before);
    }
  });
});
