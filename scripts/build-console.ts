/**
 * `npm run build:console`: builds the workers' console (admin/, Vue 3 + TDesign Vue Next) with Vite into
 * build/console, which the local cloud serves at /console/ and production puts on static hosting.
 * `npm start` and the console's browser tests call `ensureConsoleBuilt()`: it builds only when the build is
 * missing or stale, judged by a stamp of the inputs (every file of admin/, the core's reply types and
 * status names the console imports, and the versions of the packages it bundles).
 *
 *   npm run build:console [-- --force]
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const REPO_ROOT = join(__dirname, '..');
export const ADMIN_ROOT = join(REPO_ROOT, 'admin');
export const CONSOLE_OUT = join(REPO_ROOT, 'build', 'console');
const STAMP_FILE = join(CONSOLE_OUT, '.source-stamp');

/** Folders of the core the console imports from (types and status names). */
const CORE_INPUTS = [
  'core/console',
  'core/orders',
  'core/providers',
  'core/lifecycle',
  'core/offerings',
  'core/model',
  'core/volunteers',
];
const PACKAGES = [
  'vue',
  'vue-router',
  'tdesign-vue-next',
  'tdesign-icons-vue-next',
  'echarts',
  'vite',
  '@vitejs/plugin-vue',
];

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

function packageVersion(name: string): string {
  const file = join(REPO_ROOT, 'node_modules', name, 'package.json');
  return existsSync(file)
    ? ((JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? '?')
    : '-';
}

/** A digest of everything the build reads: file paths, sizes and contents' times, and package versions. */
export function sourceStamp(): string {
  const hash = createHash('sha256');
  const files = [ADMIN_ROOT, ...CORE_INPUTS.map((d) => join(REPO_ROOT, d))].flatMap(filesUnder).sort();
  for (const file of files) {
    const s = statSync(file);
    hash.update(`${relative(REPO_ROOT, file)}\0${s.size}\0${Math.floor(s.mtimeMs)}\n`);
  }
  for (const name of PACKAGES) hash.update(`${name}@${packageVersion(name)}\n`);
  return hash.digest('hex');
}

/** Whether build/console is missing or was built from other sources. */
export function consoleIsStale(): boolean {
  if (!existsSync(join(CONSOLE_OUT, 'index.html')) || !existsSync(STAMP_FILE)) return true;
  return readFileSync(STAMP_FILE, 'utf8').trim() !== sourceStamp();
}

/**
 * Vite's own command in a child process (`vite build --config admin/vite.config.ts`): Vite is an ES module,
 * and a build's memory is given back when it ends, whoever asked for it (npm start, a test, the command).
 */
export async function buildConsole(): Promise<{ ms: number }> {
  const started = Date.now();
  const stamp = sourceStamp();
  const vite = join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const args = [vite, 'build', '--config', join(ADMIN_ROOT, 'vite.config.ts'), '--logLevel', 'warn'];
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'pipe'] });
    // The lock names the Vite process too: a build outliving a killed parent still holds it.
    if (existsSync(LOCK_DIR))
      writeFileSync(LOCK_OWNER, JSON.stringify({ pid: process.pid, vite: child.pid }));
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString('utf8');
      process.stderr.write(chunk);
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`vite build 退出码 ${code}：${errors.slice(-2000)}`)),
    );
  });
  writeFileSync(STAMP_FILE, `${stamp}\n`);
  return { ms: Date.now() - started };
}

const LOCK_DIR = join(REPO_ROOT, 'build', '.console-build.lock');
const LOCK_OWNER = join(LOCK_DIR, 'owner.json');
/** A lock older than this is a build that died without saying so: taken over. */
const STALE_LOCK_MS = 10 * 60_000;

function alive(pid: unknown): boolean {
  if (typeof pid !== 'number') return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A lock whose builder and its Vite process are both gone (a killed `npm start`), or a very old one. */
function lockIsStale(): boolean {
  const made = statSync(LOCK_DIR, { throwIfNoEntry: false })?.mtimeMs;
  if (made === undefined) return false;
  if (Date.now() - made > STALE_LOCK_MS) return true;
  try {
    const owner = JSON.parse(readFileSync(LOCK_OWNER, 'utf8')) as { pid?: unknown; vite?: unknown };
    return !alive(owner.pid) && !alive(owner.vite);
  } catch {
    // Just made, owner not written yet: alive.
    return Date.now() - made > 10_000;
  }
}

/** One build at a time (npm start and the browser tests may both want one): a lock folder, made atomically. */
async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  mkdirSync(join(REPO_ROOT, 'build'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      writeFileSync(LOCK_OWNER, JSON.stringify({ pid: process.pid }));
      break;
    } catch {
      if (lockIsStale()) rmSync(LOCK_DIR, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

/** Build the console when it is missing or stale (waiting for a build under way elsewhere); says what it did. */
export async function ensureConsoleBuilt(): Promise<'fresh' | 'built'> {
  if (!consoleIsStale()) return 'fresh';
  return withBuildLock(async () => {
    if (!consoleIsStale()) return 'fresh';
    await buildConsole();
    return 'built';
  });
}

async function main(): Promise<void> {
  if (!process.argv.includes('--force') && !consoleIsStale()) {
    console.log(`管理后台已是最新：${relative(REPO_ROOT, CONSOLE_OUT)}`);
    return;
  }
  const { ms } = await withBuildLock(buildConsole);
  console.log(`管理后台已构建：${relative(REPO_ROOT, CONSOLE_OUT)}（${(ms / 1000).toFixed(1)} 秒）`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(`管理后台构建失败：${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(1);
  });
}
