/**
 * A rectification ordered by hand (责令限期整改, provider.status.change, the console's provider route) through
 * the real admin-api and provider-timers on the local cloud (docs/governance.md): it carries its problem list
 * and a deadline (governance.rectifyDefaultDays when none is chosen), refused without problems, nothing
 * written; when the deadline passes on the controllable clock the leaders of the unit that ordered it are told
 * once that the re-check is due, however often the timer runs, exactly as for an evaluation's rectification
 * (tests/functions/provider-evaluation.functions.test.ts walks that path). The removal report lists its problems.
 * The console side: the provider page offers 责令整改 to whom the matrix and the life cycle allow (a leader of
 * the unit, an active provider; not the unit's worker, who is refused), a deadline in the past is refused with
 * nothing written, and the 整改复查 queue lists the order with its source (责令整改), problems, reason and
 * deadline, overdue first, re-checked by provider id: fixed -> active and out of the open queue.
 */
import { DEFAULT_PLATFORM_CONFIG } from '../../../core/kernel/platform.config';
import type { ProviderRecordsReply } from '../../../core/console/console.replies';
import type {
  RectificationListResult,
  RectificationRow,
} from '../../../core/console/governance-queues.query';
import type { Provider } from '../../../core/model/provider.model';
import type { RegulatorReport } from '../../../core/model/evaluation.model';
import type { ProviderStatusChangeResult } from '../../../core/providers/provider-status.reply';
import { DEMO_PATHS } from '../../../demo/demo-identities';
import type { Reply } from '../../functions/support/function-cloud';
import { consoleCloud, refusalChecks, type ConsoleBrowser } from '../support/console-cloud';

const cloud = consoleCloud();
const { rid, expectRefused } = refusalChecks(cloud, 'rectify-hand');
const LEADER = 'demo-community-leader-1';
const NOTICE = 'TPL_GOVERNANCE_NOTICE';
const DAY_MS = 86_400_000;
const PROBLEMS = ['差评回访超时', '收费未公示'];

let leader: ConsoleBrowser;
let worker: ConsoleBrowser;
let provider: Provider;
/** A second provider, ordered by hand with a deadline picked, then found fixed at its re-check. */
let fixedOne: Provider;
let fixedDeadline: number;

const QUEUE = '/console/api/evaluations/rectification';
const recordsOf = async (b: ConsoleBrowser, providerId: string) => {
  const reply = await b.get<ProviderRecordsReply>(`/console/api/providers/${providerId}`);
  expect(reply.code).toBe('OK');
  return reply.data;
};
const queueOf = async (b: ConsoleBrowser, show: 'open' | 'all' = 'open'): Promise<RectificationRow[]> => {
  const reply = await b.get<RectificationListResult>(`${QUEUE}?show=${show}&pageSize=50`);
  expect(reply.code).toBe('OK');
  return [...reply.data.items];
};
const handRowOf = (rows: readonly RectificationRow[], providerId: string) =>
  rows.find((r) => r.providerId === providerId && r.source === 'hand');

async function runTimer(): Promise<Reply<Record<string, unknown>>> {
  const event = { Type: 'Timer', TriggerName: 'redelivered', Time: new Date(cloud.now()).toISOString() };
  const result = await cloud.started.cloud.runner.invoke('provider-timers', event, { SOURCE: 'wx_trigger' });
  return JSON.parse(result.responseData) as Reply<Record<string, unknown>>;
}

const dueNotices = () =>
  cloud
    .outbox({ touser: LEADER, templateId: NOTICE })
    .filter((m) => m.page.endsWith(`providerId=${provider._id}`) && m.data['phrase2']?.value === '整改到期');

beforeAll(async () => {
  const community = await cloud.find<Provider>('providers', {
    orgPath: DEMO_PATHS.community,
    status: 'active',
  });
  if (community[1] === undefined) throw new Error('no two active providers in the demo community');
  provider = community[0]!;
  fixedOne = community[1];
  cloud.grant(LEADER, NOTICE, 50);
  leader = await cloud.signIn('community.leader');
  worker = await cloud.signIn('community.worker');
});

test('the provider page offers 责令整改 to the unit’s leader, not to its worker, who is refused', async () => {
  const seen = await recordsOf(leader, provider._id);
  expect(seen.actions.rectify).toBe(true);
  expect(seen.rectifyDefaultDays).toBe(DEFAULT_PLATFORM_CONFIG.governance.rectifyDefaultDays);
  // The dialog's default deadline, by the server's clock.
  const byDefault = cloud.now() + seen.rectifyDefaultDays * DAY_MS;
  expect(Math.abs(seen.rectifyDefaultDeadline - byDefault)).toBeLessThan(60_000);
  expect(seen.rectification).toBeNull();
  expect((await recordsOf(worker, provider._id)).actions.rectify).toBe(false);
  await expectRefused(
    worker,
    `/console/api/providers/${provider._id}/status`,
    { to: 'rectifying', reason: '回访不及时', problems: PROBLEMS },
    403,
    'PERMISSION_DENIED',
  );
});

