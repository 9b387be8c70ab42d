/** The org path convention: building, parsing, scope (prefix) checks, roll-up keys and regex prefixes. */
import {
  ancestorPaths,
  buildPath,
  depthOfLevel,
  escapeRegExp,
  isOnSameBranch,
  isOrgPath,
  isWithin,
  levelOfPath,
  parentPathOf,
  parsePath,
  pathDepth,
  pathFromIds,
  prefixPattern,
  prefixRegExpArgs,
  rollUpKey,
  rollUpKeys,
  unitIdOfPath,
} from '../../../core/org/org-path';
import { DomainError } from '../../../core/kernel/errors';
import type { OrgLevel } from '../../../core/org/org-levels';

const CITY = '/450900/';
const COUNTY = '/450900/450902/';
const STREET = '/450900/450902/450902001/';
const COMMUNITY = '/450900/450902/450902001/450902001001/';
const GRID = '/450900/450902/450902001/450902001001/450902001001001/';
const OTHER_STREET = '/450900/450902/450902002/';
const SIBLING_PREFIX = '/450900/450902/4509020011/';

function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return undefined;
}

describe('buildPath and parsePath', () => {
  test.each([
    [null, '450900', CITY],
    [CITY, '450902', COUNTY],
    [COUNTY, '450902001', STREET],
    [STREET, '450902001001', COMMUNITY],
    [COMMUNITY, '450902001001001', GRID],
    [CITY, 'unit_a-1', '/450900/unit_a-1/'],
  ])('buildPath(%s, %s) is %s', (parent, id, expected) => {
    expect(buildPath(parent, id)).toBe(expected);
    expect(parsePath(expected)).toEqual([...(parent === null ? [] : parsePath(parent)), id]);
    expect(pathFromIds(parsePath(expected))).toBe(expected);
  });

  test.each([
    [CITY, 'a/b', 'ORG_UNIT_ID_INVALID'],
    [CITY, '', 'ORG_UNIT_ID_INVALID'],
    [CITY, '甲', 'ORG_UNIT_ID_INVALID'],
    ['450900/', 'x', 'ORG_PATH_INVALID'],
    [GRID, 'x', 'ORG_PATH_INVALID'],
  ])('buildPath(%s, %s) fails with %s', (parent, id, code) => {
    expect(errorCode(() => buildPath(parent, id))).toBe(code);
  });
});

describe('isOrgPath', () => {
  test.each([
    [CITY, true],
    [GRID, true],
    ['/a/', true],
    ['/', false],
    ['', false],
    ['450900/', false],
    ['/450900', false],
    ['/450900//450902/', false],
    ['/a/b/c/d/e/f/', false],
    ['/a b/', false],
    [undefined, false],
    [42, false],
  ])('%p -> %p', (path, expected) => {
    expect(isOrgPath(path)).toBe(expected);
  });
});

describe('isWithin (is the unit inside the scope)', () => {
  test.each([
    [GRID, COMMUNITY, true],
    [GRID, CITY, true],
    [COMMUNITY, COMMUNITY, true],
    [COMMUNITY, GRID, false],
    [STREET, OTHER_STREET, false],
    [SIBLING_PREFIX, STREET, false],
    ['/450900/450902/450902001', STREET, false],
    [GRID, undefined, false],
    [undefined, CITY, false],
    [null, null, false],
    ['/450900/450902/../', COUNTY, false],
  ])('isWithin(%s, %s) = %s', (unit, scope, expected) => {
    expect(isWithin(unit, scope)).toBe(expected);
  });

  test.each([
    [GRID, STREET, true],
    [STREET, GRID, true],
    [STREET, OTHER_STREET, false],
  ])('isOnSameBranch(%s, %s) = %s', (a, b, expected) => {
    expect(isOnSameBranch(a, b)).toBe(expected);
  });
});

describe('ancestors, parents, depth and level', () => {
  test('ancestorPaths lists the root first and can include the path itself', () => {
    expect(ancestorPaths(GRID)).toEqual([CITY, COUNTY, STREET, COMMUNITY]);
    expect(ancestorPaths(GRID, { includeSelf: true })).toEqual([CITY, COUNTY, STREET, COMMUNITY, GRID]);
    expect(ancestorPaths(CITY)).toEqual([]);
    expect(ancestorPaths(CITY, { includeSelf: true })).toEqual([CITY]);
  });

  test.each([
    [CITY, null, 1, 'city', '450900'],
    [COUNTY, CITY, 2, 'county', '450902'],
    [STREET, COUNTY, 3, 'street', '450902001'],
    [COMMUNITY, STREET, 4, 'community', '450902001001'],
    [GRID, COMMUNITY, 5, 'grid', '450902001001001'],
  ] as const)('%s: parent %s, depth %d, level %s, id %s', (path, parent, depth, level, id) => {
    expect(parentPathOf(path)).toBe(parent);
    expect(pathDepth(path)).toBe(depth);
    expect(levelOfPath(path)).toBe(level);
    expect(depthOfLevel(level)).toBe(depth);
    expect(unitIdOfPath(path)).toBe(id);
  });

  test('a malformed path is refused with ORG_PATH_INVALID and a Chinese message', () => {
    expect(errorCode(() => parsePath('450900'))).toBe('ORG_PATH_INVALID');
    expect(() => parsePath('')).toThrow('组织路径格式不正确');
  });
});

describe('roll-up keys', () => {
  test.each([
    [GRID, 'city', CITY],
    [GRID, 'county', COUNTY],
    [GRID, 'street', STREET],
    [GRID, 'community', COMMUNITY],
    [GRID, 'grid', GRID],
    [STREET, 'street', STREET],
    [STREET, 'community', null],
    [CITY, 'county', null],
  ] as [string, OrgLevel, string | null][])('rollUpKey(%s, %s) = %s', (path, level, expected) => {
    expect(rollUpKey(path, level)).toBe(expected);
  });

  test('rollUpKeys gives every level down to the path', () => {
    expect(rollUpKeys(COMMUNITY)).toEqual({
      city: CITY,
      county: COUNTY,
      street: STREET,
      community: COMMUNITY,
    });
  });
});

describe('regex prefix queries', () => {
  test.each([
    ['a.b', 'a\\.b'],
    ['(x)*', '\\(x\\)\\*'],
    ['[a]^$|?+{1}\\', '\\[a\\]\\^\\$\\|\\?\\+\\{1\\}\\\\'],
    ['/450900/a-b/', '/450900/a-b/'],
  ])('escapeRegExp(%s) = %s', (text, expected) => {
    expect(escapeRegExp(text)).toBe(expected);
  });

  test.each([
    [STREET, COMMUNITY, true],
    [STREET, STREET, true],
    [STREET, SIBLING_PREFIX, false],
    [STREET, OTHER_STREET, false],
    [STREET, `x${STREET}`, false],
  ])('prefixPattern(%s) matches %s: %s', (scope, candidate, expected) => {
    expect(new RegExp(prefixPattern(scope)).test(candidate)).toBe(expected);
    expect(isWithin(candidate, scope)).toBe(expected);
  });

  test('the pattern is anchored and case-sensitive, so an index can serve it', () => {
    expect(prefixRegExpArgs(COUNTY)).toEqual({ regexp: '^/450900/450902/', options: '' });
    expect(errorCode(() => prefixPattern('not a path'))).toBe('ORG_PATH_INVALID');
  });
});
