/**
 * The replies docs/functions.md shows are the replies the functions give. Each documented command's reply is a
 * fenced JSON example after a marker (`<!-- reply: orders order.detail -->`); this file walks the order loop
 * through the deployed functions on a local cloud with the demo data, keeps every reply's `data`, and holds
 * each example to the real replies of its marker: the same keys at every level and the same JSON types, by the
 * convention docs/functions.md states ("How the examples are checked"). A field documented but not answered,
 * renamed, or answered but not documented fails here; so does a marker without a walk or a walk without one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_GRID_ID, DEMO_PROVIDER_MANAGER_OPENID, DEMO_STREET_ID } from '../../demo/demo.constants';
import { DEMO_REFS } from '../../demo/demo-identities';
import { DAY_MS, HOUR_MS, functionCloud, type Reply } from './support/function-cloud';
import { writeUser } from './support/role-actors';
import {
  APPLIANCE_REPAIR,
  DEMO_RESIDENT,
  FOLLOW_UP_INPUT,
  matchFor,
  ok,
  orderThrough,
  placeOrder,
  rate,
  staffStep,
} from './support/order-loop';

// ---------------------------------------------------------------------------------------------------------
// The examples in the doc

const DOC_PATH = join(__dirname, '..', '..', 'docs', 'functions.md');

interface DocumentedReply {
  /** `<function> <command>`, e.g. `jobs order.detail`; `<function> timer` for a timer's reply. */
  readonly key: string;
  readonly line: number;
  readonly example: unknown;
}

/** JSON with `//` line comments (outside strings) removed, so the examples can say what a value means. */
function withoutComments(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (c === '\\') {
        i += 1;
        out += text[i] ?? '';
      } else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i + 1 < text.length && text[i + 1] !== '\n') i += 1;
    } else out += c;
  }
  return out;
}

/** Every `<!-- reply: … -->` marker of the markdown with the fenced json / jsonc example right after it. */
function documentedReplies(markdown: string, file = 'docs/functions.md'): DocumentedReply[] {
  const found: DocumentedReply[] = [];
  for (const marker of markdown.matchAll(/<!--\s*reply:([^>]*?)-->/g)) {
    const line = markdown.slice(0, marker.index).split('\n').length;
    const after = markdown.slice(marker.index + marker[0].length);
    const fence = /^\s*```jsonc?\n([\s\S]*?)\n```/.exec(after);
    if (fence === null) throw new Error(`${file}:${line}: the reply marker is not followed by a json block`);
    let example: unknown;
    try {
      example = JSON.parse(withoutComments(fence[1]!));
    } catch (e) {
      throw new Error(`${file}:${line}: the example is not JSON: ${(e as Error).message}`, { cause: e });
    }
    found.push({ key: marker[1]!.trim().replace(/\s+/g, ' '), line, example });
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------
// Shape: same keys, same JSON types, `null` matching any value, arrays by their elements

type JsonType = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

function jsonType(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const t = typeof value;
  if (t === 'boolean' || t === 'number' || t === 'string') return t;
  if (t === 'object') return 'object';
  throw new Error(`not a JSON value: ${String(value)}`);
}

type Obj = Record<string, unknown>;

/**
 * What differs between the documented value and one real value at `path`; adds to `seen` the documented
 * paths the real value shows with a value (not null), for the coverage check.
 */
function compare(doc: unknown, real: unknown, path: string, seen: Set<string>): string[] {
  if (doc === null || real === null) return [];
  const [docType, realType] = [jsonType(doc), jsonType(real)];
  if (docType !== realType) return [`${path}: documented as ${docType}, answered as ${realType}`];
  seen.add(path);
  if (docType === 'object') return compareObjects(doc as Obj, real as Obj, path, seen);
  if (docType === 'array') return compareArrays(doc as unknown[], real as unknown[], path, seen);
  return [];
}

function compareObjects(doc: Obj, real: Obj, path: string, seen: Set<string>): string[] {
  const out: string[] = [];
  for (const key of Object.keys(doc)) {
    if (!(key in real)) out.push(`${path}.${key}: documented, not in the reply`);
    else out.push(...compare(doc[key], real[key], `${path}.${key}`, seen));
  }
  for (const key of Object.keys(real)) {
    if (!(key in doc)) out.push(`${path}.${key}: in the reply, not documented`);
  }
  return out;
}

/**
 * Each real element must match one of the documented elements (one per shape the elements take, e.g. a
 * free and a low-fee price); a documented `[]` stands for an array that is empty in the reply too.
 */
function compareArrays(doc: readonly unknown[], real: readonly unknown[], path: string, seen: Set<string>) {
  if (doc.length === 0) {
    return real.length === 0 ? [] : [`${path}: documented as [], answered with ${real.length} element(s)`];
  }
  const out: string[] = [];
  real.forEach((element, j) => {
    const tries = doc.map((alternative, i) => {
      const seenHere = new Set<string>();
      return { errors: compare(alternative, element, `${path}[${i}]`, seenHere), seenHere };
    });
    const matching = tries.filter((t) => t.errors.length === 0);
    for (const t of matching) t.seenHere.forEach((p) => seen.add(p));
    if (matching.length > 0) return;
    const closest = [...tries].sort((a, b) => a.errors.length - b.errors.length)[0]!;
    out.push(`${path}: element ${j} of the reply matches no documented element`, ...closest.errors);
  });
  return [...new Set(out)];
}

/** The documented paths holding a value (not null): each must be seen with a value in some real reply. */
function valuedPaths(doc: unknown, path: string): string[] {
  if (doc === null) return [];
  if (Array.isArray(doc))
    return [path, ...doc.flatMap((element, i) => valuedPaths(element, `${path}[${i}]`))];
  if (typeof doc === 'object') {
    return [path, ...Object.entries(doc).flatMap(([key, value]) => valuedPaths(value, `${path}.${key}`))];
  }
  return [path];
}

/** Everything that keeps the example from describing the real replies (none: it does). */
function shapeDifferences(example: unknown, replies: readonly unknown[]): string[] {
  if (replies.length === 0) return ['no real reply to compare with'];
  const seen = new Set<string>();
  const differences = [...new Set(replies.flatMap((reply) => compare(example, reply, 'data', seen)))];
  if (differences.length > 0) return differences;
  const unseen: string[] = [];
  for (const path of valuedPaths(example, 'data')) {
    const under = (parent: string) => path.startsWith(`${parent}.`) || path.startsWith(`${parent}[`);
    if (!seen.has(path) && !unseen.some(under)) unseen.push(path);
  }
  return unseen.map((path) => `${path}: documented with a value, null or empty in every reply`);
}

/** The real reply with one element per array, to paste into the doc when the example is out of date. */
function firstElements(value: unknown): unknown {
  if (Array.isArray(value)) return value.slice(0, 1).map(firstElements);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, firstElements(v)]));
  }
  return value;
}

