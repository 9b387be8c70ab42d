/**
 * `cloud.openapi.*` on the local cloud: the `wx.openApi` admin action (multipart body carrying a protobuf
 * CommApiData, answered with a protobuf CommOpenApiResp; docs/wire-protocol.md section 5), subscribe messages
 * into the outbox, `security.msgSecCheck`, and the HTTP routes around them. A call made from inside a
 * function is held to that function's config.json: an open API it did not declare in `permissions.openapi`
 * is refused as production refuses it (`CommOpenApiResp.errorCode` -604101, which wx-server-sdk turns into
 * `errCode: -604101`, `system error: error code: -604101`), before anything else is looked at.
 *
 * - `POST /gateway/subscribe` — the mini-program's `wx.requestSubscribeMessage` result, in local mode;
 * - `GET /outbox` — sent messages as JSON, newest first (`?offset&limit<=100&touser&templateId`);
 * - `GET /outbox.html` — the same as a page for people.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalDatabase } from '../db/local-database';
import { sendJson, type LocalCloudServer } from '../http/local-cloud.server';
import { CloudErrorCode, invalidParam } from '../protocol/cloud-error';
import { loadMessageTemplates, type TemplateCatalog } from './message-templates';
import { parseMultipart } from './multipart';
import { ApiType, decodeCommApiData, encodeCommOpenApiResp, type CommApiData } from './openapi-proto';
import {
  DEFAULT_OUTBOX_PAGE,
  MAX_OUTBOX_PAGE,
  OUTBOX_COLLECTION,
  listOutbox,
  outboxJson,
  renderOutboxHtml,
  type OutboxFilter,
  type OutboxPage,
} from './outbox';
import { loadSensitiveWords, msgSecCheck } from './sec-check';
import { sendSubscribeMessage } from './subscribe-message';
import { SUBSCRIPTIONS_COLLECTION, recordSubscription, remainingSubscriptions } from './subscriptions';
import { OPENID_PATTERN, type WxReply } from './wechat-reply';

export { OUTBOX_COLLECTION, SUBSCRIPTIONS_COLLECTION };

export interface OpenApiOptions {
  /** Defaults to database/message-templates.json. */
  templatesFile?: string;
  /** Defaults to localcloud/openapi/sensitive-words.txt. */
  sensitiveWordsFile?: string;
  /** The local cloud clock. */
  now: () => number;
  /**
   * The function whose invocation sent this token (`wxCloudApiToken`), with the open APIs its config.json
   * declares; undefined for a call from outside any function (tests, scripts), which is not checked.
   */
  callingFunction?: (token: string | undefined) => CallingFunction | undefined;
}

export interface CallingFunction {
  name: string;
  config: { permissions: { openapi: readonly string[] } };
}

/** WeChat's code for a cloud call the function did not declare (wx-server-sdk: WX_FUNCTIONS_SERVER_OPENAPI_NO_PERMISSION). */
export const OPENAPI_NO_PERMISSION = -604101;

export interface OpenApi {
  templates: TemplateCatalog;
  /** Record `count` accepts of a template by a user (what `wx.requestSubscribeMessage` grants). */
  recordSubscription(openid: string, templateId: string, count?: number): number;
  remainingSubscriptions(openid: string, templateId: string): number;
  listOutbox(filter?: OutboxFilter, offset?: number, limit?: number): OutboxPage;
}

/** `wx.requestSubscribeMessage` results per template, as WeChat names them. */
const SUBSCRIBE_RESULTS = ['accept', 'reject', 'ban', 'filter'] as const;
/** WeChat lets one `wx.requestSubscribeMessage` call ask for at most 3 templates. */
const MAX_TEMPLATES_PER_REQUEST = 3;

type OpenApiHandler = (params: Record<string, unknown>, call: CommApiData) => WxReply;