test('a deadline already past is refused with a stable code; nothing written', async () => {
  await expectRefused(
    leader,
    `/console/api/providers/${provider._id}/status`,
    { to: 'rectifying', reason: '回访不及时', problems: PROBLEMS, rectifyDeadline: cloud.now() - DAY_MS },
    400,
    'PROVIDER_RECTIFY_DEADLINE_INVALID',
  );
});

test('a rectification by hand needs its problem list; refused, nothing written', async () => {
  const before = cloud.wholeMark();
  const reply = await leader.post(`/console/api/providers/${provider._id}/status`, {
    to: 'rectifying',
    reason: '居民多次反映回访不及时',
    clientRequestId: 'rectify-hand-0000',
  });
  expect(reply.code).toBe('INVALID_INPUT');
  expect(reply.message).toContain('问题清单');
  expect(cloud.wholeMark()).toEqual(before);
});

test('ordered by hand with the default deadline; the leaders told once when the re-check falls due', async () => {
  const orderedAt = cloud.now();
  const reply = await leader.post<ProviderStatusChangeResult>(
    `/console/api/providers/${provider._id}/status`,
    {
      to: 'rectifying',
      reason: '居民多次反映回访不及时',
      problems: PROBLEMS,
      clientRequestId: 'rectify-hand-0001',
    },
  );
  expect(reply.code).toBe('OK');
  expect(reply.data).toMatchObject({ status: 'rectifying' });
  const deadline = orderedAt + DEFAULT_PLATFORM_CONFIG.governance.rectifyDefaultDays * DAY_MS;
  const stored = (await cloud.get<Provider>('providers', provider._id))!;
  expect(stored.rectifyDeadline).toBeGreaterThanOrEqual(deadline);
  expect(stored.rectifyDeadline! - deadline).toBeLessThan(60_000);
  expect(stored.rectification).toMatchObject({
    problems: PROBLEMS,
    reason: '居民多次反映回访不及时',
    orderedBy: LEADER,
    unitPath: DEMO_PATHS.community,
    deadline: stored.rectifyDeadline,
    dueToldAt: null,
  });

  // A second one, its deadline picked: 40 days on, so the first falls due before it.
  fixedDeadline = cloud.now() + 40 * DAY_MS;
  const second = await leader.post<ProviderStatusChangeResult>(
    `/console/api/providers/${fixedOne._id}/status`,
    {
      to: 'rectifying',
      reason: '收费标准未在服务场所公示',
      problems: ['收费未公示'],
      rectifyDeadline: fixedDeadline,
      clientRequestId: rid('order'),
    },
  );
  expect(second.code).toBe('OK');
  expect((await cloud.get<Provider>('providers', fixedOne._id))!.rectifyDeadline).toBe(fixedDeadline);

  // 整改复查 lists both with where they came from; the leader may re-check them, the worker only sees them.
  const rows = await queueOf(leader);
  expect(handRowOf(rows, provider._id)).toMatchObject({
    source: 'hand',
    sourceLabel: '责令整改',
    evaluationId: null,
    problems: PROBLEMS,
    reason: '居民多次反映回访不及时',
    rectifyDeadline: stored.rectifyDeadline,
    providerStatus: 'rectifying',
    inForce: true,
    overdue: false,
    canRecheck: true,
  });
  expect(handRowOf(rows, fixedOne._id)).toMatchObject({
    problems: ['收费未公示'],
    rectifyDeadline: fixedDeadline,
  });
  expect(handRowOf(await queueOf(worker), provider._id)).toMatchObject({ inForce: true, canRecheck: false });
  // The provider page shows the rectification it is under, and offers no second one.
  const page = await recordsOf(leader, provider._id);
  expect(page.rectification).toMatchObject({
    sourceLabel: '责令整改',
    problems: PROBLEMS,
    deadline: stored.rectifyDeadline,
  });
  expect(page.actions.rectify).toBe(false);

  // Before the deadline: nobody told.
  const told = dueNotices().length;
  expect((await runTimer()).code).toBe('OK');
  expect(dueNotices()).toHaveLength(told);

  cloud.shiftClock(stored.rectifyDeadline! - cloud.now() + 60_000);
  expect((await runTimer()).code).toBe('OK');
  expect((await runTimer()).code).toBe('OK');
  expect(dueNotices()).toHaveLength(told + 1);
  expect((await cloud.get<Provider>('providers', provider._id))!.rectification!.dueToldAt).not.toBeNull();

  // Past its deadline: marked and listed before the one still running.
  leader = await cloud.signIn('community.leader'); // a month later: a fresh session
  const due = await queueOf(leader);
  const first = due.findIndex((r) => r.providerId === provider._id);
  const later = due.findIndex((r) => r.providerId === fixedOne._id);
  expect(due[first]).toMatchObject({ source: 'hand', overdue: true });
  expect(due[later]).toMatchObject({ source: 'hand', overdue: false });
  expect(first).toBeLessThan(later);
});

