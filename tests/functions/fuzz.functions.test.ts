/**
 * Fuzzing every command of every function through the real SDK (docs/testing.md "The fuzz test and the
 * permission matrix"). The functions and their commands come from the functions' own route tables
 * (support/function-routes.ts) and each command's events from its own input schema (support/fuzz-events.ts),
 * so a new command is fuzzed the day it is added. Sent as four identities: a resident with orders, a
 * provider's manager, a community worker, and a stranger with no record at all.
 *
 * For every event: never INTERNAL; a stable upper-snake code and a Chinese message; on a refusal not one
 * write to the platform's collections (the rate limiter's counters are bookkeeping: platform-writes.ts)
 * and no subscribe message sent. An event nested deeper than the local cloud's 64 levels never reaches a
 * function: the SDK call fails with INVALID_PARAM, and nothing is written either.
 *
 * Size: a fixed seed and FUZZ_RUNS events per identity and command (default 3; FUZZ_RUNS and FUZZ_SEED
 * override both for a longer local run). Rate limits (core/kernel/platform.config.ts `rateLimits`, per user,
 * command and minute) are kept out of the way by moving the local cloud's clock a minute on before each
 * identity's batch of a command, and again whenever a batch would pass the command's limit, so every event
 * reaches its command; a test at the end checks that none was answered RATE_LIMITED.
 */
import fc from 'fast-check';
import { DEFAULT_PLATFORM_CONFIG } from '../../core/kernel/platform.config';
import { rateLimitOf } from '../../core/kernel/rate-limit';
import { COMMAND_NAMES } from '../../core/schemas/commands.registry';
import { DEMO_COMMUNITY_ID, DEMO_COUNTY_ID, DEMO_GRID_ID } from '../../demo/demo.constants';
import { DEMO_PATHS } from '../../demo/demo-identities';
import { MINUTE_MS, functionCloud, type Reply } from './support/function-cloud';
import { functionNames, functionRoutes } from './support/function-routes';
import {
  FRESH_REQUEST_ID,
  eventLevelCases,
  malformedEvents,
  tooDeepForTheCloud,
  type RealValues,
} from './support/fuzz-events';
import { APPLIANCE_REPAIR, ok, orderThrough, placeOrder, writeResidents } from './support/order-loop';
import { platformMark } from './support/platform-writes';
import { writeUser } from './support/role-actors';

const cloud = functionCloud();

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 3);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20250310);

const ROUTES = functionRoutes();
const FUNCTIONS = functionNames();
const PAIRS = Object.entries(ROUTES).flatMap(([fn, commands]) =>
  commands.map((command) => ({ fn, command })),
);

const RESIDENT = 't-fuzz-resident';
const NEIGHBOUR = 't-fuzz-neighbour';
const STAFF = 't-fuzz-manager';
const WORKER = 't-fuzz-worker';
const STRANGER = 't-fuzz-stranger';

const IDENTITIES = [
  { name: 'a resident', openid: RESIDENT },
  { name: 'a provider’s manager', openid: STAFF },
  { name: 'a community worker', openid: WORKER },
  { name: 'a stranger with no record', openid: STRANGER },
] as const;

/** Real ids by field name, filled in beforeAll (the generators read it when the events are drawn). */
const real: Record<string, unknown[]> = {};

const stats = { events: 0, refusedAsTooDeep: 0, rateLimited: 0, codes: new Map<string, number>() };