export function registerOpenApi(server: LocalCloudServer, db: LocalDatabase, opts: OpenApiOptions): OpenApi {
  const templates = loadMessageTemplates(opts.templatesFile);
  const words = loadSensitiveWords(opts.sensitiveWordsFile);
  db.ensureCollection(OUTBOX_COLLECTION);
  db.ensureCollection(SUBSCRIPTIONS_COLLECTION);

  const apis: Record<string, OpenApiHandler> = {
    'subscribeMessage.send': (params) => sendSubscribeMessage({ db, templates, now: opts.now }, params),
    'security.msgSecCheck': (params) => msgSecCheck(words, params),
  };

  server.addBodyParser('multipart/form-data', parseMultipart);

  server.actions.register('wx.openApi', (body) => {
    const apiName = body['apiName'];
    if (typeof apiName !== 'string' || apiName === '') throw invalidParam('wx.openApi 缺少参数 apiName');
    const requestData = body['requestData'];
    if (!Buffer.isBuffer(requestData)) {
      throw invalidParam('wx.openApi 的 requestData 必须是 application/octet-stream 的 protobuf 数据');
    }
    const call = decodeCommApiData(requestData);
    const token = typeof body['wxCloudApiToken'] === 'string' ? body['wxCloudApiToken'] : undefined;
    const fn = opts.callingFunction?.(token);
    if (fn && !fn.config.permissions.openapi.includes(apiName)) {
      // What production answers: no reply body, only the error code in the protobuf envelope.
      return {
        raw: {
          contentType: 'application/octet-stream',
          body: encodeCommOpenApiResp({
            respData: Buffer.alloc(0),
            contentType: '',
            errorCode: OPENAPI_NO_PERMISSION,
          }),
        },
      };
    }
    if (call.apiType !== ApiType.OPEN_API) {
      throw invalidParam(`本地云暂不支持 apiType=${call.apiType} 的开放接口调用(${apiName})`);
    }
    const handler = apis[apiName];
    if (!handler) {
      throw invalidParam(`本地云暂不支持开放接口 ${apiName}(已支持:${Object.keys(apis).join('、')})`);
    }
    const reply = handler(openApiParams(call), call);
    return {
      raw: {
        contentType: 'application/octet-stream',
        body: encodeCommOpenApiResp({
          respData: Buffer.from(JSON.stringify(reply)),
          contentType: 'application/json',
        }),
      },
    };
  });

  server.addRoute('POST', '/gateway/subscribe', (req, res, body) => {
    handleSubscribe(db, templates, req, res, body);
  });

  server.addRoute('GET', '/outbox', (req, res) => {
    const q = outboxQuery(req, res);
    if (!q) return;
    sendJson(res, 200, outboxJson(listOutbox(db, q.filter, q.offset, q.limit)));
  });

  server.addRoute('GET', '/outbox.html', (req, res) => {
    const q = outboxQuery(req, res);
    if (!q) return;
    const html = renderOutboxHtml(listOutbox(db, q.filter, q.offset, q.limit), q.filter, templates);
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': Buffer.byteLength(html),
      'x-content-type-options': 'nosniff',
    });
    res.end(html);
  });

  return {
    templates,
    recordSubscription(openid, templateId, count = 1) {
      if (!templates.has(templateId)) throw new Error(`未知的订阅消息模板:${templateId}`);
      return recordSubscription(db, openid, templateId, count);
    },
    remainingSubscriptions: (openid, templateId) => remainingSubscriptions(db, openid, templateId),
    listOutbox: (filter = {}, offset = 0, limit = DEFAULT_OUTBOX_PAGE) =>
      listOutbox(db, filter, offset, limit),
  };
}

/** The call's parameters: JSON values by key; binary parts (media uploads) as {contentType, filename, value}. */
function openApiParams(call: CommApiData): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const pair of call.pairs) {
    if (pair.key === '') throw invalidParam('requestData 中有参数缺少 key');
    if (pair.contenttype || pair.filename) {
      params[pair.key] = { contentType: pair.contenttype, filename: pair.filename, value: pair.value };
      continue;
    }
    try {
      params[pair.key] = JSON.parse(pair.value.toString('utf8')) as unknown;
    } catch {
      throw invalidParam(`requestData 中参数 ${pair.key} 的值不是合法的 JSON`);
    }
  }
  return params;
}

function badRequest(res: ServerResponse, code: string, message: string): void {
  sendJson(res, 400, { code, message });
}

