/**
 * The one shape of every platform cloud function (docs/conventions.md rule 1): the event names a command and
 * carries its input; identity comes from `cloud.getWXContext()`; the core does the rest; the reply is
 * `{code, message, data}`.
 *
 *   // cloudfunctions/orders/index.ts
 *   export const main = commandFunction({
 *     'order.cancel': (ctx, command) => cancelOrder({ ...ctx, command }),
 *   });
 *
 * `ctx` is a FunctionContext: the ports, the actor loaded from the WeChat context's OPENID, the platform
 * configuration (and the phone-number port, for profile.phone.set); spread with the event's input it is the
 * use case's `UseCaseInput`. The database port is handed in sealed: residents' personal data is encrypted
 * on the way in and opened on the way out (core/privacy/sealed-database.ts, decision 0012), with the
 * cipher and keys the environment configures; a function whose configuration is unusable (no key outside
 * the local cloud, an algorithm the runtime lacks) refuses to start.
 *
 * Each user's calls are limited per minute and command (`rateLimits.perMinute`, core/kernel/rate-limit.ts):
 * counted here, for every function alike, before the actor is loaded; a call over the limit is RATE_LIMITED.
 *
 * Where the caller's identity comes from is pluggable (`CallerIdentity`, `runRoute`): the WeChat context
 * here, a console session in the console's HTTP function (function-kit/http-function.ts), which hands the
 * same routes and use cases the actor of its session instead. Everything after the identity is this one
 * path: ports, actor from the stored grants, the route, the same error mapping.
 */
import { randomBytes } from 'node:crypto';
import cloud from 'wx-server-sdk';
import type { AuditSource } from '../core/kernel/audit';
import { loadActor } from '../core/auth/actor.loader';
import { SYSTEM_ACTOR, type Actor } from '../core/auth/roles';
import { DEFAULT_PLATFORM_CONFIG, type PlatformConfig } from '../core/kernel/platform.config';
import type { PlatformPorts } from '../core/kernel/use-case';
import type { PhoneNumberResolver } from '../core/profile/phone-number.port';
import { DomainError, isDomainError } from '../core/kernel/errors';
import { enforceRateLimit } from '../core/kernel/rate-limit';
import { sealedDatabase } from '../core/privacy/sealed-database';
import {
  createWxContentSecurity,
  createWxNotifier,
  templateIdMap,
  type WxOpenApiCloud,
} from './wx-messaging.adapters';
import { createWxDatabasePort, type WxCloud } from './wx-database.adapter';
import { createWxPhoneNumberResolver } from './wx-phone-number.adapter';
import { isLocalCloudRuntime, personalDataCipherFromEnv } from './personal-data.keys';

// Checked when the instance starts: a function that could not open what it stores does not start.
const personalData = personalDataCipherFromEnv(process.env, { local: isLocalCloudRuntime(process.env) });

export interface FunctionReply {
  code: string;
  message: string;
  data?: unknown;
}

export interface FunctionContext {
  readonly ports: PlatformPorts;
  readonly actor: Actor;
  readonly config: PlatformConfig;
  /** WeChat's phone-number exchange (profile.phone.set); the order loop's ports do not need it. */
  readonly phoneNumbers: PhoneNumberResolver;
}

export type CommandRoute = (ctx: FunctionContext, input: unknown) => Promise<unknown>;

/** Who is calling, from a source the kit trusts: never the event's input. */
export interface CallerIdentity {
  readonly openid: string;
  /** Console calls: the session behind them, recorded with every write (core/kernel/audit.ts). */
  readonly audit?: AuditSource;
}

export interface RouteOptions {
  /** Count the call against the caller's per-minute limit for the command first (the WeChat functions). */
  readonly rateLimited: boolean;
}

export interface CommandFunctionOptions {
  /** What a timer trigger runs (only when the runtime says SOURCE is wx_trigger; never on the event's word). */
  timer?: (ctx: FunctionContext, event: { TriggerName?: string; Time?: string }) => Promise<unknown>;
}

let initialised = false;
function sdk(): typeof cloud {
  if (!initialised) {
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
    initialised = true;
  }
  return cloud;
}

