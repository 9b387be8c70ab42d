/** checkOrgTree: every unit's path is its parent's path plus its id, and its level is one below its parent's. */
import {
  checkOrgTree,
  childLevelOf,
  fullNameOf,
  parentLevelOf,
  unitsWithin,
  type OrgTreeNode,
} from '../../../core/org/org-tree';
import type { OrgLevel } from '../../../core/org/org-levels';

const unit = (
  _id: string,
  level: OrgLevel,
  parentId: string | null,
  path: string,
  name = _id,
): OrgTreeNode => ({
  _id,
  name,
  level,
  parentId,
  path,
});

const SOUND: OrgTreeNode[] = [
  unit('c', 'city', null, '/c/', '玉林市'),
  unit('k', 'county', 'c', '/c/k/', '玉州区'),
  unit('s', 'street', 'k', '/c/k/s/', '玉城街道'),
  unit('m', 'community', 's', '/c/k/s/m/', '东门社区'),
  unit('g', 'grid', 'm', '/c/k/s/m/g/', '金港花园小区'),
];

describe('checkOrgTree', () => {
  test('a sound tree has no problem', () => {
    expect(checkOrgTree(SOUND)).toEqual([]);
  });

  test.each([
    ['a duplicated id', [...SOUND, unit('g', 'grid', 'm', '/c/k/s/m/g/')], '组织编号重复'],
    [
      'a path that does not extend its parent',
      [...SOUND.slice(0, 4), unit('g', 'grid', 'm', '/c/k/s/x/g/')],
      '路径与上级路径不一致',
    ],
    ['a level that skips one', [...SOUND.slice(0, 3), unit('g', 'grid', 's', '/c/k/s/g/')], '不能位于'],
    ['a missing parent', [...SOUND, unit('z', 'grid', 'nope', '/c/k/s/nope/z/')], '不存在'],
    [
      'a second root below city level',
      [...SOUND, unit('r', 'county', null, '/r/')],
      '只有市级单位可以没有上级',
    ],
    ['a malformed path', [...SOUND, unit('bad', 'grid', 'm', 'c/k/s/m/bad')], '组织路径格式不正确'],
    ['a level that does not fit the depth', [SOUND[0]!, unit('k', 'street', 'c', '/c/k/')], '与路径深度不符'],
  ])('reports %s', (_what, units, message) => {
    const problems = checkOrgTree(units);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.map((p) => p.problem).join('；')).toContain(message);
  });
});

describe('tree helpers', () => {
  test.each([
    ['city', 'county', null],
    ['county', 'street', 'city'],
    ['street', 'community', 'county'],
    ['community', 'grid', 'street'],
    ['grid', null, 'community'],
  ] as [OrgLevel, OrgLevel | null, OrgLevel | null][])('%s: child %s, parent %s', (level, child, parent) => {
    expect(childLevelOf(level)).toBe(child);
    expect(parentLevelOf(level)).toBe(parent);
  });

  test('unitsWithin keeps the scope and what lies below it', () => {
    expect(unitsWithin(SOUND, '/c/k/s/').map((u) => u._id)).toEqual(['s', 'm', 'g']);
  });

  test('fullNameOf joins the names along the path', () => {
    const byId = new Map(SOUND.map((u) => [u._id, u]));
    expect(fullNameOf('/c/k/s/m/g/', byId)).toBe('玉林市玉州区玉城街道东门社区金港花园小区');
  });
});
