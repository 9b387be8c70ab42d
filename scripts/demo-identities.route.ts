/**
 * `GET /gateway/identities` on the local cloud `npm start` runs: the demo identities local mode may act as,
 * with what each demonstrates, for the mini-program's 切换演示身份 (我的, local mode only). The gateway
 * accepts exactly these openids in `X-WX-OPENID`.
 */
import type { DemoIdentity } from '../demo/demo-identities';
import type { LocalCloud } from '../localcloud/local-cloud';
import { sendJson } from '../localcloud/http/local-cloud.server';

export const IDENTITIES_PATH = '/gateway/identities';

export function registerDemoIdentitiesRoute(cloud: LocalCloud, identities: readonly DemoIdentity[]): void {
  const body = {
    identities: identities.map(({ openid, role, label, nickname }) => ({ openid, role, label, nickname })),
  };
  cloud.server.addRoute('GET', IDENTITIES_PATH, (_req, res) => sendJson(res, 200, body));
}