/** The SDK's `openapi` is typed `Record<string, any>`: seen here, once, through the calls we make. */
function openApiCloud(): WxOpenApiCloud {
  return sdk() as unknown as WxOpenApiCloud;
}

function ports(): PlatformPorts {
  const c = sdk();
  return {
    db: sealedDatabase(createWxDatabasePort(c as unknown as WxCloud), personalData),
    clock: { now: () => Date.now() },
    ids: { next: () => randomBytes(12).toString('hex') },
    notifier: createWxNotifier(openApiCloud(), templateIdMap(process.env['TEMPLATE_IDS'])),
    contentSecurity: createWxContentSecurity(openApiCloud()),
  };
}

const OK = (data: unknown): FunctionReply => ({ code: 'OK', message: '成功', data });

export function failure(e: unknown): FunctionReply {
  if (isDomainError(e))
    return { code: e.code, message: e.message, ...(e.details ? { data: { details: e.details } } : {}) };
  console.error('unexpected failure', e);
  return { code: 'INTERNAL', message: '系统繁忙,请稍后重试' };
}

/** What every call is handed besides the actor, built once per call. */
export function callContext(audit?: AuditSource): Omit<FunctionContext, 'actor'> {
  const base = ports();
  return {
    ports: audit === undefined ? base : { ...base, audit },
    config: DEFAULT_PLATFORM_CONFIG,
    phoneNumbers: createWxPhoneNumberResolver(openApiCloud()),
  };
}

/**
 * The kit's one path from an identified call to its use case: UNAUTHENTICATED without an identity, the
 * per-minute limit where it applies, the actor from the stored grants, the route. A refusal is thrown
 * (a DomainError), for the caller to map: `failure` for callFunction replies, the HTTP kit for HTTP.
 */
export async function runRoute(
  route: CommandRoute,
  command: string,
  input: unknown,
  identity: CallerIdentity | undefined,
  options: RouteOptions,
): Promise<unknown> {
  if (identity === undefined || identity.openid.length === 0) {
    throw new DomainError('UNAUTHENTICATED', '请在微信中打开小程序后再试');
  }
  const ctx = callContext(identity.audit);
  // Counted before anything else is read or written (the command runner sees only transactional writes;
  // match.request is not one). Timers never come here.
  if (options.rateLimited) await enforceRateLimit(ctx.ports, identity.openid, command, ctx.config);
  const actor = await loadActor(ctx.ports.db, identity.openid);
  return route({ ...ctx, actor }, input);
}

/** A route of the table by name: own properties only ('constructor' must not reach Object.prototype). */
export function routeOf<R>(routes: Record<string, R>, name: string): R | undefined {
  return Object.prototype.hasOwnProperty.call(routes, name) ? routes[name] : undefined;
}

export function commandFunction(routes: Record<string, CommandRoute>, options: CommandFunctionOptions = {}) {
  return async function main(event: unknown): Promise<FunctionReply> {
    try {
      const wxContext = sdk().getWXContext() as { OPENID?: string; SOURCE?: string };
      const e = (event ?? {}) as Record<string, unknown>;
      if (wxContext.SOURCE === 'wx_trigger') {
        if (!options.timer) return { code: 'NO_TIMER', message: '该云函数没有定时任务' };
        const ctx = callContext();
        return OK(
          await options.timer({ ...ctx, actor: SYSTEM_ACTOR }, e as { TriggerName?: string; Time?: string }),
        );
      }
      if (typeof e['command'] !== 'string') {
        return { code: 'INVALID_INPUT', message: '缺少要执行的操作(command)' };
      }
      const route = routeOf(routes, e['command']);
      if (!route) return { code: 'UNKNOWN_COMMAND', message: `不支持的操作:${e['command'].slice(0, 60)}` };
      const identity = wxContext.OPENID ? { openid: wxContext.OPENID } : undefined;
      return OK(await runRoute(route, e['command'], e['input'] ?? {}, identity, { rateLimited: true }));
    } catch (err) {
      return failure(err);
    }
  };
}
