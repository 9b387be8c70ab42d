/**
 * The client gateway: how the mini-program (in DevTools' local mode) and the admin page call cloud functions
 * on the local cloud, plus the controllable clock. In local mode the caller picks a demo identity with the
 * `X-WX-OPENID` header; the runtime, not the event, hands it to the function as its WeChat context.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isClockTime, type ControllableClock } from '../clock';
import { CloudError, CloudErrorCode } from '../protocol/cloud-error';
import type { FunctionRunner } from '../functions/function-runner';
import type { TimerScheduler } from '../functions/timer-scheduler';
import { sendJson, type LocalCloudServer } from '../http/local-cloud.server';
import type { LocalStorage } from '../storage/local-storage';
import { registerGatewayStorageRoutes, type Refused } from './gateway-storage.routes';

export const OPENID_HEADER = 'x-wx-openid';

export interface GatewayOptions {
  /** Whether an openid is one of the identities local mode may act as (the seeded demo users). */
  isKnownIdentity: (openid: string) => boolean | Promise<boolean>;
  /** Cloud storage, for `POST /gateway/storage/*` (gateway-storage.routes.ts); no storage routes without it. */
  storage?: LocalStorage;
  /** The environment the functions run in (file ids name it); `weimin-local` by default. */
  envName?: string;
}

/** The demo identity a gateway request acts as (`X-WX-OPENID`), or why it is refused. */
export async function gatewayIdentity(
  req: IncomingMessage,
  opts: Pick<GatewayOptions, 'isKnownIdentity'>,
): Promise<{ openid: string } | Refused> {
  const openidHeader = req.headers[OPENID_HEADER];
  const openid = Array.isArray(openidHeader) ? openidHeader[0] : openidHeader;
  if (!openid || !/^[A-Za-z0-9_-]{1,64}$/.test(openid)) {
    return {
      status: 401,
      code: 'GATEWAY_IDENTITY_REQUIRED',
      message: '本地模式需要在请求头 X-WX-OPENID 中选择一个演示身份',
    };
  }
  if (!(await opts.isKnownIdentity(openid))) {
    return { status: 403, code: 'GATEWAY_UNKNOWN_IDENTITY', message: `未知的演示身份:${openid}` };
  }
  return { openid };
}

function parseJson(body: Buffer): unknown {
  if (body.length === 0) return {};
  return JSON.parse(body.toString('utf8'));
}

/** HTTP statuses of the gateway's refusals; a function that ran and failed answers 200, as callFunction does. */
const GATEWAY_STATUS: Partial<Record<string, number>> = {
  [CloudErrorCode.FunctionNotFound]: 404,
  [CloudErrorCode.InvalidParam]: 400,
  [CloudErrorCode.PayloadTooLarge]: 413,
};

interface ClockMove {
  setTo?: number;
  freeze: boolean;
  advanceMs?: number;
  reset: boolean;
}

const CLOCK_RANGE_TEXT = '1970-01-01 至 9999-12-31(UTC)';

/** What `POST /clock` asks for, checked as a whole against the clock's range; or why it is refused. */
function clockMove(input: unknown, clock: ControllableClock): ClockMove | { code: string; message: string } {
  if (typeof input !== 'object' || Array.isArray(input)) {
    return { code: 'INVALID_PARAM', message: '请求体必须是 JSON 对象' };
  }
  const o = input as Record<string, unknown>;
  const move: ClockMove = { freeze: o['freeze'] === true, reset: o['reset'] === true };
  const setTo = o['setTo'];
  if (setTo !== undefined) {
    const ms = typeof setTo === 'number' ? setTo : typeof setTo === 'string' ? Date.parse(setTo) : NaN;
    if (!Number.isFinite(ms)) {
      return { code: 'INVALID_PARAM', message: 'setTo 必须是时间戳(毫秒)或 ISO 时间字符串' };
    }
    if (!isClockTime(ms)) {
      return {
        code: 'CLOCK_OUT_OF_RANGE',
        message: `setTo 超出本地云时钟的范围(${CLOCK_RANGE_TEXT}):${String(setTo)}`,
      };
    }
    move.setTo = ms;
  }
  const advanceMs = o['advanceMs'];
  if (advanceMs !== undefined) {
    if (typeof advanceMs !== 'number' || !Number.isFinite(advanceMs) || advanceMs < 0) {
      return { code: 'INVALID_PARAM', message: 'advanceMs 必须是非负数' };
    }
    const from = move.setTo ?? clock.now();
    if (!isClockTime(from + advanceMs)) {
      return {
        code: 'CLOCK_OUT_OF_RANGE',
        message: `advanceMs 会让本地云时钟超出范围(${CLOCK_RANGE_TEXT}):${advanceMs}`,
      };
    }
    move.advanceMs = advanceMs;
  }
  return move;
}

