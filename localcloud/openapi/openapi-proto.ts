/**
 * The protobuf messages of `wx.openApi` (docs/wire-protocol.md section 5).
 *
 * Field numbers and types were checked against the definitions wx-server-sdk 4.0.2 embeds
 * (node_modules/wx-server-sdk/index.js, `$root.CommApiData`, `$root.OpenApiData`, `$root.KeyValuePair`,
 * `$root.SvrkitApiData`, `$root.CommOpenApiResp`, `$root.HttpHeader`: their generated `encode` functions
 * write e.g. `uint32(8).int32(apiType)`, `uint32(18)` for openapiData, `uint32(50).string(appid)`,
 * and `uint32(32).uint32(httpCode)`). `innerData` (3) and `tokenData` (5) are never sent by
 * `cloud.openapi.*` and are skipped as unknown fields.
 */
import protobuf from 'protobufjs';
import { CloudError, CloudErrorCode } from '../protocol/cloud-error';

const PROTO = `
syntax = "proto3";

message KeyValuePair {
  string key = 1;
  bytes value = 2;
  string contenttype = 3;
  string filename = 4;
}

message OpenApiData {
  repeated KeyValuePair pairs = 1;
}

message SvrkitApiData {
  string apiName = 1;
  bytes reqData = 2;
}

message CommApiData {
  int32 apiType = 1;
  OpenApiData openapiData = 2;
  SvrkitApiData svrkitData = 4;
  string appid = 6;
}

message HttpHeader {
  string key = 1;
  string value = 2;
}

message CommOpenApiResp {
  bytes respData = 1;
  string contentType = 2;
  int32 errorCode = 3;
  uint32 httpCode = 4;
  repeated HttpHeader headers = 5;
  int32 svrkitErrorCode = 6;
}
`;

const root = protobuf.parse(PROTO, { keepCase: true }).root;
const CommApiDataType = root.lookupType('CommApiData');
const CommOpenApiRespType = root.lookupType('CommOpenApiResp');

/** CommApiData.ApiType in the SDK. */
export const ApiType = { OPEN_API: 0, INNER_API: 1, SVRKIT_API: 2, TOKEN_API: 3 } as const;

export interface KeyValuePair {
  key: string;
  value: Buffer;
  contenttype: string;
  filename: string;
}

export interface CommApiData {
  apiType: number;
  pairs: KeyValuePair[];
  svrkitData: { apiName: string; reqData: Buffer } | undefined;
  appid: string;
}

export interface CommOpenApiResp {
  respData: Buffer;
  contentType: string;
  errorCode?: number;
  httpCode?: number;
  headers?: Array<{ key: string; value: string }>;
  svrkitErrorCode?: number;
}

function malformed(detail: string): CloudError {
  return new CloudError(CloudErrorCode.InvalidParam, `requestData 不是合法的 CommApiData protobuf:${detail}`);
}

/** Decode the `requestData` part; a malformed buffer is an INVALID_PARAM error, never a crash. */
export function decodeCommApiData(buf: Buffer): CommApiData {
  let msg: Record<string, unknown>;
  try {
    msg = CommApiDataType.toObject(CommApiDataType.decode(buf), {
      defaults: true,
      arrays: true,
      longs: Number,
    });
  } catch (e) {
    throw malformed(e instanceof Error ? e.message : String(e));
  }
  const openapiData = msg['openapiData'] as { pairs?: Array<Record<string, unknown>> } | null | undefined;
  const pairs = (openapiData?.pairs ?? []).map((p) => ({
    key: String(p['key'] ?? ''),
    value: Buffer.from((p['value'] as Uint8Array | undefined) ?? []),
    contenttype: String(p['contenttype'] ?? ''),
    filename: String(p['filename'] ?? ''),
  }));
  const svrkit = msg['svrkitData'] as Record<string, unknown> | null | undefined;
  return {
    apiType: Number(msg['apiType'] ?? 0),
    pairs,
    svrkitData: svrkit
      ? {
          apiName: String(svrkit['apiName'] ?? ''),
          reqData: Buffer.from((svrkit['reqData'] as Uint8Array | undefined) ?? []),
        }
      : undefined,
    appid: String(msg['appid'] ?? ''),
  };
}

export function encodeCommApiData(data: {
  apiType?: number;
  pairs: Array<{ key: string; value: Buffer; contenttype?: string; filename?: string }>;
  appid?: string;
}): Buffer {
  const msg = CommApiDataType.fromObject({
    apiType: data.apiType ?? ApiType.OPEN_API,
    openapiData: { pairs: data.pairs },
    ...(data.appid ? { appid: data.appid } : {}),
  });
  return Buffer.from(CommApiDataType.encode(msg).finish());
}

export function encodeCommOpenApiResp(resp: CommOpenApiResp): Buffer {
  const msg = CommOpenApiRespType.fromObject({
    respData: resp.respData,
    contentType: resp.contentType,
    errorCode: resp.errorCode ?? 0,
    httpCode: resp.httpCode ?? 200,
    headers: resp.headers ?? [],
    svrkitErrorCode: resp.svrkitErrorCode ?? 0,
  });
  return Buffer.from(CommOpenApiRespType.encode(msg).finish());
}

export function decodeCommOpenApiResp(buf: Buffer): Required<CommOpenApiResp> {
  const o = CommOpenApiRespType.toObject(CommOpenApiRespType.decode(buf), {
    defaults: true,
    arrays: true,
  }) as Record<string, unknown>;
  return {
    respData: Buffer.from(o['respData'] as Uint8Array),
    contentType: o['contentType'] as string,
    errorCode: o['errorCode'] as number,
    httpCode: o['httpCode'] as number,
    headers: o['headers'] as Array<{ key: string; value: string }>,
    svrkitErrorCode: o['svrkitErrorCode'] as number,
  };
}
