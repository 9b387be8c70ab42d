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

export async function stopGracefully(p: ServerProcess): Promise<void> {
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

/** Run `node --import tsx <script> <args>` from the repository root; resolve the JSON of its last stdout line. */
export function runJsonChild<T>(script: string, args: readonly string[]): Promise<T> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) {
        reject(new Error(`${script} exited with ${code}: ${out}`));
        return;
      }
      resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as T);
    });
  });
}

/** Build a data dir with the store in a child process (see build-data.ts). */
export async function buildData(
  dataDir: string,
  indexFile: string,
  sizes: Record<string, number>,
): Promise<BuildResult> {
  const t0 = performance.now();
  const parsed = await runJsonChild<Omit<BuildResult, 'wallMs'>>(join('bench', 'build-data.ts'), [
    dataDir,
    indexFile,
    ...Object.entries(sizes).map(([name, n]) => `${name}=${n}`),
  ]);
  return { ...parsed, wallMs: performance.now() - t0 };
}
