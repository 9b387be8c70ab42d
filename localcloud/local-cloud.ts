/**
 * The local cloud, assembled: the durable store, the database actions and the HTTP server on one port.
 * Used by `npm start` (cli.ts), by tests (each starts its own on a free port with a temporary data dir)
 * and by benchmarks.
 */
import { join } from 'node:path';
import { ControllableClock } from './clock';
import { registerDatabaseActions } from './db/database.actions';
import { loadIndexCatalog, type IndexCatalog } from './db/index-catalog';
import { LocalDatabase } from './db/local-database';
import { SqliteStore } from './db/sqlite.store';
import { registerConsoleGateway } from './http/console-gateway';
import { registerConsoleSite } from './http/console-site';
import { LocalCloudServer } from './http/local-cloud.server';
import { projectAppIds } from './http/request-guard';
import { discoverFunctions } from './functions/function-config';
import { FunctionRunner } from './functions/function-runner';
import { registerFunctionActions } from './functions/functions.actions';
import { TimerScheduler } from './functions/timer-scheduler';
import { registerGatewayRoutes, type GatewayOptions } from './gateway/gateway.routes';
import { registerOpenApi, type OpenApi } from './openapi';
import type { LocalStorage } from './storage/local-storage';
import { registerStorage } from './storage/storage.actions';
import type { StorageLimits } from './storage/storage.limits';

export const DEFAULT_PORT = 3910;
export const DEFAULT_DATA_DIR = '.localcloud';
export const REPO_ROOT = join(__dirname, '..');
export const DEFAULT_INDEX_FILE = join(REPO_ROOT, 'database', 'indexes.json');

export interface LocalCloudOptions {
  /** 0 picks a free port. */
  port: number;
  dataDir: string;
  host?: string;
  /** Index declarations; defaults to database/indexes.json. */
  catalog?: IndexCatalog;
  /** Create every collection declared in the catalog at start (what `npm start` does). */
  createDeclaredCollections?: boolean;
  synchronous?: 'NORMAL' | 'FULL';
  maxBodyBytes?: number;
  log?: (line: string) => void;
  /** Folder of built (deployable) functions, e.g. build/functions; none when absent. */
  functionsDir?: string;
  /** The environment id functions see (DYNAMIC_CURRENT_ENV, getWXContext().ENV). */
  envName?: string;
  appId?: string;
  /** Poll the clock and fire timer triggers on their own (`npm start`); tests call runDue() instead. */
  runTimers?: boolean;
  /**
   * Load the functions' timer triggers (default true). False: no trigger ever fires, not even when the clock
   * is moved past one (benchmarks, which move the clock between measured calls).
   */
  timerTriggers?: boolean;
  /** Instances per function at most (16 by default); further calls wait for a free one. */
  maxInstancesPerFunction?: number;
  /** Which openids the gateway lets local mode act as; any well-formed one by default. */
  isKnownIdentity?: GatewayOptions['isKnownIdentity'];
  /**
   * App ids whose WeChat DevTools simulator may call the gateway from its pages
   * (`Referer: https://servicewechat.com/<appid>/devtools/page-frame.html`); by default the `appid` of the
   * repository's project.config.json (and project.private.config.json).
   */
  miniProgramAppIds?: readonly string[];
  /**
   * The built console (build/console, `npm run build:console`), served at /console/. Absent: no pages (the
   * console's API at /console/api/ and /console/auth/ is always routed to admin-api when it is deployed).
   */
  consoleDir?: string;
  /** Cloud storage's limits (localcloud/storage/storage.limits.ts); the defaults otherwise. */
  storageLimits?: Partial<StorageLimits>;
}

export const LOCAL_ENV = 'weimin-local';
export const LOCAL_APPID = 'wx0000000000local';

export class LocalCloud {
  readonly clock = new ControllableClock();
  readonly store: SqliteStore;
  readonly db: LocalDatabase;
  readonly server: LocalCloudServer;
  readonly runner: FunctionRunner;
  readonly timers: TimerScheduler;
  /** Subscribe messages (outbox, grants) and content security. */
  readonly openapi: OpenApi;
  /** Cloud storage: files in `<dataDir>/storage`, metadata in the store (docs/wire-protocol.md section 9). */
  readonly storage: LocalStorage;

