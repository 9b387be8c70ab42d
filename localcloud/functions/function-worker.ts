/**
 * One function instance: a worker thread that loads a deployed function's index.js once and runs one
 * invocation at a time, as a CloudBase instance does. The caller's identity arrives as the environment
 * variables wx-server-sdk reads (docs/wire-protocol.md section 6); this thread's process.env is its own copy,
 * so concurrent instances never see each other's identity.
 */
import { parentPort, workerData } from 'node:worker_threads';

export interface InvokeMessage {
  type: 'invoke';
  id: number;
  /** The local cloud's clock at dispatch: Date inside the instance follows it. */
  nowMs: number;
  event: unknown;
  env: Record<string, string>;
  context: Record<string, unknown>;
}

export interface ResultMessage {
  type: 'result';
  id: number;
  ok: boolean;
  /** JSON text of the function's return value (`"null"` for undefined). */
  responseData?: string;
  error?: { name: string; message: string; stack?: string };
}

interface WorkerInit {
  entry: string;
  baseEnv: Record<string, string>;
}

const { entry, baseEnv } = workerData as WorkerInit;

// Time inside the instance follows the local cloud's controllable clock, so a test that moves the clock moves
// `Date.now()` / `new Date()` in function code too (production code just reads the system clock).
const RealDate = Date;
let clockOffsetMs = 0;
class LocalCloudDate extends RealDate {
  constructor(...args: unknown[]) {
    if (args.length === 0) super(RealDate.now() + clockOffsetMs);
    else super(...(args as [string | number | Date]));
  }
  static override now(): number {
    return RealDate.now() + clockOffsetMs;
  }
}
globalThis.Date = LocalCloudDate as DateConstructor;

let identityKeys: string[] = [];
Object.assign(process.env, baseEnv);

type Main = (event: unknown, context: unknown) => unknown;
let main: Main | undefined;
let loadError: Error | undefined;

/**
 * Start the instance: load the function's code once (a cold start), say so, then take invocations.
 * `leaveTypeScript` drops the TypeScript loader that loaded this file: the deployed code is plain JavaScript,
 * loaded by Node alone as CloudBase loads it (through the loader, a cold start took twice the CPU).
 */
export function startInstance(leaveTypeScript: () => void): void {
  leaveTypeScript();
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(entry) as { main?: Main };
    if (typeof mod.main !== 'function') throw new Error(`${entry} does not export main(event, context)`);
    main = mod.main;
  } catch (e) {
    loadError = e instanceof Error ? e : new Error(String(e));
  }
  parentPort!.postMessage({ type: 'ready' });

  parentPort!.on('message', (msg: InvokeMessage) => {
    run(msg).catch((e: unknown) => {
      // Only the reply itself failing lands here; say so rather than leave the caller to its timeout.
      parentPort!.postMessage({
        type: 'result',
        id: msg.id,
        ok: false,
        error: { name: 'Error', message: `无法回传结果:${e instanceof Error ? e.message : String(e)}` },
      } satisfies ResultMessage);
    });
  });
}

async function run(msg: InvokeMessage): Promise<void> {
  clockOffsetMs = msg.nowMs - RealDate.now();
  for (const k of identityKeys) delete process.env[k];
  identityKeys = Object.keys(msg.env);
  Object.assign(process.env, msg.env);
  let reply: ResultMessage;
  try {
    if (!main) throw loadError ?? new Error(`${entry} could not be loaded`);
    const value = await main(msg.event, msg.context);
    reply = {
      type: 'result',
      id: msg.id,
      ok: true,
      responseData: value === undefined ? 'null' : JSON.stringify(value),
    };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    reply = {
      type: 'result',
      id: msg.id,
      ok: false,
      error: { name: err.name, message: err.message, ...(err.stack ? { stack: err.stack } : {}) },
    };
  }
  parentPort!.postMessage(reply);
}
