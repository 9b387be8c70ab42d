/**
 * Fuzzing every route of admin-api over real HTTP (docs/testing.md "The fuzz test and the permission
 * matrix"). The routes come from admin-api's own table (tests/functions/support/function-routes.ts), so a
 * new route is fuzzed the day it is added. Each route gets random path parameters (real ids of the worker's
 * unit and of another street, random text, encoded oddities), random query strings and random JSON bodies
 * built from the field names the console's schemas use, as three signed-in workers of different levels and
 * roles, and a random method and path under /console/api/ without a session.
 *
 * For every request: never a 5xx or INTERNAL; a JSON answer with a stable upper-snake code and a Chinese
 * message; a refusal writes nothing at all (the whole database's write mark, bookkeeping included); a
 * request without a session answers 401 whatever it asks.
 *
 * Size: a fixed seed and FUZZ_RUNS requests per identity and route (default 3; FUZZ_RUNS and FUZZ_SEED
 * override both for a longer local run).
 */
import fc from 'fast-check';
import { routesOf } from '../../functions/support/function-routes';
import { consoleCloud, type ConsoleBrowser } from '../support/console-cloud';

const cloud = consoleCloud();

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 3);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261207);
const ROUTES = routesOf('admin-api').routes;
const IDENTITIES = ['community.worker', 'street.leader', 'regulator'] as const;

/** Real ids (filled in beforeAll): path parameters and id-like fields draw from them as well as from noise. */
const real: string[] = [];

/** The field names the console's queries and commands use, so random input reaches the schemas' checks. */
const FIELDS = [
  'orgUnitId',
  'status',
  'itemId',
  'providerId',
  'categoryId',
  'from',
  'to',
  'page',
  'pageSize',
  'kind',
  'to',
  'reason',
  'rectifyDeadline',
  'clientRequestId',
  'openid',
  'targetOpenid',
  'loginName',
  'role',
  'op',
  'name',
  'parentId',
  'phone',
  'address',
  'note',
  'stars',
  'consent',
  'urgent',
  'sortOrder',
  'hidden',
] as const;

const noise = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    '0',
    '-1',
    '1e9',
    'null',
    'true',
    '2026-13-40',
    '2026-11-01',
    '../..',
    '%00',
    '\u0000',
  ),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
);
const idLike = fc.oneof(
  noise,
  fc.constant(null).map(() => real[0] ?? 'x'),
  fc.nat({ max: 1000 }).map((i) => real[i % Math.max(real.length, 1)] ?? 'x'),
);
const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  { depthSize: 'small' },
  idLike,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.integer()), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 3 }),
);
const query = fc.dictionary(fc.constantFrom(...FIELDS), idLike, { maxKeys: 5 });
const body = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELDS), jsonValue, { maxKeys: 8 }),
  fc.dictionary(fc.string({ maxLength: 10 }), jsonValue, { maxKeys: 4 }),
);
const param = fc.oneof(idLike, fc.string({ minLength: 1, maxLength: 30 }));

function pathOf(pattern: string, params: readonly string[], q: Record<string, string>): string {
  let i = 0;
  const path = pattern.replace(/:(\w+)/g, () => encodeURIComponent(params[i++] || 'x'));
  const search = new URLSearchParams(q).toString();
  return search === '' ? path : `${path}?${search}`;
}

const seen = { requests: 0, codes: new Map<string, number>() };

function expectWellFormed(reply: { status: number; code: string; message: string }): void {
  expect(reply.status).toBeLessThan(500);
  expect(reply.code).not.toBe('INTERNAL');
  expect(reply.code).toMatch(/^[A-Z][A-Z0-9_]*$/);
  expect(reply.message).toMatch(/[\u4e00-\u9fa5]/);
  seen.requests += 1;
  seen.codes.set(reply.code, (seen.codes.get(reply.code) ?? 0) + 1);
}

const browsers = new Map<string, ConsoleBrowser>();

beforeAll(async () => {
  const orders = await cloud.find<{ _id: string }>('orders', {}, 3);
  const providers = await cloud.find<{ _id: string }>('providers', {}, 3);
  const units = await cloud.find<{ _id: string }>('org_units', {}, 5);
  real.push(...orders.map((o) => o._id), ...providers.map((p) => p._id), ...units.map((u) => u._id));
  real.push('grid.worker', 'demo-grid-worker-1', 'item-appliance-repair');
  for (const name of IDENTITIES) browsers.set(name, await cloud.signIn(name));
});

test('the route table is read from admin-api', () => {
  expect(ROUTES).toContain('GET /console/api/orders');
  expect(ROUTES.length).toBeGreaterThanOrEqual(10);
});

describe.each(IDENTITIES)('as %s', (identity) => {
  test.each(ROUTES)('%s', async (route) => {
    const [method, pattern] = route.split(' ') as [string, string];
    const browser = browsers.get(identity)!;
    await fc.assert(
      fc.asyncProperty(fc.array(param, { minLength: 3, maxLength: 3 }), query, body, async (p, q, b) => {
        const path = pathOf(pattern, p, q as Record<string, string>);
        const before = cloud.wholeMark();
        const reply =
          method === 'GET' ? await browser.get(path) : await browser.request(method, path, { json: b });
        expectWellFormed(reply);
        // A refusal writes nothing; a read that succeeded may only have moved the session's idle end on.
        if (reply.code !== 'OK') expect(cloud.wholeMark()).toEqual(before);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });
});

test('without a session, any method and path under /console/api/ answers 401 and writes nothing', async () => {
  // A '.' or '..' segment is resolved by the URL itself, before the request leaves (it may leave /console/api/).
  const segment = fc
    .oneof(fc.constantFrom('orders', 'providers', 'session', 'dashboard', ''), param)
    .filter((s) => s !== '.' && s !== '..');
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
      fc.array(segment, { minLength: 1, maxLength: 4 }),
      body,
      async (method, segments, b) => {
        const path = `/console/api/${segments.map((s) => encodeURIComponent(s)).join('/')}`;
        const before = cloud.wholeMark();
        const reply =
          method === 'GET'
            ? await cloud.browser().get(path)
            : await cloud.browser().request(method, path, { json: b });
        expectWellFormed(reply);
        expect(reply.status).toBe(401);
        expect(cloud.wholeMark()).toEqual(before);
      },
    ),
    { numRuns: RUNS * 10, seed: SEED, endOnFailure: true },
  );
});

afterAll(() => {
  const codes = [...seen.codes.entries()].sort((a, b) => b[1] - a[1]);
  console.log(
    `admin-api fuzz: ${seen.requests} requests, ${ROUTES.length} routes; codes: ${codes.map(([c, n]) => `${c} ${n}`).join(', ')}`,
  );
});