function handleSubscribe(
  db: LocalDatabase,
  templates: TemplateCatalog,
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
): void {
  let input: unknown;
  try {
    input = JSON.parse(body.toString('utf8'));
  } catch {
    badRequest(res, CloudErrorCode.InvalidParam, '请求体不是合法的 JSON');
    return;
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    badRequest(res, CloudErrorCode.InvalidParam, '请求体必须是 JSON 对象');
    return;
  }
  const o = input as Record<string, unknown>;
  const header = req.headers['x-wx-openid'];
  const openid = o['openid'] ?? (Array.isArray(header) ? header[0] : header);
  if (typeof openid !== 'string' || !OPENID_PATTERN.test(openid)) {
    badRequest(res, CloudErrorCode.InvalidParam, 'openid 缺失或不合法');
    return;
  }
  const ids = o['templateIds'];
  if (
    !Array.isArray(ids) ||
    ids.length === 0 ||
    ids.length > MAX_TEMPLATES_PER_REQUEST ||
    !ids.every((x): x is string => typeof x === 'string')
  ) {
    badRequest(
      res,
      CloudErrorCode.InvalidParam,
      `templateIds 必须是 1-${MAX_TEMPLATES_PER_REQUEST} 个模板 id 组成的数组`,
    );
    return;
  }
  const unknown = ids.filter((id) => !templates.has(id));
  if (unknown.length > 0) {
    badRequest(res, 'UNKNOWN_TEMPLATE', `未知的订阅消息模板:${unknown.join('、')}`);
    return;
  }
  const result = o['result'];
  if (result === null || typeof result !== 'object' || Array.isArray(result)) {
    badRequest(res, CloudErrorCode.InvalidParam, 'result 必须是 { 模板 id: "accept" | "reject" } 形式的对象');
    return;
  }
  const results = result as Record<string, unknown>;
  for (const key of Object.keys(results)) {
    if (!ids.includes(key)) {
      badRequest(res, CloudErrorCode.InvalidParam, `result 中的模板 ${key} 不在 templateIds 中`);
      return;
    }
  }
  for (const id of ids) {
    const r = results[id];
    if (typeof r !== 'string' || !(SUBSCRIBE_RESULTS as readonly string[]).includes(r)) {
      badRequest(
        res,
        CloudErrorCode.InvalidParam,
        `模板 ${id} 的结果必须是 ${SUBSCRIBE_RESULTS.join('、')} 之一`,
      );
      return;
    }
  }
  const remaining: Record<string, number> = {};
  db.store.atomically(() => {
    for (const id of new Set(ids)) {
      remaining[id] =
        results[id] === 'accept'
          ? recordSubscription(db, openid, id, 1)
          : remainingSubscriptions(db, openid, id);
    }
  });
  sendJson(res, 200, {
    errMsg: 'requestSubscribeMessage:ok',
    ...Object.fromEntries(ids.map((id) => [id, results[id]])),
    remaining,
  });
}

function outboxQuery(
  req: IncomingMessage,
  res: ServerResponse,
): { filter: OutboxFilter; offset: number; limit: number } | undefined {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const int = (name: string, dflt: number): number | undefined => {
    const v = url.searchParams.get(name);
    if (v === null || v === '') return dflt;
    return /^\d{1,9}$/.test(v) ? Number(v) : undefined;
  };
  const offset = int('offset', 0);
  const limit = int('limit', DEFAULT_OUTBOX_PAGE);
  if (offset === undefined) {
    badRequest(res, CloudErrorCode.InvalidParam, 'offset 必须是非负整数');
    return undefined;
  }
  if (limit === undefined || limit < 1 || limit > MAX_OUTBOX_PAGE) {
    badRequest(res, CloudErrorCode.InvalidParam, `limit 必须是 1-${MAX_OUTBOX_PAGE} 的整数`);
    return undefined;
  }
  const filter: OutboxFilter = {};
  const touser = url.searchParams.get('touser');
  const templateId = url.searchParams.get('templateId');
  if (touser) filter.touser = touser;
  if (templateId) filter.templateId = templateId;
  return { filter, offset, limit };
}