// ---------------------------------------------------------------------------------------------------------
// The walk: every documented command, through the deployed functions, as the callers who make them

const cloud = functionCloud();
const replies = new Map<string, unknown[]>();

function keep<T>(key: string, reply: Reply<T>): T {
  const data = ok(reply);
  replies.set(key, [...(replies.get(key) ?? []), data]);
  return data;
}

const NEWCOMER = 't-doc-newcomer';
const NEW_COLLEAGUE = 't-doc-colleague';
const rid = (label: string) => cloud.requestId(label);

async function walkProfileAndCatalog(): Promise<void> {
  const profile = (openid: string, command: string, input: unknown = {}) =>
    cloud.as(openid).call('profile', command, input);
  keep('profile profile.get', await profile(DEMO_RESIDENT, 'profile.get'));
  keep(
    'profile profile.bind',
    await profile(NEWCOMER, 'profile.bind', {
      orgUnitId: DEMO_GRID_ID,
      nickname: '新邻居',
      clientRequestId: rid('bind'),
    }),
  );
  keep(
    'profile profile.phone.set',
    await profile(NEWCOMER, 'profile.phone.set', {
      method: 'typed',
      phone: '13807751234',
      consent: true,
      clientRequestId: rid('phone'),
    }),
  );
  const catalog = cloud.as(DEMO_RESIDENT);
  keep('catalog catalog.list', await catalog.call('catalog', 'catalog.list', { page: 1, pageSize: 3 }));
  keep('catalog org.children', await catalog.call('catalog', 'org.children', { parentId: DEMO_STREET_ID }));
}

/**
 * The providers of 家电维修 for the demo resident, the first at a low fee and the second free (whatever the
 * demo data drew), so the lists below show both shapes of a price.
 */