test('not fixed at the re-check: the report lists the problems ordered by hand', async () => {
  leader = await cloud.signIn('community.leader'); // a month later: a fresh session
  const reply = await leader.post<{ reportId: string | null }>(
    `/console/api/providers/${provider._id}/recheck`,
    { fixed: false, reason: '整改期满，回访仍不及时', clientRequestId: 'rectify-hand-0002' },
  );
  expect(reply.code).toBe('OK');
  const report = (await cloud.get<RegulatorReport>('regulator_reports', reply.data.reportId!))!;
  expect(report.problems).toEqual(PROBLEMS);
  expect(handRowOf(await queueOf(leader), provider._id)).toBeUndefined();
});

test('fixed at the re-check (by provider: no evaluation): active again, out of the open queue', async () => {
  const reply = await leader.post<{ status: string }>(`/console/api/providers/${fixedOne._id}/recheck`, {
    fixed: true,
    reason: '收费标准已在服务场所公示',
    clientRequestId: rid('recheck'),
  });
  expect(reply.code).toBe('OK');
  expect(reply.data.status).toBe('active');
  expect(await cloud.get<Provider>('providers', fixedOne._id)).toMatchObject({
    status: 'active',
    rectifyDeadline: null,
  });
  expect(handRowOf(await queueOf(leader), fixedOne._id)).toBeUndefined();
  expect(handRowOf(await queueOf(leader, 'all'), fixedOne._id)).toMatchObject({
    providerStatus: 'active',
    providerStatusLabel: '正常服务',
    inForce: false,
    overdue: false,
    canRecheck: false,
    rectifyDeadline: fixedDeadline,
  });
  expect((await recordsOf(leader, fixedOne._id)).rectification).toBeNull();
});

test('a regulator acts on the providers of its industry only: suspend and reinstate, no action on another industry', async () => {
  // demo-regulator-1 oversees 市场监督管理 in the demo county (its grant names the industry).
  const regulator = await cloud.signIn('regulator');
  // Providers made from an application carry the industries of their items.
  const active = await cloud.find<Provider & { industries?: string[] }>('providers', {
    orgPath: DEMO_PATHS.community,
    status: 'active',
  });
  const ours = active.find((p) => (p.industries ?? []).includes('market_regulation'));
  const theirs = active.find(
    (p) => (p.industries ?? []).length > 0 && !(p.industries ?? []).includes('market_regulation'),
  );
  if (ours === undefined || theirs === undefined)
    throw new Error('the demo community lacks providers of both kinds');

  const seen = await recordsOf(regulator, ours._id);
  expect(seen.actions).toMatchObject({ suspend: true, rectify: true });
  const suspended = await regulator.post<ProviderStatusChangeResult>(
    `/console/api/providers/${ours._id}/status`,
    {
      to: 'suspended',
      reason: '接到投诉，暂停核查',
      clientRequestId: 'rectify-hand-reg-1',
    },
  );
  expect(suspended.code).toBe('OK');
  expect((await cloud.get<Provider>('providers', ours._id))!.status).toBe('suspended');
  const reinstated = await regulator.post<ProviderStatusChangeResult>(
    `/console/api/providers/${ours._id}/status`,
    {
      to: 'active',
      reason: '核查无误',
      clientRequestId: 'rectify-hand-reg-2',
    },
  );
  expect(reinstated.code).toBe('OK');

  expect((await recordsOf(regulator, theirs._id)).actions).toMatchObject({ suspend: false, rectify: false });
  const before = cloud.wholeMark();
  const refused = await regulator.post(`/console/api/providers/${theirs._id}/status`, {
    to: 'suspended',
    reason: '越权暂停',
    clientRequestId: 'rectify-hand-reg-3',
  });
  expect(refused.code).toBe('OUT_OF_SCOPE');
  expect(cloud.wholeMark()).toEqual(before);
});
