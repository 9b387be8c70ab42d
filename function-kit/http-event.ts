/**
 * The CloudBase HTTP access service's side of an HTTP-triggered function: the integration request it hands
 * the function as its event (`{path, httpMethod, headers, queryStringParameters, body, isBase64Encoded,
 * requestContext}`) and the integration response the function returns (`{statusCode, headers, body,
 * isBase64Encoded}`), which the service turns into the HTTP response. The local cloud routes `/console/api/*`
 * to the function with the same event (localcloud/http/console-gateway.ts), so this is the code tested.
 *
 * Every response carries the console's security headers: no caching, no sniffing, no framing, a CSP that
 * allows nothing (an API answer is never a page), no referrer.
 */

/** The integration request, as far as the kit reads it. */
export interface HttpAccessEvent {
  readonly path: string;
  readonly httpMethod: string;
  readonly headers?: Record<string, string | undefined>;
  readonly queryStringParameters?: Record<string, string | undefined> | null;
  readonly body?: string | null;
  readonly isBase64Encoded?: boolean;
  readonly requestContext?: Record<string, unknown>;
}

/** The integration response. */
export interface HttpAccessResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly isBase64Encoded: false;
}

/** A request as the kit's routes see it. */
export interface HttpRequest {
  readonly method: string;
  /** The path, its %-escapes kept (segments are decoded one by one when read as parameters). */
  readonly path: string;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  /** Query values; empty ones are left out. */
  readonly query: Readonly<Record<string, string>>;
  /** The body as text (UTF-8), '' when none. */
  readonly body: string;
  readonly cookies: Readonly<Record<string, string>>;
  /** The client's address: the last X-Forwarded-For entry, the one the access service itself added. */
  readonly ip: string | null;
}

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  pragma: 'no-cache',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy':
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
};

/** Whether the event is an HTTP access request at all (a callFunction event is not). */
export function isHttpAccessEvent(event: unknown): event is HttpAccessEvent {
  if (event === null || typeof event !== 'object') return false;
  const e = event as Record<string, unknown>;
  return typeof e['path'] === 'string' && typeof e['httpMethod'] === 'string';
}

function lowerCased(headers: Record<string, string | undefined> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (typeof v === 'string') out[k.toLowerCase()] = v;
  }
  return out;
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (!(name in out)) out[name] = part.slice(eq + 1).trim();
  }
  return out;
}

function clientIp(headers: Record<string, string>): string | null {
  const forwarded = headers['x-forwarded-for'];
  const last = forwarded?.split(',').pop()?.trim();
  const ip = last || headers['x-real-ip']?.trim() || '';
  return ip.length > 0 && ip.length <= 64 ? ip : null;
}

export function httpRequestOf(event: HttpAccessEvent): HttpRequest {
  const headers = lowerCased(event.headers);
  const query: Record<string, string> = {};
  for (const [k, v] of Object.entries(event.queryStringParameters ?? {})) {
    if (typeof v === 'string' && v.length > 0) query[k] = v;
  }
  const raw = typeof event.body === 'string' ? event.body : '';
  return {
    method: event.httpMethod.toUpperCase(),
    path: event.path,
    headers,
    query,
    body: event.isBase64Encoded === true ? Buffer.from(raw, 'base64').toString('utf8') : raw,
    cookies: parseCookies(headers['cookie']),
    ip: clientIp(headers),
  };
}

/** A JSON response with the security headers (and any extra header, e.g. Set-Cookie). */
export function jsonResponse(
  statusCode: number,
  body: unknown,
  extra: Record<string, string> = {},
): HttpAccessResponse {
  return {
    statusCode,
    headers: { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', ...extra },
    body: JSON.stringify(body),
    isBase64Encoded: false,
  };
}

export interface CookieOptions {
  /** Seconds; 0 deletes the cookie. */
  readonly maxAge: number;
  readonly path: string;
  /** HTTPS only: everywhere but the local cloud (plain http on 127.0.0.1). */
  readonly secure: boolean;
}

/** An HttpOnly, SameSite=Strict cookie. */
export function cookieHeader(name: string, value: string, options: CookieOptions): string {
  return [
    `${name}=${value}`,
    `Path=${options.path}`,
    `Max-Age=${options.maxAge}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');
}
