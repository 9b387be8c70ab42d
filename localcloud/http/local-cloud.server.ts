/**
 * The local cloud's HTTP server: `POST /admin` speaks the CloudBase admin protocol that both real SDKs use
 * (`serviceUrl: http://127.0.0.1:<port>/admin`), `GET /health` answers 200, and other parts of the local
 * cloud (gateway, outbox, admin page) add their own routes.
 *
 * Before any route runs, a request must come from this machine's programs or the local cloud's own pages
 * (request-guard.ts), its path must decode, and a body must be of a type the route reads (JSON unless the
 * route says otherwise). A refused request does nothing.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudError, CloudErrorCode } from '../protocol/cloud-error';
import { ActionRegistry, type ActionContext, type RawReply } from './action-registry';
import {
  mediaTypeOf,
  ownHosts,
  refuseContentType,
  refuseForeign,
  type GuardConfig,
  type Refusal,
} from './request-guard';

export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void | Promise<void>;

interface Route {
  method: string;
  path: string;
  prefix: boolean;
  handler: RouteHandler;
  /** Media types the route reads a body as; methods other than GET and HEAD read `application/json`. */
  bodyTypes: (() => readonly string[]) | undefined;
  /** The handler reads the request's body itself, as a stream (storage uploads). */
  streams: boolean;
}

export interface RouteOptions {
  /** Match every path that starts with `path`. */
  prefix?: boolean;
  /** The body's media types the route accepts, when not JSON (`POST /admin` also takes multipart). */
  bodyTypes?: () => readonly string[];
  /**
   * The route reads any body and judges it itself (the console's HTTP function, which answers 401 to every
   * request without a session before it looks at the body, as it does in production).
   */
  anyBody?: boolean;
  /**
   * The handler reads the body itself, as a stream, of any type and size it allows (a storage upload,
   * localcloud/storage/): the server neither buffers it nor holds it to `maxBodyBytes`.
   */
  streamBody?: boolean;
}

const JSON_BODY = ['application/json'] as const;

export interface ServerOptions {
  host?: string;
  port: number;
  maxBodyBytes?: number;
  /** Called for requests that failed with an unexpected (non-CloudError) exception. */
  onInternalError?: (e: unknown, action: string | undefined) => void;
  /** App ids whose WeChat DevTools simulator may call the gateway (request-guard.ts). */
  miniProgramAppIds?: readonly string[];
}

/** Body parsers by content type; JSON is built in, multipart (wx.openApi) is registered by the runtime. */
export type BodyParser = (
  body: Buffer,
  contentType: string,
) => Record<string, unknown> | Promise<Record<string, unknown>>;

export class LocalCloudServer {
  readonly actions = new ActionRegistry();
  private readonly routes: Route[] = [];
  private readonly parsers = new Map<string, BodyParser>();
  private server: Server | undefined;
  private guardState: { config: GuardConfig; hosts: ReadonlySet<string> } | undefined;

  constructor(private readonly options: ServerOptions) {
    this.addRoute('GET', '/health', (_req, res) => sendJson(res, 200, { status: 'ok' }));
    this.addRoute('POST', '/admin', (req, res, body) => this.handleAdmin(req, res, body), {
      bodyTypes: () => [...JSON_BODY, ...this.parsers.keys()],
    });
  }

  addRoute(method: string, path: string, handler: RouteHandler, opts: RouteOptions = {}): void {
    const readsBody = method !== 'GET' && method !== 'HEAD';
    this.routes.push({
      method,
      path,
      prefix: opts.prefix ?? false,
      handler,
      bodyTypes:
        opts.anyBody === true || opts.streamBody === true
          ? undefined
          : (opts.bodyTypes ?? (readsBody ? () => JSON_BODY : undefined)),
      streams: opts.streamBody === true,
    });
  }

  addBodyParser(mediaType: string, parser: BodyParser): void {
    this.parsers.set(mediaType, parser);
  }

  get port(): number {
    return (this.server?.address() as AddressInfo | null)?.port ?? this.options.port;
  }

