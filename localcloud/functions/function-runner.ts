/**
 * Runs deployed cloud functions the way CloudBase does: a pool of instances per function (worker threads),
 * one invocation per instance at a time, the caller's WeChat context in the instance's environment,
 * timeout and memory from config.json. A timed-out or crashed instance is discarded.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { CloudError, CloudErrorCode } from '../protocol/cloud-error';
import type { DeployedFunction } from './function-config';
import { checkEvent } from './event-limits';
import type { InvokeMessage, ResultMessage } from './function-worker';

/** Where a call comes from, as getWXContext().SOURCE reports it. */
export type CallSource = 'wx_client' | 'wx_trigger' | 'wx_http' | 'wx_server';

/** The WeChat caller context the runtime sets; never taken from the event. */
export interface CallerContext {
  OPENID?: string;
  APPID?: string;
  UNIONID?: string;
  CLIENTIP?: string;
  SOURCE: CallSource;
}

export interface InvokeResult {
  requestId: string;
  /** JSON text of the function's return value. */
  responseData: string;
}

export interface RunnerOptions {
  envName: string;
  serviceUrl: () => string;
  appId: string;
  /** The local cloud's clock; function code sees it as Date.now(). */
  now: () => number;
  /** Instances per function at most; further calls wait for a free one. */
  maxInstancesPerFunction?: number;
  log?: (line: string) => void;
}

interface Instance {
  worker: Worker;
  busy: boolean;
  /** Resolves once the function's code is loaded (the cold start is not counted in its timeout). */
  ready: Promise<void>;
}

interface Pool {
  fn: DeployedFunction;
  instances: Instance[];
  waiting: Array<() => void>;
}

/** The instance's own code is TypeScript, loaded through tsx; the function's code is loaded without it. */
const WORKER_BOOT = `const leave = require('tsx/cjs/api').register(); require(${JSON.stringify(join(__dirname, 'function-worker.ts'))}).startInstance(leave);`;

export class FunctionRunner {
  private readonly pools = new Map<string, Pool>();
  /**
   * Live invocation tokens (WX_API_TOKEN) -> the caller context, so nested calls keep the identity, and the
   * function running, so its cloud calls are held to its config.json (`permissions.openapi`).
   */
  private readonly tokens = new Map<string, { caller: CallerContext; fn: DeployedFunction }>();
  private nextId = 1;

  constructor(private readonly options: RunnerOptions) {}

  setFunctions(fns: DeployedFunction[]): void {
    for (const fn of fns) {
      const old = this.pools.get(fn.name);
      if (old) {
        const instances = old.instances;
        old.instances = [];
        for (const i of instances) this.terminate(i);
      }
      this.pools.set(fn.name, { fn, instances: [], waiting: [] });
    }
  }

  list(): DeployedFunction[] {
    return [...this.pools.values()].map((p) => p.fn);
  }

  has(name: string): boolean {
    return this.pools.has(name);
  }

  /** The caller context of a live invocation, by the token its SDK sends (wxCloudApiToken). */
  callerOfToken(token: string | undefined): CallerContext | undefined {
    return token ? this.tokens.get(token)?.caller : undefined;
  }

  /** The function whose live invocation holds this token; undefined for a call from outside any function. */
  functionOfToken(token: string | undefined): DeployedFunction | undefined {
    return token ? this.tokens.get(token)?.fn : undefined;
  }