async function priceTheProviders(): Promise<void> {
  const { providers } = (await matchFor(cloud, DEMO_RESIDENT, [APPLIANCE_REPAIR])).items[0]!;
  const _ = cloud.db.command;
  const lowFee = { kind: 'low_fee', priceFen: 5000, marketPriceFen: 8000, unit: '次' };
  await cloud.update('offerings', providers[0]!.offeringId, { pricing: _.set(lowFee) });
  await cloud.update('offerings', providers[1]!.offeringId, { pricing: _.set({ kind: 'free' }) });
}

/** Orders that end early: declined, cancelled by the provider after accepting, cancelled by the resident. */
async function walkEarlyEndings(): Promise<void> {
  const declined = await placeOrder(cloud, DEMO_RESIDENT, APPLIANCE_REPAIR);
  replies.set('jobs order.decline', [
    await staffStep(cloud, declined, 'order.decline', { reason: '师傅都已排满' }),
  ]);

  const dropped = await orderThrough(cloud, DEMO_RESIDENT, APPLIANCE_REPAIR, 'accepted');
  replies.set('jobs order.cancel', [
    await staffStep(cloud, dropped, 'order.cancel', { reason: '师傅临时生病，无法上门' }),
  ]);

  const withdrawn = await placeOrder(cloud, DEMO_RESIDENT, APPLIANCE_REPAIR, { rank: 2 });
  keep(
    'orders order.cancel',
    await cloud
      .as(DEMO_RESIDENT)
      .orders('order.cancel', { orderId: withdrawn.orderId, clientRequestId: rid('cancel') }),
  );
}

/**
 * One order from match to rating, read by both sides on the way: the staff's newest job is this order
 * while it waits, and the resident's two newest orders are it (rated) and the one they cancelled (free).
 */
async function walkOneOrder(): Promise<void> {
  const resident = cloud.as(DEMO_RESIDENT);
  const match = await matchFor(cloud, DEMO_RESIDENT, [APPLIANCE_REPAIR]);
  replies.set('orders match.request', [match]);
  const providerId = match.items[0]!.providers[0]!.providerId;
  const { orderId } = keep<{ orderId: string }>(
    'orders order.create',
    await resident.orders('order.create', {
      matchId: match.matchId,
      itemId: APPLIANCE_REPAIR,
      providerId,
      serviceAddress: '金港花园 3 栋 502',
      note: '冰箱不制冷，下午在家',
      clientRequestId: rid('create'),
    }),
  );
  const staff = cloud.as((await cloud.staffOf(providerId))[0]!);
  const step = (command: string, input: Record<string, unknown> = {}) =>
    staff.jobs(command, { orderId, clientRequestId: rid(command.replace('.', '-')), ...input });

  keep('jobs order.list', await staff.jobs('order.list', { as: 'provider_staff', pageSize: 1 }));
  keep('jobs order.detail', await staff.jobs('order.detail', { orderId }));
  keep('jobs order.accept', await step('order.accept'));
  keep('jobs order.done', await step('order.done', { note: '已更换温控器' }));
  keep(
    'jobs order.follow_up',
    await step('order.follow_up', {
      ...FOLLOW_UP_INPUT,
      suggestions: [{ content: '希望能提供晚上上门', handling: '已转告机构负责人' }],
    }),
  );
  keep(
    'orders order.rate',
    await resident.orders('order.rate', {
      orderId,
      stars: 5,
      text: '师傅很专业',
      clientRequestId: rid('rate'),
    }),
  );
  keep('orders order.detail', await resident.orders('order.detail', { orderId }));
  keep('orders order.list', await resident.orders('order.list', { as: 'resident', pageSize: 2 }));
}

async function walkStaffBinding(): Promise<void> {
  const { inviteCode } = keep<{ inviteCode: string }>(
    'provider-admin provider.staff.invite',
    await cloud.as(DEMO_PROVIDER_MANAGER_OPENID).call('provider-admin', 'provider.staff.invite', {
      providerId: DEMO_REFS.providerId,
      position: 'member',
      clientRequestId: rid('invite'),
    }),
  );
  keep(
    'jobs provider.staff.bind',
    await cloud
      .as(NEW_COLLEAGUE)
      .jobs('provider.staff.bind', { inviteCode, clientRequestId: rid('staff-bind') }),
  );
}

/**
 * A rating whose text WeChat's content check holds for review (the local word list marks 加微信领红包 so),
 * found in the community worker's queue and approved.
 */
