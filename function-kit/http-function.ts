/**
 * The HTTP-triggered function's kit (admin-api, the console's only backend; docs/console.md): the same
 * routes-to-use-cases path as every command function (`runRoute` of command-function.ts, the same ports,
 * actor loading and use cases), with the identity taken from a session instead of the WeChat context.
 *
 * Order of checks, each answered before the next is looked at, and none writing anything:
 * 1. an event that is not an HTTP access request (a callFunction call): `HTTP_REQUEST_REQUIRED`;
 * 2. the public routes (sign-in), matched exactly;
 * 3. every path under the protected prefix, known or not: no valid session, 401, before any routing;
 * 4. a session that may only do some things yet (a one-time password to change), 403 for the rest;
 * 5. a write (any method but GET and HEAD): a foreign Origin 403, no or a wrong CSRF token 403;
 * 6. the route: an unknown path 404, a known path with another method 405;
 * 7. a write's body: not JSON 415, not a JSON object 400;
 * 8. the use case; a refusal's code decides the status (`statusOf`): not found and out of scope alike 403.
 * Paths outside the protected prefix and the public routes answer 404.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Outcome } from '../core/kernel/outcome';
import { answerError, isResponse, jsonBody, refusal, sameOrigin } from './http-answers';
import { runRoute, type CallerIdentity, type CommandRoute, type FunctionContext } from './command-function';
import {
  httpRequestOf,
  isHttpAccessEvent,
  jsonResponse,
  type HttpAccessResponse,
  type HttpRequest,
} from './http-event';

/** What a route's use case is handed as its input: path parameters, query and body, apart. */
export interface RoutedRequest {
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  /** The JSON body of a write; {} for a read. */
  readonly body: Readonly<Record<string, unknown>>;
}

export type HttpRoute = (ctx: FunctionContext, request: RoutedRequest) => Promise<unknown>;

/** A signed-in request's session, as the identity source found it. */
export interface HttpSession {
  readonly identity: CallerIdentity;
  /** What every write must carry in `X-CSRF-Token` (bound to the session). */
  readonly csrfToken: string;
  /** While set, only these routes ('GET /path') are open; the rest answer this refusal (403). */
  readonly onlyRoutes?: {
    readonly routes: readonly string[];
    readonly code: string;
    readonly message: string;
  };
  /** After a request that succeeded (e.g. moving the session's idle end on). */
  readonly succeeded?: () => Promise<void>;
}

/** Where the request's identity comes from: a console session (function-kit/console-session.ts). */
export interface HttpIdentitySource {
  /** The request's session, or why there is none (answered 401). */
  identify(request: HttpRequest): Promise<Outcome<HttpSession>>;
  /** Headers of a 401 answer (e.g. clearing a cookie that no longer opens a session). */
  refusedHeaders?(request: HttpRequest): Record<string, string>;
}

export type PublicRoute = (request: HttpRequest) => Promise<HttpAccessResponse>;

export interface HttpFunctionOptions {
  /** Every path under it needs a session, known or not ('/console/api/'). */
  readonly protectedPrefix: string;
  readonly identity: HttpIdentitySource;
  /** 'GET /console/api/orders/:orderId' -> route. */
  readonly routes: Readonly<Record<string, HttpRoute>>;
  /** 'POST /console/auth/login' -> handler, matched exactly, before any session is looked for. */
  readonly publicRoutes?: Readonly<Record<string, PublicRoute>>;
}

/** The answer to a call that is not an HTTP access request (a callFunction call, whatever it says). */
export const NOT_HTTP = {
  code: 'HTTP_REQUEST_REQUIRED',
  message: '该云函数只接受 HTTP 访问服务的请求（管理后台接口）',
} as const;

interface Matched {
  readonly name: string;
  readonly route: HttpRoute;
  readonly params: Record<string, string>;
}