beforeAll(async () => {
  await writeResidents(cloud, [RESIDENT, NEIGHBOUR]);
  const created = await orderThrough(cloud, RESIDENT, APPLIANCE_REPAIR, 'created');
  const accepted = await orderThrough(cloud, RESIDENT, 'item-beauty-hairdressing', 'accepted');
  const done = await orderThrough(cloud, RESIDENT, 'item-fitness', 'done');
  // A note content security holds for review: a pending item in the worker's queue.
  const held = await placeOrder(cloud, NEIGHBOUR, APPLIANCE_REPAIR, { note: '加微信领红包，下午在家' });
  const [item] = await cloud.find<{ _id: string }>('moderation_items', { orderId: held.orderId });
  const provider = await cloud.get<{ orgPath: string }>('providers', created.providerId);
  await writeUser(cloud, STAFF, [
    {
      role: 'provider_staff',
      providerId: created.providerId,
      position: 'manager',
      orgPath: provider!.orgPath,
    },
  ]);
  await writeUser(cloud, WORKER, [{ role: 'worker', orgPath: DEMO_PATHS.community }], DEMO_PATHS.community);
  const invite = ok(
    await cloud.as(STAFF).call<{ inviteCode: string }>('provider-admin', 'provider.staff.invite', {
      providerId: created.providerId,
      position: 'member',
      clientRequestId: cloud.requestId('fuzz-invite'),
    }),
  );
  // Everyone may be sent every message, so one sent on a refusal would show in the outbox.
  const people = [RESIDENT, NEIGHBOUR, STAFF, WORKER, ...created.staff, ...accepted.staff, ...done.staff];
  for (const openid of people) {
    for (const template of Object.values(DEFAULT_PLATFORM_CONFIG.templates)) cloud.grant(openid, template);
  }
  Object.assign(real, {
    orderId: [created.orderId, accepted.orderId, done.orderId, held.orderId],
    matchId: [created.matchId],
    itemId: [APPLIANCE_REPAIR, item!._id],
    itemIds: [[APPLIANCE_REPAIR]],
    providerId: [created.providerId],
    orgUnitId: [DEMO_GRID_ID, DEMO_COMMUNITY_ID],
    parentId: [DEMO_COUNTY_ID],
    inviteCode: [invite.inviteCode],
  } satisfies RealValues);
});