function fail(res: ServerResponse, status: number, code: string, message: string, errCode = -1): void {
  sendJson(res, status, { code, errCode, errMsg: `callFunction:fail ${message}`, message });
}

export function registerGatewayRoutes(
  server: LocalCloudServer,
  runner: FunctionRunner,
  scheduler: TimerScheduler,
  clock: ControllableClock,
  opts: GatewayOptions,
): void {
  server.addRoute(
    'POST',
    '/gateway/call/',
    async (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
      const name = decodeURIComponent(
        new URL(req.url ?? '/', 'http://x').pathname.slice('/gateway/call/'.length),
      );
      const who = await gatewayIdentity(req, opts);
      if ('code' in who) {
        fail(res, who.status, who.code, who.message);
        return;
      }
      const { openid } = who;
      let payload: unknown;
      try {
        payload = parseJson(body);
      } catch {
        fail(res, 400, 'INVALID_PARAM', '请求体不是合法的 JSON');
        return;
      }
      const data = payload !== null && typeof payload === 'object' && 'data' in payload ? payload.data : {};
      try {
        const result = await runner.invoke(name, data ?? {}, {
          OPENID: openid,
          SOURCE: 'wx_client',
          ...(req.socket.remoteAddress ? { CLIENTIP: req.socket.remoteAddress } : {}),
        });
        sendJson(res, 200, {
          result: JSON.parse(result.responseData) as unknown,
          errMsg: 'callFunction:ok',
          requestID: result.requestId,
        });
      } catch (e) {
        if (e instanceof CloudError) fail(res, GATEWAY_STATUS[e.code] ?? 200, e.code, e.message);
        else throw e;
      }
    },
    { prefix: true },
  );

  if (opts.storage !== undefined) {
    registerGatewayStorageRoutes(server, opts.storage, {
      identity: (req) => gatewayIdentity(req, opts),
      envName: opts.envName ?? 'weimin-local',
    });
  }

  server.addRoute('GET', '/gateway/functions', (_req, res) => {
    sendJson(res, 200, {
      functions: runner.list().map((f) => ({
        name: f.name,
        timeout: f.config.timeout,
        memorySize: f.config.memorySize,
        triggers: f.config.triggers,
      })),
    });
  });

  server.addRoute('GET', '/clock', (_req, res) => {
    sendJson(res, 200, { now: clock.now(), iso: new Date(clock.now()).toISOString(), real: clock.isReal });
  });

  // Set or advance the clock, then run every trigger due at the new time. Everything is checked before the
  // clock moves: a refused request leaves it where it was.
  server.addRoute('POST', '/clock', async (_req, res, body) => {
    let input: unknown;
    try {
      input = parseJson(body);
    } catch {
      sendJson(res, 400, { code: 'INVALID_PARAM', message: '请求体不是合法的 JSON' });
      return;
    }
    const move = clockMove(input ?? {}, clock);
    if ('code' in move) {
      sendJson(res, 400, move);
      return;
    }
    if (move.setTo !== undefined) clock.set(move.setTo, { freeze: move.freeze });
    if (move.advanceMs !== undefined) clock.advance(move.advanceMs);
    if (move.reset) clock.reset();
    const runs = await scheduler.runDue();
    sendJson(res, 200, { now: clock.now(), iso: new Date(clock.now()).toISOString(), runs });
  });

  server.addRoute('GET', '/timers', (_req, res) => {
    sendJson(res, 200, { triggers: scheduler.list(), runs: scheduler.runs() });
  });
}