/** The route for the method and path: the route, 'method' (the path exists for another method), or null. */
function match(
  routes: Readonly<Record<string, HttpRoute>>,
  method: string,
  path: string,
): Matched | 'method' | null {
  const segments = path.split('/');
  let otherMethod = false;
  for (const [name, route] of Object.entries(routes)) {
    const [routeMethod, pattern] = name.split(' ') as [string, string];
    const parts = pattern.split('/');
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const fits = parts.every((part, i) => {
      if (!part.startsWith(':')) return part === segments[i];
      const value = safeDecode(segments[i]!);
      if (value === null || value.length === 0) return false;
      params[part.slice(1)] = value;
      return true;
    });
    if (!fits) continue;
    if (routeMethod === method || (routeMethod === 'GET' && method === 'HEAD'))
      return { name, route, params };
    otherMethod = true;
  }
  return otherMethod ? 'method' : null;
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function sameSecret(a: string, b: string): boolean {
  const x = createHash('sha256').update(a).digest();
  const y = createHash('sha256').update(b).digest();
  return timingSafeEqual(x, y) && a.length === b.length;
}

const READS = new Set(['GET', 'HEAD']);

/** Why a write is refused before anything is routed: another site's page, no or another CSRF token. */
function writeGate(request: HttpRequest, session: HttpSession): HttpAccessResponse | null {
  const origin = request.headers['origin'];
  if (origin !== undefined && !sameOrigin(origin, request.headers['host'])) {
    return refusal('ORIGIN_NOT_ALLOWED', '请从管理后台页面发起操作');
  }
  const token = request.headers['x-csrf-token'];
  if (token === undefined || !sameSecret(token, session.csrfToken)) {
    return refusal('CSRF_TOKEN_INVALID', '页面已过期，请刷新页面后重试');
  }
  return null;
}

async function protectedRequest(
  options: HttpFunctionOptions,
  request: HttpRequest,
): Promise<HttpAccessResponse> {
  const found = await options.identity.identify(request);
  if (!found.ok) {
    const { code, message } = found.refusal;
    return refusal(code, message, undefined, options.identity.refusedHeaders?.(request));
  }
  const session = found.value;
  const matched = match(options.routes, request.method, request.path);
  const key = matched !== null && matched !== 'method' ? matched.name : null;
  if (session.onlyRoutes !== undefined && (key === null || !session.onlyRoutes.routes.includes(key))) {
    return refusal(session.onlyRoutes.code, session.onlyRoutes.message);
  }
  const writes = !READS.has(request.method);
  const gate = writes ? writeGate(request, session) : null;
  if (gate !== null) return gate;
  if (matched === null)
    return refusal('NOT_FOUND', `没有这个接口：${request.method} ${request.path.slice(0, 100)}`);
  if (matched === 'method') return refusal('METHOD_NOT_ALLOWED', `该接口不支持 ${request.method} 请求`);
  const body = writes ? jsonBody(request) : {};
  if (isResponse(body)) return body;
  const input: RoutedRequest = { params: matched.params, query: request.query, body };
  const route: CommandRoute = (ctx, routed) => matched.route(ctx, routed as RoutedRequest);
  const data = await runRoute(route, matched.name, input, session.identity, { rateLimited: false });
  await session.succeeded?.();
  return jsonResponse(200, { code: 'OK', message: '成功', data });
}

export function httpFunction(options: HttpFunctionOptions) {
  return async function main(
    event: unknown,
  ): Promise<HttpAccessResponse | { code: string; message: string }> {
    if (!isHttpAccessEvent(event)) return NOT_HTTP;
    try {
      const request = httpRequestOf(event);
      const open = options.publicRoutes?.[`${request.method} ${request.path}`];
      if (
        open !== undefined &&
        Object.prototype.hasOwnProperty.call(options.publicRoutes, `${request.method} ${request.path}`)
      ) {
        return await open(request);
      }
      const prefix = options.protectedPrefix;
      if (request.path.startsWith(prefix) || request.path === prefix.replace(/\/$/, '')) {
        return await protectedRequest(options, request);
      }
      return refusal('NOT_FOUND', `没有这个地址：${request.path.slice(0, 100)}`);
    } catch (e) {
      return answerError(e);
    }
  };
}
