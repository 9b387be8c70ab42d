/**
 * The console's API on the local cloud, as CloudBase's HTTP access service gives it in production: every
 * request under `/console/api/` and `/console/auth/` (any method) becomes the integration request event
 * (`{path, httpMethod, headers, queryStringParameters, requestContext, body, isBase64Encoded}`) of the
 * `admin-api` function, invoked with `SOURCE: wx_http`, and its integration response (`{statusCode, headers,
 * body, isBase64Encoded}`) becomes the HTTP response. The function decides everything else (sessions,
 * CSRF, routes), so the code the local cloud runs here is the code that is deployed.
 *
 * The client's address reaches the function as the last `X-Forwarded-For` entry, set here from the socket
 * (whatever the client sent is replaced), as the access service appends the address it saw.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FunctionRunner } from '../functions/function-runner';
import { CloudError, CloudErrorCode } from '../protocol/cloud-error';
import { mediaTypeOf } from './request-guard';
import { sendJson, type LocalCloudServer } from './local-cloud.server';

export const CONSOLE_FUNCTION = 'admin-api';
/** The paths CloudBase's HTTP access service maps to admin-api (docs/console.md "Deployment"). */
export const CONSOLE_API_PREFIXES = ['/console/api/', '/console/auth/'] as const;
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

export interface ConsoleGatewayOptions {
  envName: string;
  appId: string;
}

/** Bodies passed as text; anything else goes base64-encoded, as the access service does with binary. */
function isTextual(contentType: string | undefined): boolean {
  const type = mediaTypeOf(contentType);
  return (
    type === '' ||
    type.startsWith('text/') ||
    type === 'application/json' ||
    type.endsWith('+json') ||
    type === 'application/x-www-form-urlencoded'
  );
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
  return headers;
}

/** The integration request the access service hands the function. */
export function integrationRequest(
  req: IncomingMessage,
  body: Buffer,
  options: ConsoleGatewayOptions,
): Record<string, unknown> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) if (!(k in query)) query[k] = v;
  const text = body.length === 0 || isTextual(req.headers['content-type']);
  return {
    path: url.pathname,
    httpMethod: req.method ?? 'GET',
    headers: headersOf(req),
    queryStringParameters: query,
    requestContext: {
      requestId: randomBytes(16).toString('hex'),
      envId: options.envName,
      appId: options.appId,
      uin: 0,
    },
    body: text ? body.toString('utf8') : body.toString('base64'),
    isBase64Encoded: !text,
  };
}

interface IntegrationResponse {
  statusCode: number;
  headers?: Record<string, unknown>;
  body?: unknown;
  isBase64Encoded?: boolean;
}

function isIntegrationResponse(value: unknown): value is IntegrationResponse {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { statusCode?: unknown }).statusCode === 'number'
  );
}

/** The function's return value as the HTTP response (an object other than a response: JSON, 200). */
function writeResponse(res: ServerResponse, value: unknown): void {
  if (!isIntegrationResponse(value)) {
    sendJson(res, 200, value);
    return;
  }
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(value.headers ?? {})) if (typeof v === 'string') headers[k] = v;
  const raw = typeof value.body === 'string' ? value.body : JSON.stringify(value.body ?? '');
  const body = value.isBase64Encoded === true ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  res.writeHead(value.statusCode, { ...headers, 'content-length': body.length });
  res.end(body);
}

const FAILURE_STATUS: Partial<Record<string, number>> = {
  [CloudErrorCode.FunctionNotFound]: 503,
  [CloudErrorCode.FunctionTimeout]: 504,
  [CloudErrorCode.PayloadTooLarge]: 413,
  [CloudErrorCode.InvalidParam]: 400,
};

/** The open-data function (Open311, docs/open-data.md) and its path, the same way (scripts/deploy/plan.ts). */
export const OPEN_DATA_FUNCTION = 'open-data';
export const OPEN_DATA_PREFIXES = ['/open311/'] as const;

export function registerConsoleGateway(
  server: LocalCloudServer,
  runner: FunctionRunner,
  options: ConsoleGatewayOptions,
): void {
  registerHttpAccess(server, runner, options, CONSOLE_FUNCTION, CONSOLE_API_PREFIXES, '管理后台接口');
  registerHttpAccess(server, runner, options, OPEN_DATA_FUNCTION, OPEN_DATA_PREFIXES, '开放数据接口');
}

/** Every request under the prefixes (any method) as the integration request of the function. */
function registerHttpAccess(
  server: LocalCloudServer,
  runner: FunctionRunner,
  options: ConsoleGatewayOptions,
  functionName: string,
  prefixes: readonly string[],
  label: string,
): void {
  const handler = async (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const event = integrationRequest(req, body, options);
    try {
      const result = await runner.invoke(functionName, event, {
        SOURCE: 'wx_http',
        ...(req.socket.remoteAddress ? { CLIENTIP: req.socket.remoteAddress } : {}),
      });
      writeResponse(res, JSON.parse(result.responseData) as unknown);
    } catch (e) {
      if (!(e instanceof CloudError)) throw e;
      const message =
        e.code === CloudErrorCode.FunctionNotFound ? `${label}(${functionName})未部署到本地云` : e.message;
      sendJson(res, FAILURE_STATUS[e.code] ?? 502, { code: e.code, message });
    }
  };
  for (const prefix of prefixes) {
    for (const method of METHODS) server.addRoute(method, prefix, handler, { prefix: true, anyBody: true });
  }
}
