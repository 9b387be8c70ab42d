/**
 * The console's tests run on the function tests' local cloud (tests/functions/support/function-cloud.ts:
 * every function built as deployment builds it, admin-api included, the Yulin demo data, a fixed clock),
 * plus the demo console accounts (scripts/console-demo-accounts.ts) and, for the browser tests, the built
 * console at /console/. Requests go over real HTTP to /console/api/* and /console/auth/*, which the local
 * cloud hands to admin-api as CloudBase's HTTP access service would.
 *
 *   const cloud = consoleCloud();
 *   const street = await cloud.signIn('street.worker');
 *   const reply = await street.get('/console/api/orders');
 */
import { DEMO_CONSOLE_PASSWORD } from '../../../scripts/console-demo-accounts';
import { seedDemoConsoleAccounts } from '../../../scripts/seed-demo';
import { registerConsoleSite } from '../../../localcloud/http/console-site';
import { functionCloud, type FunctionCloud, type WriteMark } from '../../functions/support/function-cloud';

export { DEMO_CONSOLE_PASSWORD };

/** What admin-api answers, as a test reads it. */
export interface ApiReply<T = unknown> {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly data: T;
  readonly headers: Headers;
  readonly setCookies: readonly string[];
}

export interface RequestOptions {
  readonly headers?: Record<string, string>;
  /** A raw body (sent as is); otherwise `json` is sent as JSON. */
  readonly body?: string;
  readonly json?: unknown;
  /** Leave out the CSRF token (true), or send this one instead. */
  readonly csrf?: false | string;
}

/** A browser's worth of state: the session cookie it holds and the CSRF token the session gave it. */
export class ConsoleBrowser {
  cookie: string | null = null;
  csrfToken = '';

  constructor(private readonly baseUrl: () => string) {}

  async request<T = unknown>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<ApiReply<T>> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (this.cookie !== null && headers['cookie'] === undefined) headers['cookie'] = this.cookie;
    let body: string | undefined = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] ??= 'application/json';
    }
    if (method !== 'GET' && method !== 'HEAD' && options.csrf !== false) {
      headers['x-csrf-token'] ??= typeof options.csrf === 'string' ? options.csrf : this.csrfToken;
    }
    const response = await fetch(`${this.baseUrl()}${path}`, { method, headers, body, redirect: 'manual' });
    const text = await response.text();
    let parsed: { code?: string; message?: string; data?: unknown } = {};
    try {
      parsed = JSON.parse(text) as typeof parsed;
    } catch {
      parsed = { code: 'NOT_JSON', message: text.slice(0, 200) };
    }
    const setCookies = response.headers.getSetCookie();
    for (const c of setCookies) {
      const [pair] = c.split(';');
      const value = pair!.slice(pair!.indexOf('=') + 1);
      this.cookie = value === '' ? null : pair!;
    }
    const data = parsed.data as T;
    const csrf = (data as { csrfToken?: unknown } | undefined)?.csrfToken;
    if (parsed.code === 'OK' && typeof csrf === 'string') this.csrfToken = csrf;
    return {
      status: response.status,
      code: parsed.code ?? '',
      message: parsed.message ?? '',
      data,
      headers: response.headers,
      setCookies,
    };
  }

  get<T = unknown>(path: string, options: RequestOptions = {}) {
    return this.request<T>('GET', path, options);
  }

  post<T = unknown>(path: string, json: unknown = {}, options: RequestOptions = {}) {
    return this.request<T>('POST', path, { ...options, json });
  }

  signIn(loginName: string, password = DEMO_CONSOLE_PASSWORD) {
    return this.post('/console/auth/login', { loginName, password }, { csrf: false });
  }
}

export interface ConsoleCloud extends FunctionCloud {
  readonly url: string;
  /** A fresh browser, signed in as the account (the demo password by default); fails unless OK. */
  signIn(loginName: string, password?: string): Promise<ConsoleBrowser>;
  /** A fresh browser with no session. */
  browser(): ConsoleBrowser;
  /** Every collection's document count and last write, bookkeeping included: equal marks, nothing written. */
  wholeMark(): WriteMark;
  /** Move the clock on by a minute, so a test starts with fresh per-minute sign-in limits. */
  nextMinute(): void;
}

export function consoleCloud(options: { startAt?: number; consoleDir?: string } = {}): ConsoleCloud {
  const cloud = functionCloud(options.startAt === undefined ? {} : { startAt: options.startAt });
  beforeAll(async () => {
    const started = cloud.started.cloud;
    await seedDemoConsoleAccounts(started.db, () => started.clock.now());
    if (options.consoleDir !== undefined) registerConsoleSite(started.server, options.consoleDir);
  });
  const url = () => cloud.started.cloud.url;
  const extra = {
    get url() {
      return url();
    },
    browser: () => new ConsoleBrowser(url),
    async signIn(loginName: string, password?: string) {
      const b = new ConsoleBrowser(url);
      const reply = await b.signIn(loginName, password);
      if (reply.code !== 'OK') throw new Error(`sign-in as ${loginName}: ${reply.code} ${reply.message}`);
      return b;
    },
    wholeMark: () => cloud.writeMark(),
    nextMinute: () => cloud.shiftClock(60_000),
  };
  return new Proxy(cloud, {
    get(target, key, receiver) {
      if (key in extra) return Reflect.get(extra, key, extra);
      return Reflect.get(target, key, receiver);
    },
  }) as ConsoleCloud;
}

export interface RefusalChecks {
  /** A fresh clientRequestId for the file: `<label>-0001-<suffix>`, numbered on. */
  readonly rid: (label: string) => string;
  /** POST the body (with a fresh clientRequestId): refused with this status and code, a message in Chinese,
   *  and nothing at all written. */
  readonly expectRefused: (
    b: ConsoleBrowser,
    path: string,
    body: Record<string, unknown>,
    status: number,
    code: string,
  ) => Promise<void>;
}

/** Request ids and the check of refusals for a file's write tests, its ids ending in `-<suffix>`. */
export function refusalChecks(cloud: ConsoleCloud, suffix: string): RefusalChecks {
  let seq = 0;
  const rid = (label: string) => `${label}-${(seq += 1).toString().padStart(4, '0')}-${suffix}`;
  return {
    rid,
    expectRefused: async (b, path, body, status, code) => {
      const before = cloud.wholeMark();
      const reply = await b.post(path, { clientRequestId: rid('refused'), ...body });
      expect({ status: reply.status, code: reply.code }).toEqual({ status, code });
      expect(reply.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(cloud.wholeMark()).toEqual(before);
    },
  };
}