async function walkModeration(): Promise<void> {
  const order = await orderThrough(cloud, DEMO_RESIDENT, APPLIANCE_REPAIR, 'done');
  ok(await rate(cloud, order, 5, '加微信领红包，师傅很好'));
  const worker = cloud.as('demo-community-worker-1');
  const queue = keep<{ items: { itemId: string }[] }>(
    'moderation moderation.list',
    await worker.call('moderation', 'moderation.list', {}),
  );
  keep(
    'moderation moderation.decide',
    await worker.call('moderation', 'moderation.decide', {
      itemId: queue.items[0]!.itemId,
      decision: 'approve',
      clientRequestId: rid('moderate'),
    }),
  );
}

/**
 * The timers, delivered at two moments: 50 hours on, an unanswered order has expired and a follow-up is due
 * within the day; 8 days later, that follow-up is overdue and its order closed. Then a provider's aggregates
 * drift behind the use cases' back, and the nightly recount corrects them.
 */
async function walkTimers(): Promise<void> {
  await placeOrder(cloud, DEMO_RESIDENT, APPLIANCE_REPAIR);
  const done = await orderThrough(cloud, DEMO_RESIDENT, APPLIANCE_REPAIR, 'done');
  cloud.shiftClock(50 * HOUR_MS);
  keep('order-timers timer', await cloud.fireTimer('order-timers'));
  cloud.shiftClock(8 * DAY_MS);
  keep('order-timers timer', await cloud.fireTimer('order-timers'));

  await cloud.update('providers', done.providerId, { ratingSum: cloud.db.command.inc(7) });
  keep('reputation-nightly timer', await cloud.fireTimer('reputation-nightly'));
  keep('housekeeping timer', await cloud.fireTimer('housekeeping'));
}

/**
 * A resident's rights over their data: the demo resident's copy (their seeded orders, rated and followed up)
 * and a request about one of their orders; the newcomer withdraws their phone consent and deletes their
 * account (nothing else of the walk uses the newcomer).
 */
async function walkRights(): Promise<void> {
  const resident = cloud.as(DEMO_RESIDENT);
  keep('profile profile.export', await resident.call('profile', 'profile.export'));
  const { items } = ok(
    await resident.orders<{ items: { orderId: string }[] }>('order.list', { as: 'resident' }),
  );
  keep(
    'profile privacy.request.submit',
    await resident.call('profile', 'privacy.request.submit', {
      kind: 'correction',
      orderId: items[0]!.orderId,
      content: '这个订单的服务地址写错了，应为金港花园 3 栋 502',
      clientRequestId: rid('privacy-request'),
    }),
  );
  keep('profile privacy.request.list', await resident.call('profile', 'privacy.request.list'));
  const newcomer = cloud.as(NEWCOMER);
  keep(
    'profile profile.phone.withdraw',
    await newcomer.call('profile', 'profile.phone.withdraw', { clientRequestId: rid('withdraw') }),
  );
  keep(
    'profile profile.delete',
    await newcomer.call('profile', 'profile.delete', { confirm: true, clientRequestId: rid('delete') }),
  );
}

/**
 * A worry from the demo resident through the concerns loop: similar ones and 我也关心, review, publish, claim,
 * progress, resolve, the resident's answer, the lists and the detail; a second one pushed up by hand,
 * referred, taken by the street's joint meeting with a task, its minutes; a third handed back, a fourth
 * withdrawn; then the concern clocks.
 */
