/**
 * The console's identity source and its sign-in routes, for admin-api (docs/console.md "Sign-in and
 * sessions"): the session token travels in an HttpOnly, SameSite=Strict cookie scoped to `/console/`
 * (Secure everywhere but the local cloud, which speaks plain http on 127.0.0.1); the session itself is
 * server-side (core/console/console-session.ts). The token is never in a response body; the CSRF token is
 * (the page sends it back in `X-CSRF-Token` on every write).
 *
 *   POST /console/auth/login     {loginName, password}           -> the session (and the cookie)
 *   POST /console/auth/password  {currentPassword, newPassword}  -> a new session (a new cookie)
 *   POST /console/auth/logout                                     -> the cookie cleared
 * The last two need a session and its CSRF token, like every write.
 */
import { changePassword, currentSession, signOut } from '../core/console/session.usecase';
import {
  auditSourceOf,
  resolveSession,
  touchSession,
  type ConsoleAuthInput,
  type ConsoleClient,
  type LiveSession,
} from '../core/console/console-session';
import { CONSOLE_ERRORS } from '../core/console/console.errors';
import type { ConsoleLink, ConsoleSessionReply } from '../core/console/console.replies';
import { COLLECTIONS } from '../core/model/collections.model';
import type { ConsoleAccount, ConsoleSession } from '../core/model/console.model';
import { signIn } from '../core/console/sign-in.usecase';
import { accepted, type Outcome } from '../core/kernel/outcome';
import { callContext, type FunctionContext } from './command-function';
import { createConsoleCrypto } from './console-crypto.adapter';
import { cookieHeader, jsonResponse, type HttpAccessResponse, type HttpRequest } from './http-event';
import { answerError, jsonBody, refusal, sameOrigin } from './http-answers';
import type { HttpIdentitySource, HttpSession, PublicRoute } from './http-function';
import { isLocalCloudRuntime } from './personal-data.keys';

export const SESSION_COOKIE = 'wm_console_session';
const COOKIE_PATH = '/console/';
/** The only route a session with a one-time password may call besides changing it and signing out. */
const SESSION_ROUTE = 'GET /console/api/session';

const crypto = createConsoleCrypto();
const local = isLocalCloudRuntime(process.env);

/** The local cloud's own pages, linked from the console in local mode only. */
const LOCAL_TOOLS: readonly ConsoleLink[] = [
  { label: '订阅消息发件箱', href: '/outbox.html' },
  { label: '定时触发器', href: '/timers' },
  { label: '本地云时钟', href: '/clock' },
  { label: '云函数列表', href: '/gateway/functions' },
];

function clientOf(request: HttpRequest): ConsoleClient {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? '' };
}

function authInput(request: HttpRequest): ConsoleAuthInput {
  const { ports, config } = callContext();
  return { ports, config, crypto, client: clientOf(request), localTools: local ? LOCAL_TOOLS : [] };
}

function sessionCookie(token: string, maxAgeSeconds: number): Record<string, string> {
  return {
    'set-cookie': cookieHeader(SESSION_COOKIE, token, {
      maxAge: maxAgeSeconds,
      path: COOKIE_PATH,
      secure: !local,
    }),
  };
}

const CLEAR_COOKIE = (): Record<string, string> => sessionCookie('', 0);

async function liveSession(request: HttpRequest): Promise<Outcome<LiveSession>> {
  return resolveSession(authInput(request), request.cookies[SESSION_COOKIE]);
}

/** admin-api's identity source: the session of the request's cookie. */
export const consoleSessions: HttpIdentitySource = {
  async identify(request) {
    const input = authInput(request);
    const found = await liveSession(request);
    if (!found.ok) return found;
    const live = found.value;
    const session: HttpSession = {
      identity: { openid: live.session.openid, audit: auditSourceOf(live, input.client) },
      csrfToken: live.session.csrfToken,
      ...(live.session.mustChangePassword
        ? {
            onlyRoutes: {
              routes: [SESSION_ROUTE],
              code: 'PASSWORD_CHANGE_REQUIRED',
              message: CONSOLE_ERRORS.PASSWORD_CHANGE_REQUIRED,
            },
          }
        : {}),
      succeeded: () => touchSession(input, live.session),
    };
    return accepted(session);
  },
  refusedHeaders: (request) => (request.cookies[SESSION_COOKIE] === undefined ? {} : CLEAR_COOKIE()),
};