  async invoke(name: string, event: unknown, caller: CallerContext): Promise<InvokeResult> {
    const pool = this.pools.get(name);
    if (!pool)
      throw new CloudError(CloudErrorCode.FunctionNotFound, `云函数不存在(function not found): ${name}`);
    // What CloudBase would refuse is refused before an instance is taken.
    checkEvent(name, event);
    const instance = await this.acquire(pool);
    // Every way out hands the instance back exactly once: released when it is fine, discarded when not.
    let handedBack = false;
    const handBack = (discard: boolean) => {
      if (handedBack) return;
      handedBack = true;
      if (discard) this.discard(pool, instance);
      else this.release(pool, instance);
    };
    const token = `local-${randomBytes(16).toString('hex')}`;
    try {
      try {
        await instance.ready;
      } catch (e) {
        handBack(true);
        throw new CloudError(
          CloudErrorCode.FunctionExecuteFail,
          `云函数实例启动失败:${(e as Error).message}`,
        );
      }
      const requestId = randomBytes(16).toString('hex');
      this.tokens.set(token, { caller, fn: pool.fn });
      const { timeout, memorySize } = pool.fn.config;
      const msg: InvokeMessage = {
        type: 'invoke',
        id: this.nextId++,
        nowMs: this.options.now(),
        event,
        env: identityEnv(caller, this.options.appId, token),
        context: {
          request_id: requestId,
          function_name: name,
          function_version: '$LATEST',
          memory_limit_in_mb: memorySize,
          time_limit_in_ms: timeout * 1000,
        },
      };
      const reply = await this.exchange(instance, msg, pool.fn, () => handBack(true));
      handBack(false);
      if (!reply.ok) {
        const e = reply.error!;
        throw new CloudError(CloudErrorCode.FunctionExecuteFail, `${e.name}: ${e.message}`);
      }
      return { requestId, responseData: reply.responseData ?? 'null' };
    } finally {
      handBack(false);
      this.tokens.delete(token);
    }
  }

