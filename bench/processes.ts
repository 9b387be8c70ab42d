/**
 * The benchmark's child processes: the local cloud (exactly as `npm start` runs it), the canned floor
 * server and the data builder. The measuring process only runs the SDK.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT, spawnReady, spawnServer, type ServerProcess } from '../tests/helpers/server-process';
import type { BuiltCollection } from './build-data';

export interface Child {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

async function stopGracefully(p: ServerProcess): Promise<void> {
  p.kill('SIGTERM');
  const timer = setTimeout(() => p.kill('SIGKILL'), 5000);
  await p.exited;
  clearTimeout(timer);
}

export async function startLocalCloud(
  dataDir: string,
  indexFile: string,
): Promise<Child & { serviceUrl: string }> {
  const p = await spawnServer({ dataDir, args: ['--index-file', indexFile] });
  return { url: p.url, serviceUrl: p.serviceUrl, pid: p.pid, stop: () => stopGracefully(p) };
}

export async function startCannedServer(reply: string): Promise<Child> {
  const p = await spawnReady({
    argv: ['--import', 'tsx', join('bench', 'canned-server.ts')],
    ready: /canned ready: (http:\/\/\S+)/,
    env: { ...process.env, CANNED_REPLY: reply },
  });
  return { url: p.url, pid: p.pid, stop: () => stopGracefully(p) };
}

export interface BuildResult {
  built: BuiltCollection[];
  bytes: number;
  wallMs: number;
}

/** Build a data dir with the store in a child process (see build-data.ts). */
export function buildData(
  dataDir: string,
  indexFile: string,
  sizes: Record<string, number>,
): Promise<BuildResult> {
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join('bench', 'build-data.ts'),
      dataDir,
      indexFile,
      ...Object.entries(sizes).map(([name, n]) => `${name}=${n}`),
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) {
        reject(new Error(`build-data exited with ${code}: ${out}`));
        return;
      }
      const last = out.trim().split('\n').pop() ?? '';
      const parsed = JSON.parse(last) as Omit<BuildResult, 'wallMs'>;
      resolve({ ...parsed, wallMs: performance.now() - t0 });
    });
  });
}
