/**
 * Who may talk to the local cloud at all: programs on this machine (the SDKs, scripts, tests, curl), the
 * pages it serves itself, and the mini-program in WeChat DevTools' simulator. Not web pages of other sites
 * that the developer happens to open: a page may send requests to 127.0.0.1 (a form or a `text/plain` fetch
 * needs no CORS preflight), and a DNS-rebound name may even read the answers. docs/local-cloud.md, "What it
 * protects against", says what this covers and what it does not.
 *
 * - `Host` must be the local cloud's own loopback address and port (127.0.0.1, localhost, [::1]): a
 *   rebound name (`attacker.example:3910` resolving to 127.0.0.1) is refused.
 * - A browser says where a request comes from: `Origin` (on every cross-origin fetch and every POST), and
 *   `Sec-Fetch-Site`. An Origin other than the local cloud's own is refused; without an Origin, a
 *   `cross-site` or `same-site` Sec-Fetch-Site is. Programs send neither.
 * - The one page of another origin let through is the mini-program in DevTools, and only where it goes
 *   (the gateway): DevTools' `wx.request` carries WeChat's fixed
 *   `Referer: https://servicewechat.com/<appid>/devtools/page-frame.html` and may carry
 *   `Origin: https://servicewechat.com`; no web page can send either, as browsers set both themselves.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';

export interface Refusal {
  status: number;
  code: string;
  message: string;
}

export interface GuardConfig {
  /** The port the local cloud listens on. */
  port: number;
  /** The address it was told to bind, when not the default 127.0.0.1. */
  host?: string;
  /** App ids whose DevTools simulator may call the gateway (project.config.json's `appid`). */
  miniProgramAppIds: readonly string[];
}

/** WeChat's origin for mini-program pages, as DevTools' simulator may send it. */
export const MINI_PROGRAM_ORIGIN = 'https://servicewechat.com';

/** What the mini-program calls in local mode (miniprogram/services/cloud-api.ts), and nothing else. */
const MINI_PROGRAM_PATHS = {
  exact: ['/gateway/identities', '/gateway/subscribe'],
  // The photos' upload and signed temporary URLs (the download needs the URL's signature besides).
  prefix: ['/gateway/call/', '/gateway/storage/', '/storage/download/'],
};

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** `host:port` forms the local cloud answers to (lower case). */
export function ownHosts(config: Pick<GuardConfig, 'port' | 'host'>): Set<string> {
  const names = [...LOOPBACK_NAMES];
  const bound = config.host?.toLowerCase();
  if (bound && bound !== '0.0.0.0' && bound !== '::') names.push(bound.includes(':') ? `[${bound}]` : bound);
  const hosts = new Set<string>();
  for (const name of names) {
    hosts.add(`${name}:${config.port}`);
    if (config.port === 80) hosts.add(name);
  }
  return hosts;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
}

function isMiniProgramPath(pathname: string): boolean {
  return (
    MINI_PROGRAM_PATHS.exact.includes(pathname) ||
    MINI_PROGRAM_PATHS.prefix.some((p) => pathname.startsWith(p))
  );
}

/** DevTools' simulator running one of our mini-programs, calling the gateway. */
function fromDevtoolsSimulator(req: IncomingMessage, pathname: string, config: GuardConfig): boolean {
  const origin = header(req, 'origin');
  if (origin !== undefined && origin !== MINI_PROGRAM_ORIGIN) return false;
  const m = /^https:\/\/servicewechat\.com\/([^/]+)\/devtools\/page-frame\.html$/.exec(
    header(req, 'referer') ?? '',
  );
  return !!m && config.miniProgramAppIds.includes(m[1]!) && isMiniProgramPath(pathname);
}

/** Why the request is refused, or undefined when it may go on. Decided from headers alone, before any work. */
export function refuseForeign(
  req: IncomingMessage,
  pathname: string,
  config: GuardConfig,
  hosts: ReadonlySet<string> = ownHosts(config),
): Refusal | undefined {
  const host = header(req, 'host')?.toLowerCase();
  if (!host || !hosts.has(host)) {
    return {
      status: 403,
      code: 'HOST_NOT_ALLOWED',
      message: `本地云只接受发给本机地址的请求(Host 须为 127.0.0.1:${config.port}、localhost:${config.port} 或 [::1]:${config.port}),收到的 Host:${host?.slice(0, 200) ?? '(无)'}`,
    };
  }
  if (fromDevtoolsSimulator(req, pathname, config)) return undefined;
  const origin = header(req, 'origin');
  const site = header(req, 'sec-fetch-site');
  const lower = origin?.toLowerCase();
  const ownOrigin =
    lower !== undefined && lower.startsWith('http://') && hosts.has(lower.slice('http://'.length));
  // The Origin, where a browser sent one, says whose page it is; without one, Sec-Fetch-Site still tells a
  // link or an embed from another site.
  const foreign = origin !== undefined ? !ownOrigin : site === 'cross-site' || site === 'same-site';
  if (foreign) {
    return {
      status: 403,
      code: 'ORIGIN_NOT_ALLOWED',
      message: `本地云拒绝来自其他网页的请求(Origin:${origin?.slice(0, 200) ?? '(无)'},Sec-Fetch-Site:${site ?? '(无)'});请用 SDK、脚本或本地云自己的页面访问`,
    };
  }
  return undefined;
}

/** The media type of a Content-Type header: `application/json; charset=utf-8` -> `application/json`. */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/** A request whose body is not of a type the route reads. */
export function refuseContentType(
  contentType: string | undefined,
  accepted: readonly string[],
): Refusal | undefined {
  const type = mediaTypeOf(contentType);
  if (accepted.includes(type)) return undefined;
  return {
    status: 403,
    code: 'CONTENT_TYPE_NOT_ALLOWED',
    message: `请求体须为 ${accepted.join(' 或 ')}(Content-Type),收到:${type || '(无)'}`,
  };
}

/**
 * The app ids of the mini-program project at `root`: `appid` of project.config.json and of
 * project.private.config.json (DevTools' per-developer override), where present.
 */
export function projectAppIds(root: string): string[] {
  const ids: string[] = [];
  for (const file of ['project.config.json', 'project.private.config.json']) {
    const path = join(root, file);
    if (!existsSync(path)) continue;
    try {
      const appid = (JSON.parse(readFileSync(path, 'utf8')) as { appid?: unknown }).appid;
      if (typeof appid === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(appid) && !ids.includes(appid))
        ids.push(appid);
    } catch {
      // A file DevTools cannot read either: no app id from it.
    }
  }
  return ids;
}