async function walkConcerns(): Promise<void> {
  const concerns = <T = unknown>(openid: string, command: string, input: Record<string, unknown> = {}) =>
    cloud.as(openid).call<T>('concerns', command, input);
  const write = <T = unknown>(openid: string, command: string, input: Record<string, unknown>) =>
    concerns<T>(openid, command, { ...input, clientRequestId: rid(command.replace(/\W/g, '')) });
  const submit = async (title: string) =>
    keep<{ concernId: string }>(
      'concerns concern.submit',
      await write<{ concernId: string }>(DEMO_RESIDENT, 'concern.submit', {
        kind: 'worry',
        title,
        content: `${title}，已经一个多星期了，晚上老人出行很不方便。`,
        images: [PHOTO],
      }),
    ).concernId;
  const approveAndPublish = async (concernId: string) => {
    keep(
      'concerns concern.review',
      await write(CONCERN_LEADER, 'concern.review', { concernId, decision: 'approve' }),
    );
    keep('concerns concern.publish', await write(CONCERN_WORKER, 'concern.publish', { concernId }));
  };

  const first = await submit('金港花园3栋楼道灯坏了');
  await approveAndPublish(first);
  keep(
    'concerns concern.similar',
    await concerns(NEIGHBOUR, 'concern.similar', { title: '3栋楼道灯不亮', content: '晚上很黑' }),
  );
  keep('concerns concern.support', await write(NEIGHBOUR, 'concern.support', { concernId: first }));
  keep(
    'concerns concern.claim',
    await write(CONCERN_TEAM_LEADER, 'concern.claim', { concernId: first, claimAs: 'team' }),
  );
  keep(
    'concerns concern.update',
    await write(CONCERN_TEAM_LEADER, 'concern.update', {
      concernId: first,
      text: '已联系物业，明天更换灯泡',
      images: [PHOTO],
    }),
  );
  keep(
    'concerns concern.resolve',
    await write(CONCERN_TEAM_LEADER, 'concern.resolve', {
      concernId: first,
      summary: '已更换 3 栋全部楼道灯',
    }),
  );
  keep(
    'concerns concern.confirm',
    await write(DEMO_RESIDENT, 'concern.confirm', { concernId: first, outcome: 'resolved' }),
  );
  keep('concerns concern.detail', await concerns(DEMO_RESIDENT, 'concern.detail', { concernId: first }));
  keep('concerns concern.list', await concerns(DEMO_RESIDENT, 'concern.list', { view: 'mine', pageSize: 2 }));

  const second = await submit('菜市场门口积水');
  await approveAndPublish(second);
  keep(
    'concerns concern.escalate',
    await write(CONCERN_WORKER, 'concern.escalate', {
      concernId: second,
      reason: '涉及多个小区，需街道协调',
    }),
  );
  keep(
    'concerns concern.refer',
    await write(CONCERN_STREET_WORKER, 'concern.refer', {
      concernId: second,
      reason: '需要住建、城管共同处理',
      departments: ['住建局', '城管局'],
    }),
  );
  keep(
    'concerns joint_meeting.take',
    await write(CONCERN_OFFICE, 'joint_meeting.take', {
      concernId: second,
      leadDepartment: '住建局',
      departments: ['城管局'],
      tasks: [{ department: '城管局', task: '疏通排水口', dueAt: cloud.started.cloud.clock.now() + DAY_MS }],
    }),
  );
  const added = keep<{ taskIds: string[] }>(
    'concerns joint_meeting.task.add',
    await write<{ taskIds: string[] }>(CONCERN_OFFICE, 'joint_meeting.task.add', {
      concernId: second,
      tasks: [
        { department: '住建局', task: '改造路面', dueAt: cloud.started.cloud.clock.now() + 7 * DAY_MS },
      ],
    }),
  );
  keep(
    'concerns joint_meeting.task.done',
    await write(CONCERN_OFFICE, 'joint_meeting.task.done', {
      concernId: second,
      taskId: added.taskIds[0],
      note: '路面改造方案已报批',
    }),
  );
  keep(
    'concerns joint_meeting.minutes',
    await write(CONCERN_OFFICE, 'joint_meeting.minutes', {
      concernId: second,
      heldOn: '2025-03-12',
      attendees: ['住建局', '城管局', '东门社区'],
      minutes: '研究菜市场门口积水的治理',
      decisions: ['城管局一日内疏通排水口', '住建局一周内报批路面改造方案'],
    }),
  );

  keep('concerns concern.detail', await concerns(CONCERN_OFFICE, 'concern.detail', { concernId: second }));

  const third = await submit('希望小区增设快递柜');
  await approveAndPublish(third);
  await write(CONCERN_TEAM_LEADER, 'concern.claim', { concernId: third, claimAs: 'team' });
  keep(
    'concerns concern.release',
    await write(CONCERN_TEAM_LEADER, 'concern.release', {
      concernId: third,
      reason: '需要物业同意，志愿队无法办理',
    }),
  );
  const fourth = await submit('楼下噪音扰民');
  keep('concerns concern.withdraw', await write(DEMO_RESIDENT, 'concern.withdraw', { concernId: fourth }));

  cloud.shiftClock(73 * HOUR_MS);
  keep('concern-timers timer', await cloud.fireTimer('concern-timers'));
}

