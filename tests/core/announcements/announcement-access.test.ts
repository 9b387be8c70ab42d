/** Who reads a notice: the branch above a reader's grid or community, and the window. */
import { isLive, readerPaths } from '../../../core/announcements/announcement-access';
import { ANNOUNCEMENT_NO_END } from '../../../core/model/announcement.model';

const CITY = '/450900/';
const COUNTY = '/450900/450902/';
const STREET = '/450900/450902/450902001/';
const COMMUNITY = '/450900/450902/450902001/450902001001/';
const GRID = '/450900/450902/450902001/450902001001/450902001001001/';

describe('readerPaths', () => {
  test('a resident of a grid reads every unit from the city down to the grid', () => {
    expect(readerPaths({ openid: 'r', grants: [{ role: 'resident', orgPath: GRID }] })).toEqual([
      CITY,
      COUNTY,
      STREET,
      COMMUNITY,
      GRID,
    ]);
  });

  test.each([
    ['a resident without a home', [{ role: 'resident' as const }]],
    ['a street worker (no grid or community)', [{ role: 'worker' as const, orgPath: STREET }]],
    ['provider staff', [{ role: 'provider_staff' as const, providerId: 'p1' }]],
  ])('%s reads no branch', (_label, grants) => {
    expect(readerPaths({ openid: 'x', grants })).toEqual([]);
  });

  test('a volunteer’s community counts, once', () => {
    const paths = readerPaths({
      openid: 'v',
      grants: [
        { role: 'resident', orgPath: COMMUNITY },
        { role: 'volunteer', orgPath: COMMUNITY, teamId: 't1' },
      ],
    });
    expect(paths).toEqual([CITY, COUNTY, STREET, COMMUNITY]);
  });
});

describe('isLive', () => {
  const at = 1_000_000;
  test.each([
    ['published, in its window', { status: 'published', publishAt: at, visibleUntil: at + 10 }, true],
    [
      'published, without an end',
      { status: 'published', publishAt: at, visibleUntil: ANNOUNCEMENT_NO_END },
      true,
    ],
    [
      'before publishAt',
      { status: 'published', publishAt: at + 1, visibleUntil: ANNOUNCEMENT_NO_END },
      false,
    ],
    ['at its end', { status: 'published', publishAt: at - 10, visibleUntil: at }, false],
    ['a draft', { status: 'draft', publishAt: at, visibleUntil: ANNOUNCEMENT_NO_END }, false],
    ['held', { status: 'held', publishAt: at, visibleUntil: ANNOUNCEMENT_NO_END }, false],
    ['withdrawn', { status: 'withdrawn', publishAt: at, visibleUntil: ANNOUNCEMENT_NO_END }, false],
  ] as const)('%s: %s', (_label, a, live) => {
    expect(isLive(a, at)).toBe(live);
  });
});
