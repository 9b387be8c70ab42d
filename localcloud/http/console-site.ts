/**
 * The console's pages on the local cloud: the built app (`npm run build:console`, build/console) at
 * `/console/`, as static hosting serves it in production. A path without a file extension is a page of the
 * app (the router's history mode), answered with index.html; a missing file is 404; nothing outside the
 * folder is ever read. Pages carry the console's content security policy (scripts and styles from the
 * console's own origin only, no framing); hashed assets are cached for good, index.html never.
 * Without a build, every page explains how to make one.
 */
import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { CONSOLE_API_PREFIXES } from './console-gateway';
import type { LocalCloudServer } from './local-cloud.server';

export const CONSOLE_BASE = '/console/';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** The console's pages: their own scripts and styles only (TDesign sets inline styles), never framed. */
export const CONSOLE_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
};

const NOT_BUILT = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>为民红绳 · 管理后台</title></head>
<body><h1>为民红绳 · 管理后台</h1>
<p>管理后台尚未构建。请运行 <code>npm run build:console</code>（<code>npm start</code> 会自动构建）后刷新本页。</p>
<p>本地云页面：<a href="/outbox.html">订阅消息发件箱</a> · <a href="/timers">定时触发器</a> · <a href="/clock">时钟</a></p>
</body></html>`;

function send(res: ServerResponse, status: number, type: string, body: Buffer | string, cache: string) {
  res.writeHead(status, { ...CONSOLE_PAGE_HEADERS, 'content-type': type, 'cache-control': cache });
  res.end(body);
}

export function registerConsoleSite(server: LocalCloudServer, root: string): void {
  const base = normalize(root);
  server.addRoute(
    'GET',
    '/console',
    async (req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (path === '/console') {
        res.writeHead(301, { location: CONSOLE_BASE });
        res.end();
        return;
      }
      // The API's own routes come first (LocalCloud registers them in its constructor); never a page.
      if (!path.startsWith(CONSOLE_BASE) || CONSOLE_API_PREFIXES.some((p) => path.startsWith(p))) {
        send(res, 404, 'text/plain; charset=utf-8', '页面不存在', 'no-store');
        return;
      }
      if (!existsSync(join(base, 'index.html'))) {
        send(res, 200, TYPES['.html']!, NOT_BUILT, 'no-store');
        return;
      }
      const rel = path.slice(CONSOLE_BASE.length);
      const page = rel === '' || extname(rel) === '';
      const file = normalize(join(base, page ? 'index.html' : rel));
      if (!file.startsWith(base + sep)) {
        send(res, 403, 'text/plain; charset=utf-8', '禁止访问', 'no-store');
        return;
      }
      try {
        const body = await readFile(file);
        const cache = rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
        send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', body, cache);
      } catch {
        send(res, 404, 'text/plain; charset=utf-8', '页面不存在', 'no-store');
      }
    },
    { prefix: true },
  );
}
