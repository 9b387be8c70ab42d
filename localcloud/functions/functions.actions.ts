/**
 * `functions.invokeFunction` of the admin protocol (docs/wire-protocol.md section 4): what
 * `cloud.callFunction` in wx-server-sdk and `app.callFunction` in node-sdk send, from inside a function or from
 * outside.
 *
 * Who the callee sees as its caller:
 * - a call from inside a running function carries that invocation's token (wxCloudApiToken): the callee
 *   keeps the original caller's WeChat context, as on CloudBase;
 * - otherwise a local-only credential `openid:<OPENID>` as the SDK's secretId stands for a mini-program
 *   user (tests and scripts use it to act as a demo identity); documented in docs/local-cloud.md;
 * - otherwise it is a server-side call with no OPENID.
 */
import { CloudError, CloudErrorCode, invalidParam } from '../protocol/cloud-error';
import type { ActionContext, ActionRegistry } from '../http/action-registry';
import type { CallerContext, FunctionRunner } from './function-runner';

export const OPENID_CREDENTIAL_PREFIX = 'openid:';

export function callerFromCredential(ctx: ActionContext): CallerContext | undefined {
  const auth = ctx.headers['authorization'];
  const text = Array.isArray(auth) ? auth[0] : auth;
  const m = /Credential=([^/,\s]+)/.exec(text ?? '');
  const secretId = m?.[1] ? decodeURIComponent(m[1]) : '';
  if (!secretId.startsWith(OPENID_CREDENTIAL_PREFIX)) return undefined;
  const openid = secretId.slice(OPENID_CREDENTIAL_PREFIX.length);
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(openid)) return undefined;
  return {
    OPENID: openid,
    SOURCE: 'wx_client',
    ...(ctx.remoteAddress ? { CLIENTIP: ctx.remoteAddress } : {}),
  };
}

export function registerFunctionActions(registry: ActionRegistry, runner: FunctionRunner): void {
  registry.register('functions.invokeFunction', async (body, ctx) => {
    const name = body['function_name'];
    if (typeof name !== 'string' || !/^[A-Za-z0-9_-]{1,60}$/.test(name)) {
      throw invalidParam('参数 function_name 缺失或不合法');
    }
    const raw = body['request_data'];
    if (raw !== undefined && typeof raw !== 'string')
      throw invalidParam('参数 request_data 必须是 JSON 字符串');
    let event: unknown = {};
    if (raw) {
      try {
        event = JSON.parse(raw);
      } catch {
        throw invalidParam('参数 request_data 不是合法的 JSON');
      }
    }
    if (!runner.has(name)) {
      throw new CloudError(CloudErrorCode.FunctionNotFound, `云函数不存在(function not found): ${name}`);
    }
    const token = typeof body['wxCloudApiToken'] === 'string' ? body['wxCloudApiToken'] : undefined;
    const caller = runner.callerOfToken(token) ?? callerFromCredential(ctx) ?? { SOURCE: 'wx_http' as const };
    const result = await runner.invoke(name, event, caller);
    return { requestId: result.requestId, data: { response_data: result.responseData } };
  });
}