const NEIGHBOUR = 't-doc-neighbour';
const PHOTO = 'cloud://local-env.6c6f-local-env/concerns/3-dong-lou-dao.jpg';
const CONCERN_LEADER = 'demo-community-leader-1';
const CONCERN_WORKER = 'demo-community-worker-1';
const CONCERN_STREET_WORKER = 'demo-street-worker-1';
const CONCERN_TEAM_LEADER = 'demo-volunteer-leader-1';
const CONCERN_OFFICE = 'demo-joint-office-1';

beforeAll(async () => {
  await writeUser(cloud, NEIGHBOUR, []);
  await walkConcerns();
  await walkProfileAndCatalog();
  await walkRights();
  await priceTheProviders();
  await walkEarlyEndings();
  await walkOneOrder();
  await walkStaffBinding();
  await walkModeration();
  await walkTimers();
});

// ---------------------------------------------------------------------------------------------------------

const documented = documentedReplies(readFileSync(DOC_PATH, 'utf8'));

describe('docs/functions.md', () => {
  it('shows the reply of every command the walk takes, once each, and of no other', () => {
    expect(documented.map((d) => d.key).sort()).toEqual([...replies.keys()].sort());
  });

  it.each(documented.map((d) => [d.key, d] as const))('shows the reply of %s as it is', (_key, d) => {
    const real = replies.get(d.key) ?? [];
    const differences = shapeDifferences(d.example, real);
    if (differences.length > 0) {
      differences.unshift(`docs/functions.md:${d.line}`);
      differences.push(`a real reply, one element per array: ${JSON.stringify(firstElements(real[0]))}`);
    }
    expect(differences).toEqual([]);
  });
});

describe('the shape comparison', () => {
  const price = { free: false, feeFen: 100, text: '1元/次' };

  it.each<[string, unknown, unknown[], string[]]>([
    ['an equal shape with other values', { a: 1, b: ['x'] }, [{ a: 2, b: ['y', 'z'] }], []],
    [
      'a documented field the reply lacks',
      { a: 1, b: 2 },
      [{ a: 1 }],
      ['data.b: documented, not in the reply'],
    ],
    ['a field the doc lacks', { a: 1 }, [{ a: 1, c: 3 }], ['data.c: in the reply, not documented']],
    [
      'a renamed field',
      { orderId: 'o' },
      [{ id: 'o' }],
      ['data.orderId: documented, not in the reply', 'data.id: in the reply, not documented'],
    ],
    ['another JSON type', { a: 1 }, [{ a: '1' }], ['data.a: documented as number, answered as string']],
    ['a documented null answered with a value', { a: null }, [{ a: { any: 'thing' } }], []],
    ['a documented value answered with null in one reply', { a: 1 }, [{ a: null }, { a: 2 }], []],
    [
      'a documented value answered with null in every reply',
      { a: 1 },
      [{ a: null }],
      ['data.a: documented with a value, null or empty in every reply'],
    ],
    [
      'an element of another shape',
      { items: [price] },
      [{ items: [price, { free: true, text: '免费' }] }],
      [
        'data.items: element 1 of the reply matches no documented element',
        'data.items[0].feeFen: documented, not in the reply',
      ],
    ],
    [
      'elements of two documented shapes',
      { items: [price, { free: true }] },
      [{ items: [{ free: true }, price] }],
      [],
    ],
    [
      'a documented shape no element takes',
      { items: [price, { free: true }] },
      [{ items: [price] }],
      ['data.items[1]: documented with a value, null or empty in every reply'],
    ],
    [
      'a documented element when every reply has none',
      { items: [{ a: 1 }] },
      [{ items: [] }],
      ['data.items[0]: documented with a value, null or empty in every reply'],
    ],
    [
      'an empty documented array answered with elements',
      { items: [] },
      [{ items: [1] }],
      ['data.items: documented as [], answered with 1 element(s)'],
    ],
  ])('%s', (_name, example, real, expected) => {
    expect(shapeDifferences(example, real)).toEqual(expected);
  });

  it('reads the markers and their examples, comments and all', () => {
    const markdown = [
      '<!-- reply: orders order.cancel -->',
      '```jsonc',
      '{ "orderId": "o-1", // the order',
      '  "url": "http://x" }',
      '```',
    ].join('\n');
    expect(documentedReplies(markdown)).toEqual([
      { key: 'orders order.cancel', line: 1, example: { orderId: 'o-1', url: 'http://x' } },
    ]);
    expect(() => documentedReplies('<!-- reply: orders order.rate -->\ntext')).toThrow(
      /not followed by a json/,
    );
  });
});
