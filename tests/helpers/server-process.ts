/**
 * The local cloud as a separate OS process, started the way `npm start` starts it
 * (`node --import tsx localcloud/cli.ts --port <P> --data-dir <DIR>`), for the crash test and the benchmark.
 *
 * The child is `node` itself (no npm or shell wrapper), so `kill('SIGKILL')` kills the server process and
 * not a wrapper that would leave it running. No jest globals here: the benchmark uses it too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..');
export const READY_LINE = /local cloud ready: (http:\/\/\S+)/;

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  /** `http://127.0.0.1:<port>`, from the ready line. */
  readonly url: string;
  /** What the SDKs take as `serviceUrl`. */
  readonly serviceUrl: string;
  /** Resolves when the process has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything the process printed so far (stdout and stderr interleaved). */
  output(): string;
  kill(signal: NodeJS.Signals): void;
}

export interface SpawnOptions {
  /** Node arguments after `node`; the bare emulator (`npm start`'s command) by default. */
  command?: string[];
  /** Extra arguments for the command (after --port and --data-dir). */
  args?: string[];
  /** 0 (default) lets the OS pick a free port; the ready line tells which. */
  port?: number;
  dataDir: string;
  readyTimeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

export const CLI_COMMAND = ['--import', 'tsx', 'localcloud/cli.ts'];

/** Start the local cloud process and resolve once it printed its ready line. */
export function spawnServer(opts: SpawnOptions): Promise<ServerProcess> {
  return spawnReady({
    argv: [
      ...(opts.command ?? CLI_COMMAND),
      '--port',
      String(opts.port ?? 0),
      '--data-dir',
      opts.dataDir,
      ...(opts.args ?? []),
    ],
    ready: READY_LINE,
    ...(opts.readyTimeoutMs !== undefined ? { readyTimeoutMs: opts.readyTimeoutMs } : {}),
    ...(opts.env ? { env: opts.env } : {}),
  });
}

/**
 * Start `node <argv>` and resolve once its stdout matches `ready`, whose first group is the server's URL.
 */
export function spawnReady(opts: {
  argv: string[];
  ready: RegExp;
  readyTimeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}): Promise<ServerProcess> {
  const timeoutMs = opts.readyTimeoutMs ?? 20_000;
  const child = spawn(process.execPath, opts.argv, {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: opts.env ?? process.env,
  });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise<ServerProcess>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`process not ready after ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = () => {
      const m = opts.ready.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      const url = m[1]!;
      resolve({
        child,
        pid: child.pid!,
        url,
        serviceUrl: `${url}/admin`,
        exited,
        output: () => out,
        kill: (signal) => {
          if (child.exitCode === null && child.signalCode === null) process.kill(child.pid!, signal);
        },
      });
    };
    child.stdout!.on('data', onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`process exited before ready (code ${code}, signal ${signal}):\n${out}`));
    });
  });
}
