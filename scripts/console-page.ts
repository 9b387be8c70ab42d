/**
 * Serves admin/public at /console/ on the local cloud (static files, no directory escapes).
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { LocalCloud } from '../localcloud/local-cloud';

export const ADMIN_PUBLIC = join(__dirname, '..', 'admin', 'public');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export function registerConsolePage(cloud: LocalCloud, root = ADMIN_PUBLIC): void {
  cloud.server.addRoute(
    'GET',
    '/console',
    async (req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (path === '/console') {
        res.writeHead(301, { location: '/console/' });
        res.end();
        return;
      }
      const rel = path.slice('/console/'.length) || 'index.html';
      const file = normalize(join(root, rel));
      if (!file.startsWith(root + sep)) {
        res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('禁止访问');
        return;
      }
      try {
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(body);
      } catch {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('页面不存在');
      }
    },
    { prefix: true },
  );
}
