/**
 * One local cloud per test file for the function tests: the real cloudfunctions/ built as deployment builds
 * them, the Yulin demo data seeded once, the clock set to a fixed moment, and the real
 * @cloudbase/node-sdk to call the functions as any identity (the local-only `openid:<OPENID>` credential) or
 * as an administrator (no openid: the database, and calls without a WeChat identity).
 *
 *   const cloud = functionCloud();            // registers beforeAll / afterAll
 *   const reply = await cloud.as('demo-resident-1').orders('match.request', { itemIds: [...] });
 *
 * Besides calling, it finds data (staff of a provider, providers offering an item in a unit), reads the
 * outbox, records subscribe-message grants, moves the clock and runs due timers, and takes a write mark
 * of the whole database so a test can say "nothing was written".
 */
import tcb from '@cloudbase/node-sdk';
import { OPENID_CREDENTIAL_PREFIX } from '../../../localcloud/functions/functions.actions';
import type { TimerRun } from '../../../localcloud/functions/timer-scheduler';
import type { OutboxMessage } from '../../../localcloud/openapi/outbox';
import { seedDemoData } from '../../../scripts/seed-demo';
import { platformFunctions } from '../../helpers/functions-build';
import { startLocalCloud, type StartedCloud } from '../../helpers/local-cloud.fixture';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
export const MINUTE_MS = 60_000;

/** Where every file's clock starts: Monday 2025-03-10 10:00 Asia/Shanghai. */
export const START_AT = Date.UTC(2025, 2, 10, 2, 0, 0);

/** The reply of every platform function (docs/functions.md). */
export interface Reply<T = unknown> {
  code: string;
  message: string;
  data: T;
}

export interface Caller {
  readonly openid: string | null;
  call<T = unknown>(fn: string, command: string, input?: unknown): Promise<Reply<T>>;
  /** The resident's function. */
  orders<T = unknown>(command: string, input?: unknown): Promise<Reply<T>>;
  /** The provider staff's function. */
  jobs<T = unknown>(command: string, input?: unknown): Promise<Reply<T>>;
  /** Any event, as it is (to send what a client should not). */
  raw<T = unknown>(fn: string, event: unknown): Promise<Reply<T>>;
}

type Doc = Record<string, unknown> & { _id: string };
type AdminDatabase = ReturnType<ReturnType<typeof tcb.init>['database']>;

/** Per collection: documents and the store's last write sequence (any insert or update moves it). */
export type WriteMark = Record<string, { count: number; lastRev: number }>;

export interface FunctionCloud {
  readonly started: StartedCloud;
  /** The administrator's database through the node-sdk (no openid). */
  readonly db: AdminDatabase;
  /** A caller with this openid (the local-only credential), or without one (`null`: an admin SDK). */
  as(openid: string | null): Caller;
  /** A fresh clientRequestId (8-64 of [A-Za-z0-9_-]). */
  requestId(label?: string): string;

  now(): number;
  /** Move the clock forward and run every timer trigger that is due; resolves with the runs. */
  advance(ms: number): Promise<TimerRun[]>;
  /** Set the clock (forward only) and run what is due. */
  advanceTo(ms: number): Promise<TimerRun[]>;
  /** Move the clock forward without running any timer. */
  shiftClock(ms: number): void;
  /**
   * Deliver a timer trigger to the function once more, at the current time (CloudBase triggers are
   * at-least-once); resolves with the function's reply.
   */
  fireTimer<T = unknown>(
    fn: 'order-timers' | 'concern-timers' | 'reputation-nightly' | 'housekeeping',
  ): Promise<Reply<T>>;
  /** The next moment after now that is hh:mm in Asia/Shanghai. */
  nextShanghai(hour: number, minute: number): number;

  get<T = Doc>(collection: string, id: string): Promise<T | null>;
  find<T = Doc>(collection: string, where: Record<string, unknown>, limit?: number): Promise<T[]>;
  count(collection: string, where?: Record<string, unknown>): Promise<number>;
  update(collection: string, id: string, patch: Record<string, unknown>): Promise<void>;
  insert(collection: string, docs: Doc[]): Promise<void>;

  /** Openids of the users holding a provider_staff grant for the provider. */
  staffOf(providerId: string): Promise<string[]>;
  /** Active offerings of the item whose service area covers the unit (the unit or an ancestor). */
  offeringsCovering(itemId: string, orgPath: string): Promise<Doc[]>;

  /** Give the user `count` subscriptions of a template (what wx.requestSubscribeMessage records). */
  grant(openid: string, templateId: string, count?: number): void;
  /** Sent subscribe messages (all of them), newest first. */
  outbox(filter?: { touser?: string; templateId?: string }): OutboxMessage[];

  /**
   * Every collection's document count and last write: equal marks before and after a call mean it wrote
   * nothing at all (no document added, changed or removed).
   */
  writeMark(): WriteMark;
}

/** Every ancestor path of an org path, itself included ('/a/b/' -> ['/a/', '/a/b/']). */
export function pathsUpFrom(orgPath: string): string[] {
  const ids = orgPath.split('/').filter((x) => x.length > 0);
  return ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}

let requestSeq = 0;