/** The session's own route: who is signed in (also for a session that must change its password first). */
export async function sessionRoute(ctx: FunctionContext): Promise<ConsoleSessionReply> {
  const source = ctx.ports.audit;
  if (source === undefined) throw new Error('the console session route runs on a console session only');
  const { db } = ctx.ports;
  const session = await db.get<ConsoleSession>(COLLECTIONS.consoleSessions, source.sessionId);
  const account = await db.get<ConsoleAccount>(COLLECTIONS.consoleAccounts, source.accountId);
  if (session === null || account === null) throw new Error('the session was checked before routing');
  return currentSession({
    ports: ctx.ports,
    config: ctx.config,
    crypto,
    client: { ip: source.ip, userAgent: '' },
    localTools: local ? LOCAL_TOOLS : [],
    live: { session, account },
  });
}

function ok(data: unknown, headers: Record<string, string> = {}): HttpAccessResponse {
  return jsonResponse(200, { code: 'OK', message: '成功', data }, headers);
}

const maxAgeOf = (expiresAt: number, now: number) => Math.max(1, Math.floor((expiresAt - now) / 1000));

/** A write on the auth routes: its session (401 without), its origin and CSRF token, its body. */
async function authenticatedWrite(
  request: HttpRequest,
): Promise<HttpAccessResponse | { live: LiveSession; body: Record<string, unknown> }> {
  const found = await liveSession(request);
  if (!found.ok) return refusal(found.refusal.code, found.refusal.message, undefined, CLEAR_COOKIE());
  const origin = request.headers['origin'];
  if (origin !== undefined && !sameOrigin(origin, request.headers['host'])) {
    return refusal('ORIGIN_NOT_ALLOWED', '请从管理后台页面发起操作');
  }
  const token = request.headers['x-csrf-token'];
  if (token === undefined || !crypto.sameSecret(token, found.value.session.csrfToken)) {
    return refusal('CSRF_TOKEN_INVALID', CONSOLE_ERRORS.CSRF_TOKEN_INVALID);
  }
  const body = jsonBody(request);
  if ('statusCode' in body && 'isBase64Encoded' in body) return body as HttpAccessResponse;
  return { live: found.value, body: body as Record<string, unknown> };
}

const login: PublicRoute = async (request) => {
  const origin = request.headers['origin'];
  if (origin !== undefined && !sameOrigin(origin, request.headers['host'])) {
    return refusal('ORIGIN_NOT_ALLOWED', '请从管理后台页面登录');
  }
  const body = jsonBody(request);
  if ('statusCode' in body && 'isBase64Encoded' in body) return body as HttpAccessResponse;
  try {
    const input = authInput(request);
    const signed = await signIn({ ...input, command: body });
    return ok(
      signed.reply,
      sessionCookie(signed.token, maxAgeOf(signed.reply.expiresAt, input.ports.clock.now())),
    );
  } catch (e) {
    return answerError(e);
  }
};

const password: PublicRoute = async (request) => {
  const gate = await authenticatedWrite(request);
  if ('statusCode' in gate) return gate;
  try {
    const input = authInput(request);
    const changed = await changePassword({ ...input, live: gate.live, command: gate.body });
    return ok(
      changed.reply,
      sessionCookie(changed.token, maxAgeOf(changed.reply.expiresAt, input.ports.clock.now())),
    );
  } catch (e) {
    return answerError(e);
  }
};

const logout: PublicRoute = async (request) => {
  const gate = await authenticatedWrite(request);
  if ('statusCode' in gate) return gate;
  try {
    return ok(await signOut({ ...authInput(request), live: gate.live }), CLEAR_COOKIE());
  } catch (e) {
    return answerError(e);
  }
};

/** The routes that work without (or before) the protected prefix's session check. */
export const CONSOLE_AUTH_ROUTES: Readonly<Record<string, PublicRoute>> = {
  'POST /console/auth/login': login,
  'POST /console/auth/password': password,
  'POST /console/auth/logout': logout,
};

/** What account use cases need beyond the route context: the crypto port. */
export const consoleCrypto = crypto;
