/**
 * The client gateway: how the mini-program (in DevTools' local mode) and the admin page call cloud functions
 * on the local cloud, plus the controllable clock. In local mode the caller picks a demo identity with the
 * `X-WX-OPENID` header; the runtime, not the event, hands it to the function as its WeChat context.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ControllableClock } from '../clock';
import { CloudError } from '../protocol/cloud-error';
import type { FunctionRunner } from '../functions/function-runner';
import type { TimerScheduler } from '../functions/timer-scheduler';
import { sendJson, type LocalCloudServer } from '../http/local-cloud.server';

export const OPENID_HEADER = 'x-wx-openid';

export interface GatewayOptions {
  /** Whether an openid is one of the identities local mode may act as (the seeded demo users). */
  isKnownIdentity: (openid: string) => boolean | Promise<boolean>;
}

function parseJson(body: Buffer): unknown {
  if (body.length === 0) return {};
  return JSON.parse(body.toString('utf8'));
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
      const openidHeader = req.headers[OPENID_HEADER];
      const openid = Array.isArray(openidHeader) ? openidHeader[0] : openidHeader;
      if (!openid || !/^[A-Za-z0-9_-]{1,64}$/.test(openid)) {
        fail(res, 401, 'GATEWAY_IDENTITY_REQUIRED', '本地模式需要在请求头 X-WX-OPENID 中选择一个演示身份');
        return;
      }
      if (!(await opts.isKnownIdentity(openid))) {
        fail(res, 403, 'GATEWAY_UNKNOWN_IDENTITY', `未知的演示身份:${openid}`);
        return;
      }
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
        if (e instanceof CloudError)
          fail(res, e.code === 'FUNCTIONS_REQUEST_FAIL' ? 404 : 200, e.code, e.message);
        else throw e;
      }
    },
    { prefix: true },
  );

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

  // Set or advance the clock, then run every trigger due at the new time.
  server.addRoute('POST', '/clock', async (_req, res, body) => {
    let input: unknown;
    try {
      input = parseJson(body);
    } catch {
      sendJson(res, 400, { code: 'INVALID_PARAM', message: '请求体不是合法的 JSON' });
      return;
    }
    const o = (input ?? {}) as Record<string, unknown>;
    const setTo = o['setTo'];
    const advanceMs = o['advanceMs'];
    const freeze = o['freeze'] === true;
    if (setTo !== undefined) {
      const ms = typeof setTo === 'number' ? setTo : typeof setTo === 'string' ? Date.parse(setTo) : NaN;
      if (!Number.isFinite(ms)) {
        sendJson(res, 400, { code: 'INVALID_PARAM', message: 'setTo 必须是时间戳(毫秒)或 ISO 时间字符串' });
        return;
      }
      clock.set(ms, { freeze });
    }
    if (advanceMs !== undefined) {
      if (typeof advanceMs !== 'number' || !Number.isFinite(advanceMs) || advanceMs < 0) {
        sendJson(res, 400, { code: 'INVALID_PARAM', message: 'advanceMs 必须是非负数' });
        return;
      }
      clock.advance(advanceMs);
    }
    if (o['reset'] === true) clock.reset();
    const runs = await scheduler.runDue();
    sendJson(res, 200, { now: clock.now(), iso: new Date(clock.now()).toISOString(), runs });
  });

  server.addRoute('GET', '/timers', (_req, res) => {
    sendJson(res, 200, { triggers: scheduler.list(), runs: scheduler.runs() });
  });
}