/** Start the local cloud for this file (beforeAll) and stop it (afterAll). */
export function functionCloud(options: { startAt?: number } = {}): FunctionCloud {
  let started: StartedCloud | undefined;
  let built: { dir: string; remove(): void } | undefined;
  let adminDb: AdminDatabase | undefined;
  const callers = new Map<string, Caller>();

  beforeAll(async () => {
    built = await platformFunctions();
    started = await startLocalCloud({ functionsDir: built.dir, createDeclaredCollections: true });
    // Set, not frozen: time runs on between calls as it does in production (a frozen clock would give
    // consecutive steps of an order the same or even decreasing times); tests move it on in jumps.
    started.cloud.clock.set(options.startAt ?? START_AT);
    // Timer triggers were scheduled from the real time at start: schedule them from the test's clock.
    started.cloud.loadFunctions();
    seedDemoData(started.cloud.db, () => started!.cloud.clock.now());
    adminDb = sdk(null).database();
  });

  afterAll(async () => {
    await started?.stop();
    built?.remove();
  });

  const cloud = (): StartedCloud => {
    if (started === undefined) throw new Error('the local cloud starts in beforeAll');
    return started;
  };

  function sdk(openid: string | null) {
    return tcb.init({
      env: 'local',
      serviceUrl: cloud().serviceUrl,
      secretId: openid === null ? 'admin' : `${OPENID_CREDENTIAL_PREFIX}${openid}`,
      secretKey: 'x',
      // The SDK's default of 15 s is for one call; tests send dozens at once (50 racing claims) to a
      // local cloud sharing two cores, and a call queued behind them is slow, not lost.
      timeout: 60_000,
    } as never);
  }

  function makeCaller(openid: string | null): Caller {
    const app = sdk(openid);
    const raw = async <T>(fn: string, event: unknown): Promise<Reply<T>> =>
      (await app.callFunction({ name: fn, data: event as Record<string, unknown> })).result as Reply<T>;
    const call = <T>(fn: string, command: string, input: unknown = {}) => raw<T>(fn, { command, input });
    return {
      openid,
      raw,
      call,
      orders: (command, input) => call('orders', command, input),
      jobs: (command, input) => call('jobs', command, input),
    };
  }

  const database = (): AdminDatabase => {
    if (adminDb === undefined) throw new Error('the local cloud starts in beforeAll');
    return adminDb;
  };

  return {
    get started() {
      return cloud();
    },
    get db() {
      return database();
    },
    as(openid) {
      const key = openid ?? '';
      let caller = callers.get(key);
      if (caller === undefined) {
        caller = makeCaller(openid);
        callers.set(key, caller);
      }
      return caller;
    },
    requestId(label = 'req') {
      requestSeq += 1;
      return `${label.replace(/[^A-Za-z0-9_-]/g, '')}-${String(requestSeq).padStart(6, '0')}`.slice(0, 64);
    },

    now: () => cloud().cloud.clock.now(),
    async advance(ms) {
      cloud().cloud.clock.advance(ms);
      return cloud().cloud.timers.runDue();
    },
    async advanceTo(ms) {
      const now = cloud().cloud.clock.now();
      if (ms < now) throw new Error('the clock only moves forward in these tests');
      cloud().cloud.clock.advance(ms - now);
      return cloud().cloud.timers.runDue();
    },
    shiftClock(ms) {
      cloud().cloud.clock.advance(ms);
    },
    async fireTimer<T>(fn: string) {
      const event = { Type: 'Timer', TriggerName: 'redelivered', Time: new Date(this.now()).toISOString() };
      const result = await cloud().cloud.runner.invoke(fn, event, { SOURCE: 'wx_trigger' });
      return JSON.parse(result.responseData) as Reply<T>;
    },
    nextShanghai(hour, minute) {
      const now = cloud().cloud.clock.now();
      const shanghai = now + 8 * HOUR_MS;
      const dayStart = shanghai - (shanghai % DAY_MS);
      let at = dayStart + hour * HOUR_MS + minute * MINUTE_MS - 8 * HOUR_MS;
      if (at <= now) at += DAY_MS;
      return at;
    },

    async get<T>(collection: string, id: string) {
      const res = await database().collection(collection).doc(id).get();
      const data = res.data as unknown as T[] | undefined;
      return data && data.length > 0 ? data[0]! : null;
    },
    async find<T>(collection: string, where: Record<string, unknown>, limit = 1000) {
      const res = await database().collection(collection).where(where).limit(limit).get();
      return res.data as unknown as T[];
    },
    async count(collection, where = {}) {
      return (await database().collection(collection).where(where).count()).total;
    },
    async update(collection, id, patch) {
      await database().collection(collection).doc(id).update(patch);
    },
    async insert(collection, docs) {
      for (const doc of docs) await database().collection(collection).add(doc);
    },

    async staffOf(providerId) {
      const users = await this.find<{ openid: string }>('users', { 'grants.providerId': providerId });
      return users.map((u) => u.openid).sort();
    },
    async offeringsCovering(itemId, orgPath) {
      const _ = database().command;
      return this.find('offerings', { itemId, active: true, servedPaths: _.in(pathsUpFrom(orgPath)) });
    },

    grant(openid, templateId, count = 10) {
      cloud().cloud.openapi.recordSubscription(openid, templateId, count);
    },
    outbox(filter = {}) {
      const messages: OutboxMessage[] = [];
      for (let offset = 0; ; offset += 100) {
        const page = cloud().cloud.openapi.listOutbox(filter, offset, 100);
        messages.push(...page.messages);
        if (messages.length >= page.total || page.messages.length === 0) return messages;
      }
    },

    writeMark() {
      const store = cloud().cloud.store;
      const mark: WriteMark = {};
      for (const name of store.listCollections()) {
        const row = store.db
          .prepare(
            `SELECT COUNT(*) AS count, COALESCE(MAX(rev), 0) AS lastRev FROM "${store.collection(name).table}"`,
          )
          .get() as { count: number; lastRev: number };
        mark[name] = row;
      }
      return mark;
    },
  };
}