  constructor(readonly options: LocalCloudOptions) {
    const catalog = options.catalog ?? loadIndexCatalog(DEFAULT_INDEX_FILE);
    this.store = new SqliteStore({
      dataDir: options.dataDir,
      catalog,
      ...(options.synchronous ? { synchronous: options.synchronous } : {}),
    });
    this.db = new LocalDatabase(this.store, () => this.clock.now());
    if (options.createDeclaredCollections) {
      for (const name of Object.keys(catalog)) this.db.ensureCollection(name);
    }
    this.server = new LocalCloudServer({
      port: options.port,
      ...(options.host ? { host: options.host } : {}),
      ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}),
      miniProgramAppIds: options.miniProgramAppIds ?? projectAppIds(REPO_ROOT),
      onInternalError: (e, action) =>
        options.log?.(`internal error${action ? ` in ${action}` : ''}: ${(e as Error)?.stack ?? String(e)}`),
    });
    registerDatabaseActions(this.server.actions, this.db);
    this.runner = new FunctionRunner({
      envName: options.envName ?? LOCAL_ENV,
      appId: options.appId ?? LOCAL_APPID,
      serviceUrl: () => this.serviceUrl,
      now: () => this.clock.now(),
      ...(options.maxInstancesPerFunction
        ? { maxInstancesPerFunction: options.maxInstancesPerFunction }
        : {}),
      ...(options.log ? { log: options.log } : {}),
    });
    this.timers = new TimerScheduler(this.runner, this.clock, options.log);
    registerFunctionActions(this.server.actions, this.runner);
    this.openapi = registerOpenApi(this.server, this.db, {
      now: () => this.clock.now(),
      callingFunction: (token) => this.runner.functionOfToken(token),
    });
    this.storage = registerStorage(this.server, this.db, {
      dataDir: options.dataDir,
      now: () => this.clock.now(),
      baseUrl: () => this.url,
      ...(options.storageLimits ? { limits: options.storageLimits } : {}),
    });
    registerGatewayRoutes(this.server, this.runner, this.timers, this.clock, {
      isKnownIdentity: options.isKnownIdentity ?? (() => true),
      storage: this.storage,
      envName: options.envName ?? LOCAL_ENV,
    });
    // Before any page route: every path under /console/api/ is the function's, known or not.
    registerConsoleGateway(this.server, this.runner, {
      envName: options.envName ?? LOCAL_ENV,
      appId: options.appId ?? LOCAL_APPID,
    });
    if (options.consoleDir !== undefined) registerConsoleSite(this.server, options.consoleDir);
  }

  /** (Re)load the built functions and their timer triggers. */
  loadFunctions(dir = this.options.functionsDir): void {
    if (!dir) return;
    const fns = discoverFunctions(dir);
    this.runner.setFunctions(fns);
    if (this.options.timerTriggers !== false) this.timers.load(fns);
  }

  async start(): Promise<string> {
    const port = await this.server.listen();
    this.loadFunctions();
    if (this.options.runTimers) this.timers.startPolling();
    return `http://${this.options.host ?? '127.0.0.1'}:${port}`;
  }

  get url(): string {
    return `http://${this.options.host ?? '127.0.0.1'}:${this.server.port}`;
  }

  /** What the SDKs take as `serviceUrl`. */
  get serviceUrl(): string {
    return `${this.url}/admin`;
  }

  async stop(): Promise<void> {
    this.timers.stopPolling();
    await this.runner.close();
    await this.server.close();
    this.store.close();
  }
}

/** Ctrl-C (SIGINT) or SIGTERM stops the cloud cleanly (open requests finish, the database closes) and exits 0. */
export function stopOnSignals(cloud: LocalCloud): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n收到 ${signal},正在停止本地云…`);
    cloud
      .stop()
      .then(() => {
        console.log('本地云已停止');
        process.exit(0);
      })
      .catch((e: unknown) => {
        console.error(e);
        process.exit(1);
      });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
