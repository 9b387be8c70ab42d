/**
 * `open-data`: the public, read-only Open311 GeoReport v2 endpoint over the published concerns, for civic
 * tools (docs/open-data.md). An HTTP-triggered function (CloudBase HTTP access service at `/open311`), no
 * sign-in; each path is one line calling one core read (core/concerns/open311.query.ts), which anonymises.
 *
 *   GET /open311/v2/services.json
 *   GET /open311/v2/requests.json?service_code=&status=&start_date=&end_date=&page=&page_size=&extensions=
 *   GET /open311/v2/requests/{service_request_id}.json
 *
 * Answers are GeoReport's: the bare JSON array, or the error list `[{ code, description }]` with its HTTP
 * status (400 bad parameter, 404 unknown path or unpublished concern, 405 any method but GET, 429 past the
 * per-address limit). Every request is counted per client address and minute first.
 *
 * It is built on the console's HTTP kit (function-kit/http-function.ts) for the event handling and the
 * refusal of callFunction calls; the kit matches its public routes by exact 'METHOD /path' keys, so the
 * table below answers every key under /open311/ with the one handler.
 */
import {
  countOpen311Request,
  getOpen311Request,
  listOpen311Requests,
  listOpen311Services,
  type Open311Input,
} from '../../core/concerns/open311.query';
import { open311Error, open311Refusal } from '../../core/concerns/open311.errors';
import { isDomainError } from '../../core/kernel/errors';
import { refused } from '../../core/kernel/outcome';
import { callContext } from '../../function-kit/command-function';
import { httpFunction, type HttpIdentitySource, type PublicRoute } from '../../function-kit/http-function';
import { jsonResponse, type HttpAccessResponse, type HttpRequest } from '../../function-kit/http-event';

const PREFIX = '/open311/';
const V2 = '/open311/v2';

/** Open data: any site's page may read it, caches may keep it for a minute. */
const OPEN_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'cross-origin-resource-policy': 'cross-origin',
  'cache-control': 'public, max-age=60',
};

const routes: ReadonlyArray<readonly [RegExp, (input: Open311Input, match: RegExpExecArray) => unknown]> = [
  [/^\/open311\/v2\/services\.json$/, (input) => listOpen311Services(input)],
  [/^\/open311\/v2\/requests\.json$/, (input) => listOpen311Requests(input)],
  [
    /^\/open311\/v2\/requests\/([^/]+)\.json$/,
    (input, m) => getOpen311Request({ ...input, serviceRequestId: decoded(m[1]!) }),
  ],
];

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function refusedAnswer(e: unknown): HttpAccessResponse {
  if (!isDomainError(e)) console.error('unexpected failure', e);
  const { status, errors } = open311Refusal(isDomainError(e) ? e.code : 'INTERNAL');
  const retryAfterMs = isDomainError(e) ? e.details?.['retryAfterMs'] : undefined;
  return jsonResponse(status, errors, {
    ...OPEN_HEADERS,
    'cache-control': 'no-store',
    ...(status === 405 ? { allow: 'GET, HEAD' } : {}),
    ...(typeof retryAfterMs === 'number' ? { 'retry-after': String(Math.ceil(retryAfterMs / 1000)) } : {}),
  });
}

async function answer(request: HttpRequest): Promise<HttpAccessResponse> {
  try {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      throw open311Error('OPEN311_METHOD_NOT_ALLOWED');
    const { ports } = callContext();
    await countOpen311Request(ports, request.ip);
    for (const [pattern, route] of routes) {
      const m = pattern.exec(request.path);
      if (m !== null) return jsonResponse(200, await route({ ports, query: request.query }, m), OPEN_HEADERS);
    }
    throw open311Error('OPEN311_NOT_FOUND');
  } catch (e) {
    return refusedAnswer(e);
  }
}

const pathOfKey = (key: string | symbol): string | null =>
  typeof key === 'string' && key.includes(' ') ? key.slice(key.indexOf(' ') + 1) : null;

/** The kit's public-route table, answering `answer` for every 'METHOD /path' key under /open311/. */
function everyPathUnder(prefix: string, route: PublicRoute): Readonly<Record<string, PublicRoute>> {
  const covers = (key: string | symbol) => pathOfKey(key)?.startsWith(prefix) === true;
  return new Proxy<Record<string, PublicRoute>>(
    {},
    {
      get: (_target, key) => (covers(key) ? route : undefined),
      getOwnPropertyDescriptor: (_target, key) =>
        covers(key) ? { value: route, writable: false, enumerable: true, configurable: true } : undefined,
    },
  );
}

/** No sessions here: nothing reaches the kit's protected prefix (every /open311/ path is public above). */
const noSessions: HttpIdentitySource = {
  identify: () => Promise.resolve(refused('NOT_FOUND', '开放数据接口不需要登录')),
};

export const main = httpFunction({
  protectedPrefix: `${V2}/private/`,
  identity: noSessions,
  routes: {},
  publicRoutes: everyPathUnder(PREFIX, answer),
});