  /**
   * Hand one invocation to the instance and wait for its reply, its timeout or its crash (`lost` is called
   * for the last two: the instance is not to be used again). A message that cannot be sent throws at once,
   * with nothing left waiting.
   */
  private exchange(
    instance: Instance,
    msg: InvokeMessage,
    fn: DeployedFunction,
    lost: () => void,
  ): Promise<ResultMessage> {
    const { timeout, memorySize } = fn.config;
    try {
      instance.worker.postMessage(msg);
    } catch (e) {
      return Promise.reject(
        new CloudError(
          CloudErrorCode.InvalidParam,
          `云函数 ${fn.name} 的事件无法传给实例:${e instanceof Error ? e.message : String(e)}`,
        ),
      );
    }
    return new Promise<ResultMessage>((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        lost();
        reject(
          new CloudError(
            CloudErrorCode.FunctionTimeout,
            `云函数执行超时(Invoking task timed out after ${timeout} seconds): ${fn.name}`,
          ),
        );
      }, timeout * 1000);
      const onMessage = (m: ResultMessage) => {
        if (m.id !== msg.id) return;
        cleanup();
        resolve(m);
      };
      const onError = (e: Error) => {
        cleanup();
        lost();
        const oom = (e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
        reject(
          new CloudError(
            CloudErrorCode.FunctionExecuteFail,
            oom
              ? `云函数内存超限(memory limit ${memorySize} MB exceeded): ${fn.name}`
              : `云函数实例崩溃:${e.message}`,
          ),
        );
      };
      const onExit = () => onError(new Error('instance exited'));
      const cleanup = () => {
        clearTimeout(timer);
        instance.worker.off('message', onMessage);
        instance.worker.off('error', onError);
        instance.worker.off('exit', onExit);
      };
      instance.worker.on('message', onMessage);
      instance.worker.on('error', onError);
      instance.worker.on('exit', onExit);
    });
  }

  private acquire(pool: Pool): Promise<Instance> {
    const free = pool.instances.find((i) => !i.busy);
    if (free) {
      free.busy = true;
      return Promise.resolve(free);
    }
    if (pool.instances.length < (this.options.maxInstancesPerFunction ?? 16)) {
      const worker = this.spawn(pool.fn);
      const ready = new Promise<void>((resolve, reject) => {
        const onMessage = (m: { type?: string }) => {
          if (m.type !== 'ready') return;
          worker.off('message', onMessage);
          worker.off('error', reject);
          worker.off('exit', onExit);
          resolve();
        };
        const onExit = () => reject(new Error('instance exited before it was ready'));
        worker.on('message', onMessage);
        worker.once('error', reject);
        worker.once('exit', onExit);
      });
      ready.catch(() => undefined);
      const instance: Instance = { worker, busy: true, ready };
      // Between invocations nobody else listens: an instance that fails then (a rejection its code left
      // behind, process.exit) is logged and dropped, never an unhandled 'error' event in this process.
      worker.on('error', (e: Error) => {
        if (instance.busy) return; // the invocation under way answers for it
        this.options.log?.(`云函数 ${pool.fn.name} 的实例在调用之间出错,已丢弃:${e.message}`);
        if (pool.instances.includes(instance)) this.discard(pool, instance);
      });
      worker.on('exit', () => {
        if (!instance.busy && pool.instances.includes(instance)) this.discard(pool, instance);
      });
      pool.instances.push(instance);
      return Promise.resolve(instance);
    }
    return new Promise((resolve) => pool.waiting.push(() => resolve(this.acquire(pool)))).then(
      (i) => i as Instance,
    );
  }

  private release(pool: Pool, instance: Instance): void {
    instance.busy = false;
    pool.waiting.shift()?.();
  }

  private discard(pool: Pool, instance: Instance): void {
    pool.instances = pool.instances.filter((i) => i !== instance);
    this.terminate(instance);
    pool.waiting.shift()?.();
  }

  private terminate(instance: Instance): void {
    instance.worker.terminate().catch((e: unknown) => {
      this.options.log?.(`结束云函数实例失败:${e instanceof Error ? e.message : String(e)}`);
    });
  }

  private spawn(fn: DeployedFunction): Worker {
    const worker = new Worker(WORKER_BOOT, {
      eval: true,
      workerData: { entry: join(fn.dir, 'index.js'), baseEnv: this.baseEnv(fn) },
      resourceLimits: { maxOldGenerationSizeMb: fn.config.memorySize },
      stdout: false,
      stderr: false,
    });
    worker.unref();
    return worker;
  }

  private baseEnv(fn: DeployedFunction): Record<string, string> {
    return {
      ...fn.config.envVariables,
      // Where the unmodified SDKs send their requests (docs/wire-protocol.md section 0) and the dummy
      // credentials they insist on; TENCENTCLOUD=true stops the metadata-host probe.
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: this.options.serviceUrl() }),
      TENCENTCLOUD_SECRETID: 'local-function',
      TENCENTCLOUD_SECRETKEY: 'local-function',
      TENCENTCLOUD: 'true',
      SILENCE: 'true',
      SCF_NAMESPACE: this.options.envName,
      TCB_ENV: this.options.envName,
      SCF_FUNCTIONNAME: fn.name,
      TZ: 'Asia/Shanghai',
    };
  }

  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    const all = pools.flatMap((p) => {
      const instances = p.instances;
      p.instances = [];
      return instances;
    });
    await Promise.allSettled(all.map((i) => i.worker.terminate()));
  }
}

/** The variables wx-server-sdk's getWXContext reads (docs/wire-protocol.md section 6). */
function identityEnv(caller: CallerContext, appId: string, token: string): Record<string, string> {
  const env: Record<string, string> = {
    WX_CONTEXT_KEYS: 'WX_APPID,WX_OPENID,WX_UNIONID,WX_CLIENTIP,WX_API_TOKEN',
    WX_APPID: caller.APPID ?? appId,
    WX_API_TOKEN: token,
    TCB_SOURCE: caller.SOURCE,
    TCB_CONTEXT_KEYS: 'TCB_ENV,TCB_SOURCE',
  };
  if (caller.OPENID) env['WX_OPENID'] = caller.OPENID;
  if (caller.UNIONID) env['WX_UNIONID'] = caller.UNIONID;
  if (caller.CLIENTIP) env['WX_CLIENTIP'] = caller.CLIENTIP;
  if (caller.SOURCE === 'wx_trigger') env['TRIGGER_SRC'] = 'timer';
  return env;
}
