/** The Yulin org tree of the demo data: 7 real county-level units, 172 communities (75 urban, 97 township). */
import { DEMO_COMMUNITY_ID, DEMO_GRID_ID } from '../../demo/demo.constants';
import { DEMO_PATHS } from '../../demo/demo-identities';
import { buildYulinGeography } from '../../demo/yulin.geography';
import { checkOrgTree } from '../../core/org/org-tree';
import { buildPath, isOrgPath, levelOfPath } from '../../core/org/org-path';

const NOW = Date.UTC(2024, 0, 1);
const geo = buildYulinGeography(NOW);

describe('Yulin org tree', () => {
  test('one city, 玉林市, with its official code', () => {
    const cities = geo.units.filter((u) => u.level === 'city');
    expect(cities.map((c) => [c.name, c._id, c.path])).toEqual([['玉林市', '450900', '/450900/']]);
  });

  test('exactly the 7 county-level units, by their real names and codes', () => {
    expect(geo.counties.map((c) => [c.name, c.divisionCode])).toEqual([
      ['玉州区', '450902'],
      ['福绵区', '450903'],
      ['容县', '450921'],
      ['陆川县', '450922'],
      ['博白县', '450923'],
      ['兴业县', '450924'],
      ['北流市', '450981'],
    ]);
  });

  test('172 communities: 75 urban under 街道 and 97 township under 镇', () => {
    expect(geo.communities).toHaveLength(172);
    const urban = geo.communities.filter((c) => c.kind === 'urban');
    const township = geo.communities.filter((c) => c.kind === 'township');
    expect(urban).toHaveLength(75);
    expect(township).toHaveLength(97);
    for (const c of urban) expect(geo.byId.get(c.parentId!)!.kind).toBe('subdistrict');
    for (const c of township) expect(geo.byId.get(c.parentId!)!.kind).toBe('town');
  });

  test.each([
    [
      '玉州区',
      ['玉城街道', '名山街道', '南江街道', '城西街道', '城北街道', '大塘镇', '茂林镇', '仁东镇', '仁厚镇'],
    ],
    ['北流市', ['城南街道', '北流镇']],
    ['容县', ['容州镇']],
    ['博白县', ['博白镇']],
  ])('%s has its streets and towns', (countyName, streetNames) => {
    const county = geo.counties.find((c) => c.name === countyName)!;
    const names = geo.streets.filter((s) => s.parentId === county._id).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(streetNames));
  });

  test('street-level units are 街道 or 镇 and named accordingly', () => {
    for (const street of geo.streets) {
      expect(street.name.endsWith(street.kind === 'subdistrict' ? '街道' : '镇')).toBe(true);
    }
  });

  test('every community has 2 to 4 grids (小区/网格)', () => {
    for (const community of geo.communities) {
      const grids = geo.gridsOfCommunity.get(community._id) ?? [];
      expect(grids.length).toBeGreaterThanOrEqual(2);
      expect(grids.length).toBeLessThanOrEqual(4);
      for (const grid of grids) expect(grid.parentId).toBe(community._id);
      expect(new Set(grids.map((g) => g.name)).size).toBe(grids.length);
    }
    expect(geo.grids.length).toBe([...geo.gridsOfCommunity.values()].reduce((n, g) => n + g.length, 0));
  });

  test('the tree is sound: every path extends its parent path, levels follow depth', () => {
    expect(checkOrgTree(geo.units)).toEqual([]);
    for (const unit of geo.units) {
      expect(isOrgPath(unit.path)).toBe(true);
      expect(levelOfPath(unit.path)).toBe(unit.level);
      if (unit.parentId !== null) {
        const parent = geo.byId.get(unit.parentId)!;
        expect(unit.path).toBe(buildPath(parent.path, unit._id));
        expect(unit.fullName).toBe(parent.fullName + unit.name);
      }
    }
  });

  test('ids and paths are unique; sibling names are unique', () => {
    expect(new Set(geo.units.map((u) => u._id)).size).toBe(geo.units.length);
    expect(new Set(geo.units.map((u) => u.path)).size).toBe(geo.units.length);
    const siblings = new Map<string, Set<string>>();
    for (const unit of geo.units) {
      const names = siblings.get(unit.parentId ?? '') ?? new Set<string>();
      expect(names.has(unit.name)).toBe(false);
      names.add(unit.name);
      siblings.set(unit.parentId ?? '', names);
    }
  });

  test('the tree does not depend on the clock except for timestamps', () => {
    const later = buildYulinGeography(NOW + 1000);
    expect(later.units.map((u) => u.path)).toEqual(geo.units.map((u) => u.path));
  });

  test('the demo units exist where the demo identities expect them', () => {
    expect(geo.byId.get(DEMO_COMMUNITY_ID)!.path).toBe(DEMO_PATHS.community);
    expect(geo.byId.get(DEMO_GRID_ID)!.path).toBe(DEMO_PATHS.grid);
    expect(geo.byId.get(DEMO_COMMUNITY_ID)!.fullName).toBe('玉林市玉州区玉城街道东门社区');
    for (const path of Object.values(DEMO_PATHS)) expect(geo.units.some((u) => u.path === path)).toBe(true);
  });
});
