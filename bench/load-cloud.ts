/**
 * The local cloud of `npm run load` (bench/load.ts): what `npm start` (scripts/start.ts) runs, on a data dir
 * and functions the load test prepared, with the Yulin demo data seeded once. Left out: building the
 * functions (the load test builds them once, beforehand), the mini-program's npm copy, and the timer triggers'
 * polling: a timer firing in the middle of the end-of-run checks would change what they read, so the load
 * test fires the timers itself, when it wants, through two routes of its own:
 *
 * - `POST /load/subscriptions` `{ grants: [{ openid, templateId, count }] }`: what the simulated users'
 *   `wx.requestSubscribeMessage` accepted (as the demo identities have), so the loop's messages are sent.
 * - `POST /load/timers/<function>`: deliver that function's timer trigger now (as CloudBase does at its time)
 *   and answer the function's reply.
 *
 *   node --import tsx bench/load-cloud.ts --port 0 --data-dir <dir> --functions-dir <built functions>
 */
import { stopOnSignals, type LocalCloud } from '../localcloud/local-cloud';
import { benchCloudFromArgs } from './bench-cloud';
import { sendJson } from '../localcloud/http/local-cloud.server';
import { seedDemoData } from '../scripts/seed-demo';

export const SUBSCRIPTIONS_ROUTE = '/load/subscriptions';
export const TIMERS_ROUTE = '/load/timers/';

export interface SubscriptionGrant {
  readonly openid: string;
  readonly templateId: string;
  readonly count: number;
}

function registerLoadRoutes(cloud: LocalCloud): void {
  cloud.server.addRoute('POST', SUBSCRIPTIONS_ROUTE, (_req, res, body) => {
    const { grants } = JSON.parse(body.toString('utf8')) as { grants: SubscriptionGrant[] };
    for (const g of grants) cloud.openapi.recordSubscription(g.openid, g.templateId, g.count);
    sendJson(res, 200, { recorded: grants.length });
  });
  cloud.server.addRoute(
    'POST',
    TIMERS_ROUTE,
    async (req, res) => {
      const name = decodeURIComponent((req.url ?? '').slice(TIMERS_ROUTE.length).split('?')[0]!);
      const event = { Type: 'Timer', TriggerName: 'load', Time: new Date(cloud.clock.now()).toISOString() };
      const result = await cloud.runner.invoke(name, event, { SOURCE: 'wx_trigger' });
      sendJson(res, 200, JSON.parse(result.responseData) as unknown);
    },
    { prefix: true },
  );
}

async function main(): Promise<void> {
  const cloud = benchCloudFromArgs('load-cloud.ts');
  const seeded = seedDemoData(cloud.db, () => cloud.clock.now());
  registerLoadRoutes(cloud);
  const url = await cloud.start();
  console.log(`local cloud ready: ${url}`);
  console.log(`  demo data: ${seeded.created ? seeded.summary : 'already there'}`);
  stopOnSignals(cloud);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