  async listen(): Promise<number> {
    const server = createServer((req, res) => {
      // Nothing a request does may end the process: whatever escapes is logged and answered 500.
      this.dispatch(req, res).catch((e: unknown) => this.failed(e, res));
    });
    // The SDKs keep idle sockets for 4.8 s; never close one before they do.
    server.keepAliveTimeout = 10_000;
    server.headersTimeout = 15_000;
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port, this.options.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    return this.port;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), 2000).unref();
    });
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      refuse(res, { status: 400, code: CloudErrorCode.InvalidParam, message: '请求地址不合法' });
      return;
    }
    const guard = this.guard();
    const foreign = refuseForeign(req, url.pathname, guard.config, guard.hosts);
    if (foreign) {
      refuse(res, foreign);
      return;
    }
    if (!decodes(url.pathname)) {
      refuse(res, {
        status: 400,
        code: CloudErrorCode.InvalidParam,
        message: `请求地址中的 % 编码不合法:${url.pathname.slice(0, 200)}`,
      });
      return;
    }
    const route = this.routes.find(
      (r) =>
        r.method === req.method && (r.prefix ? url.pathname.startsWith(r.path) : url.pathname === r.path),
    );
    const bodyTypes = route?.bodyTypes?.();
    const wrongType = bodyTypes && refuseContentType(req.headers['content-type'], bodyTypes);
    if (wrongType) {
      refuse(res, wrongType);
      return;
    }
    if (route?.streams) {
      try {
        await route.handler(req, res, Buffer.alloc(0));
      } catch (e) {
        this.failed(e, res);
      }
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(req, this.options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
    } catch (e) {
      if (e instanceof CloudError) {
        // Oversized: answer in the SDK's shape, then drop the connection so the rest is not read.
        res.setHeader('connection', 'close');
        sendJson(res, 200, { code: e.code, message: e.message, requestId: requestIdOf(url) });
        req.destroy();
      } else {
        req.destroy();
      }
      return;
    }
    if (!route) {
      sendJson(res, 404, { code: 'NOT_FOUND', message: `没有这个地址:${req.method} ${url.pathname}` });
      return;
    }
    try {
      await route.handler(req, res, body);
    } catch (e) {
      this.failed(e, res);
    }
  }

  /** What the request guard checks against, computed once the port is known. */
  private guard(): { config: GuardConfig; hosts: ReadonlySet<string> } {
    const port = this.port;
    if (this.guardState?.config.port !== port) {
      const config: GuardConfig = {
        port,
        ...(this.options.host ? { host: this.options.host } : {}),
        miniProgramAppIds: this.options.miniProgramAppIds ?? [],
      };
      this.guardState = { config, hosts: ownHosts(config) };
    }
    return this.guardState;
  }

  /** An unexpected exception: logged, and answered 500 if nothing was sent yet. */
  private failed(e: unknown, res: ServerResponse): void {
    try {
      this.options.onInternalError?.(e, undefined);
    } catch {
      // A failing logger must not turn one bad request into a dead process.
    }
    try {
      if (!res.headersSent) sendJson(res, 500, { code: CloudErrorCode.SysErr, message: '服务器内部错误' });
      else res.destroy();
    } catch {
      res.destroy();
    }
  }

  private async handleAdmin(req: IncomingMessage, res: ServerResponse, raw: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const requestId = requestIdOf(url);
    let action: string | undefined;
    try {
      const body = await this.parseBody(raw, String(req.headers['content-type'] ?? 'application/json'));
      action = typeof body['action'] === 'string' ? body['action'] : undefined;
      if (!action) throw new CloudError(CloudErrorCode.InvalidParam, '缺少参数 action');
      const handler = this.actions.get(action);
      if (!handler)
        throw new CloudError(CloudErrorCode.InvalidAction, `不支持的操作(unknown action): ${action}`);
      const ctx: ActionContext = { requestId, headers: req.headers, remoteAddress: req.socket.remoteAddress };
      const reply = await handler(body, ctx);
      if (isRaw(reply)) {
        res.writeHead(200, {
          'content-type': reply.raw.contentType,
          'content-length': reply.raw.body.length,
        });
        res.end(reply.raw.body);
        return;
      }
      sendJson(res, 200, { requestId, ...reply });
    } catch (e) {
      if (e instanceof CloudError) {
        sendJson(res, 200, { code: e.code, message: e.message, requestId });
        return;
      }
      this.options.onInternalError?.(e, action);
      sendJson(res, 200, {
        code: CloudErrorCode.SysErr,
        message: `服务器内部错误:${e instanceof Error ? e.message : String(e)}`,
        requestId,
      });
    }
  }

  private async parseBody(raw: Buffer, contentType: string): Promise<Record<string, unknown>> {
    const mediaType = mediaTypeOf(contentType);
    const parser = this.parsers.get(mediaType);
    if (parser) return parser(raw, contentType);
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new CloudError(CloudErrorCode.InvalidParam, '请求体不是合法的 JSON');
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new CloudError(CloudErrorCode.InvalidParam, '请求体必须是 JSON 对象');
    }
    return body as Record<string, unknown>;
  }
}

function refuse(res: ServerResponse, refusal: Refusal): void {
  sendJson(res, refusal.status, { code: refusal.code, message: refusal.message });
}

/** Whether every %-escape of a path decodes (as UTF-8), so no route meets a URIError. */
function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

function isRaw(reply: unknown): reply is RawReply {
  return typeof reply === 'object' && reply !== null && 'raw' in reply;
}

function requestIdOf(url: URL): string {
  const seq = url.searchParams.get('seqId');
  return seq && seq.length <= 128 ? seq : randomBytes(8).toString('hex');
}

function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > max) {
      reject(new CloudError(CloudErrorCode.BodyTooLarge, `请求体过大(上限 ${sizeText(max)})`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > max) {
        failed = true;
        reject(new CloudError(CloudErrorCode.BodyTooLarge, `请求体过大(上限 ${sizeText(max)})`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    });
    req.on('error', (e) => {
      if (!failed) reject(e);
    });
    // A client gone before the end: nothing more will come, so stop waiting.
    req.on('close', () => {
      if (!failed && !req.complete) reject(new Error('request aborted'));
    });
  });
}

/** A byte count for people: `10 MB`, `4 KB`, `512 字节` (rounding a small limit to "0 MB" misleads). */
function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} 字节`;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