afterAll(() => {
  const codes = [...stats.codes.entries()].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`);
  console.log(
    [
      `fuzz: ${FUNCTIONS.length} functions, ${new Set(PAIRS.map((p) => p.command)).size} commands ` +
        `(${PAIRS.length} function/command routes), ${IDENTITIES.length} identities, ` +
        `${RUNS} events per identity and route, seed ${SEED}`,
      `events sent: ${stats.events} (${stats.refusedAsTooDeep} refused by the local cloud as nested deeper than 64 levels)`,
      `codes: ${codes.join(', ')}`,
    ].join('\n'),
  );
});

// ---- sending, with the rate limit kept out of the way -------------------------------------------------------

const callsThisMinute = new Map<string, number>();

function newMinute(): void {
  cloud.shiftClock(MINUTE_MS);
  callsThisMinute.clear();
}

/** Move to a new minute before a call would pass its command's per-user limit. */
function countCall(openid: string, event: unknown): void {
  const command = (event as { command?: unknown } | null)?.command;
  if (typeof command !== 'string') return;
  const limit = rateLimitOf(DEFAULT_PLATFORM_CONFIG, command);
  if (limit === undefined) return;
  const key = `${openid} ${command}`;
  const calls = (callsThisMinute.get(key) ?? 0) + 1;
  if (calls > limit) {
    newMinute();
    callsThisMinute.set(key, 1);
  } else callsThisMinute.set(key, calls);
}

/** A fresh clientRequestId where the event carries the placeholder (a replay of an earlier event is not the point). */
function withFreshRequestId(event: unknown): unknown {
  const input = (event as { input?: unknown } | null)?.input;
  if (input !== null && typeof input === 'object' && !Array.isArray(input)) {
    const fields = input as Record<string, unknown>;
    if (fields['clientRequestId'] === FRESH_REQUEST_ID) fields['clientRequestId'] = cloud.requestId('fuzz');
  }
  return event;
}

const outboxTotal = (): number => cloud.started.cloud.openapi.listOutbox({}, 0, 1).total;

const UPPER_SNAKE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;
const CHINESE = /[\u4e00-\u9fa5]/;

/** Send one event as `openid` to `fn` and hold the reply to the properties; resolves with the reply. */
async function sendAndCheck(openid: string, fn: string, event: unknown): Promise<Reply | null> {
  countCall(openid, event);
  const before = platformMark(cloud);
  const sent = outboxTotal();
  stats.events += 1;
  let reply: Reply | null = null;
  let cloudError: { code?: string; message?: string } | null = null;
  try {
    reply = await cloud.as(openid).raw(fn, withFreshRequestId(event));
  } catch (e) {
    cloudError = e as { code?: string; message?: string };
  }
  if (tooDeepForTheCloud(event)) {
    stats.refusedAsTooDeep += 1;
    expect(cloudError).toMatchObject({ code: 'INVALID_PARAM', message: expect.stringContaining('64') });
  } else {
    if (cloudError !== null) throw new Error(`the SDK call failed: ${cloudError.code} ${cloudError.message}`);
    expect(reply).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
    const { code, message } = reply!;
    stats.codes.set(code, (stats.codes.get(code) ?? 0) + 1);
    if (code === 'RATE_LIMITED') stats.rateLimited += 1;
    expect(code).not.toBe('INTERNAL');
    expect(code).toMatch(UPPER_SNAKE);
    expect(message).toMatch(CHINESE);
    if (code === 'OK') return reply;
  }
  // A refusal (by the function or by the cloud): nothing written, nothing sent.
  expect(platformMark(cloud)).toEqual(before);
  expect(outboxTotal()).toBe(sent);
  return reply;
}

const assertOptions = () => ({
  seed: SEED,
  numRuns: RUNS,
  // Shrinking resends events; a failure shows the event as generated unless FUZZ_SHRINK asks for more.
  endOnFailure: process.env['FUZZ_SHRINK'] === undefined,
});

// ---- the tests ---------------------------------------------------------------------------------------------

test('the functions and commands fuzzed are the functions’ own route tables', () => {
  expect(FUNCTIONS.length).toBeGreaterThan(0);
  expect(PAIRS.length).toBeGreaterThan(0);
  // Every routed command has an input schema to draw events from.
  for (const { command } of PAIRS) expect(COMMAND_NAMES).toContain(command);
});

describe.each(FUNCTIONS.map((fn, i) => [fn, i] as const))(
  'events that are wrong as events, to %s',
  (fn, index) => {
    const others = COMMAND_NAMES.filter((c) => !(ROUTES[fn] ?? []).includes(c));
    const cases = eventLevelCases(others);
    test(`are refused with their code, writing nothing (${cases.length} events)`, async () => {
      for (const [i, c] of cases.entries()) {
        const identity = IDENTITIES[(index + i) % IDENTITIES.length]!;
        const reply = await sendAndCheck(identity.openid, fn, c.event);
        expect({ case: c.name, code: reply?.code }).toEqual({ case: c.name, code: c.code });
      }
    });
  },
);

describe.each(IDENTITIES.map((identity) => [identity.name, identity.openid] as const))(
  'malformed input as %s',
  (_name, openid) => {
    test.each(PAIRS.map((p) => [p.fn, p.command] as const))(
      `%s %s: ${RUNS} generated events, never INTERNAL, a coded Chinese answer, nothing written on a refusal`,
      async (fn, command) => {
        newMinute();
        await fc.assert(
          fc.asyncProperty(malformedEvents(command, real), async (event) => {
            const reply = await sendAndCheck(openid, fn, event);
            // The command is routed here: whatever else it answers, it is never "unknown".
            expect(reply?.code).not.toBe('UNKNOWN_COMMAND');
          }),
          assertOptions(),
        );
      },
    );
  },
);

test('no event was answered RATE_LIMITED: every one reached its command', () => {
  expect(stats.events).toBeGreaterThan(0);
  expect(stats.rateLimited).toBe(0);
});
