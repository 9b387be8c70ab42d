/**
 * A resident's rights over their personal data (PIPL arts. 44-47, 50), on the in-memory database behind the
 * sealed database, so every test also sees what is stored: the copy (profile.export), withdrawing the phone
 * consent, the same phone on two accounts (flagged, never refused or told), deleting the account at once
 * (refused while a person is needed; otherwise the record emptied and every kept record de-identified),
 * and the requests a worker decides within 15 working days.
 */
import { actorWithResidentGrant, type Actor } from '../../../core/auth/roles';
import { COLLECTIONS } from '../../../core/model/collections.model';
import type { Concern } from '../../../core/model/concern.model';
import type { EventRecord } from '../../../core/model/event.model';
import type { Order, Rating } from '../../../core/model/order.model';
import type { PrivacyRequest } from '../../../core/model/privacy-request.model';
import type { User } from '../../../core/model/user.model';
import { orderDetail } from '../../../core/orders/order-detail.usecase';
import { sealedDatabase } from '../../../core/privacy/sealed-database';
import { DEFAULT_PRIVACY_CONFIG } from '../../../core/privacy/privacy.config';
import { workingDaysLater } from '../../../core/privacy/working-days';
import { bindProfile } from '../../../core/profile/bind-profile.usecase';
import { deleteAccount } from '../../../core/profile/delete-account.usecase';
import { exportProfile } from '../../../core/profile/export-profile.usecase';
import { getProfile } from '../../../core/profile/get-profile.usecase';
import {
  decidePrivacyRequest,
  listPrivacyRequests,
  submitPrivacyRequest,
} from '../../../core/profile/privacy-requests.usecase';
import { setPhone } from '../../../core/profile/set-phone.usecase';
import { withdrawPhone } from '../../../core/profile/withdraw-phone.usecase';
import { MemoryCipher } from '../privacy/memory-cipher';
import {
  COMMUNITY,
  DAY,
  GRID,
  OTHER_COMMUNITY,
  OTHER_RESIDENT,
  RESIDENT,
  T0,
  codeOf,
  createWorld,
  residentActor,
  rid,
  seedProvider,
  staffActor,
  workerActor,
  type World,
} from '../support/order-loop.fixture';
import { orderWalkedTo, placeOrder } from '../support/order-loop.steps';
import { cancelOrder } from '../../../core/orders/cancel-order.usecase';
import type { ModerationItem } from '../../../core/model/moderation.model';

type Doc = Record<string, unknown> & { _id: string };

/** The world with its database sealed, as the cloud functions hand it to the use cases. */
function sealedWorld(): World & { cipher: MemoryCipher } {
  const world = createWorld();
  const cipher = new MemoryCipher();
  return { ...world, cipher, ports: { ...world.ports, db: sealedDatabase(world.db, cipher) } };
}

const noPhoneCodes = { resolve: async () => null };

/** Every `collection.field.path` of the stored data whose value contains `text`. */
function fieldsHolding(world: World, text: string): string[] {
  const found = new Set<string>();
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string' && value.includes(text)) found.add(path);
    else if (Array.isArray(value)) value.forEach((v) => walk(v, path));
    else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
    }
  };
  for (const [collection, docs] of JSON.parse(world.db.snapshot()) as [string, unknown[]][]) {
    for (const doc of docs) walk(doc, collection);
  }
  return [...found].sort();
}
const stored = (world: World, collection: string) => world.db.all<Doc>(collection);
const storedUser = (world: World, id: string) => stored(world, COLLECTIONS.users).find((u) => u._id === id)!;
const plainUser = (world: World, id: string) => world.ports.db.get<User>(COLLECTIONS.users, id);

function typedPhone(world: World, actor: Actor, phone: string) {
  const command = { method: 'typed', phone, consent: true, clientRequestId: rid() };
  return setPhone({ ports: world.ports, actor, command, phoneNumbers: noPhoneCodes });
}
const withdraw = (world: World, actor: Actor = residentActor()) =>
  withdrawPhone({ ports: world.ports, actor, command: { clientRequestId: rid() } });
const remove = (world: World, actor: Actor = residentActor(), clientRequestId = rid()) =>
  deleteAccount({ ports: world.ports, actor, command: { confirm: true, clientRequestId } });
const exportOf = (world: World, actor: Actor = residentActor(), privacy = DEFAULT_PRIVACY_CONFIG) =>
  exportProfile({ ports: world.ports, actor, command: {}, privacy });
const submit = (world: World, command: Record<string, unknown>, actor: Actor = residentActor()) =>
  submitPrivacyRequest({ ports: world.ports, actor, command: { clientRequestId: rid(), ...command } });

/** A concern of the resident in `status`, written as the concern capability would. */
function seedConcern(world: World, id: string, status: Concern['status']): void {
  void world.ports.db.insert(COLLECTIONS.concerns, {
    _id: id,
    kind: 'worry',
    title: '楼道灯坏了',
    content: '三单元楼道灯坏了一周',
    images: [],
    orgUnitId: 'g1',
    orgPath: GRID,
    residentOpenid: RESIDENT,
    residentName: '黄阿姨',
    filedBy: RESIDENT,
    onBehalfOf: { name: '黄阿姨母亲', phone: '13600009999' },
    anonymous: false,
    status,
    createdAt: T0,
    updatedAt: T0,
  } as unknown as Concern);
}

describe('profile.export', () => {
  test('the account, orders with address, rating and follow-up, and requests, labelled in Chinese, the phone in full', async () => {
    const world = sealedWorld();
    seedProvider(world, { id: 'p1' });
    await typedPhone(world, residentActor(), '13812341234');
    await orderWalkedTo(world, 'rated_then_followed', 'p1');
    await submit(world, { kind: 'other', content: '请告诉我平台保存了我的哪些信息' });

    const copy = await exportOf(world);
    expect(copy.title).toBe('为民红绳 · 我的个人信息');
    expect(copy.sections.map((s) => s.title)).toEqual(['账号信息', '服务订单', '个人信息申请']);
    const account = Object.fromEntries(copy.sections[0]!.records[0]!.fields.map((f) => [f.label, f.value]));
    expect(account).toMatchObject({
      称呼: '黄阿姨',
      联系电话: '13812341234',
      '所在小区/社区': '金港小区',
      在平台上的身份: '居民',
      '账号标识（微信 openid）': RESIDENT,
    });
    const order = copy.sections[1]!.records[0]!;
    expect(order.heading).toMatch(/^家电维修（\d{4}-\d\d-\d\d \d\d:\d\d）$/);
    expect(order.fields.map((f) => f.label)).toEqual([
      '订单状态',
      '服务机构',
      '价格',
      '订单上的称呼',
      '评价',
      '回访记录',
    ]);
    expect(order.fields[0]).toEqual({ label: '订单状态', value: '已关闭' });
    expect(copy.sections[1]!.note).toBeNull();
  });

  test('more orders than the copy lists: the newest, and a note saying so', async () => {
    const world = sealedWorld();
    seedProvider(world, { id: 'p1' });
    await orderWalkedTo(world, 'cancelled_after_accept', 'p1');
    await orderWalkedTo(world, 'declined', 'p1');
    const copy = await exportOf(world, residentActor(), { ...DEFAULT_PRIVACY_CONFIG, exportMaxOrders: 1 });
    const orders = copy.sections.find((s) => s.key === 'orders')!;
    expect(orders.records).toHaveLength(1);
    expect(orders.records[0]!.fields[0]!.value).toBe('已拒单');
    expect(orders.note).toBe('仅列出最近的 1 个订单，更早的订单可提交申请获取');
  });

  test('someone without a record gets the account section alone', async () => {
    const world = sealedWorld();
    const copy = await exportOf(world, actorWithResidentGrant('o-new', undefined, []));
    expect(copy.sections).toHaveLength(1);
    expect(copy.sections[0]!.records[0]!.fields).toEqual(
      expect.arrayContaining([
        { label: '联系电话', value: '（未填写）' },
        { label: '所在小区/社区', value: '（未选择）' },
      ]),
    );
  });
});

describe('the same phone on two accounts', () => {
  test('is accepted and flagged on both, without a word to the caller; withdrawing it clears the other', async () => {
    const world = sealedWorld();
    const alone = await typedPhone(world, residentActor(), '13812341234');
    const second = await typedPhone(world, residentActor(OTHER_RESIDENT), '13812341234');
    expect(second).toEqual({ ...alone, nickname: '李大爷' });
    expect((await plainUser(world, RESIDENT))!.phoneShared).toBe(true);
    expect((await plainUser(world, OTHER_RESIDENT))!.phoneShared).toBe(true);
    expect(storedUser(world, RESIDENT)['phoneHash']).toBe(storedUser(world, OTHER_RESIDENT)['phoneHash']);

    await withdraw(world, residentActor(OTHER_RESIDENT));
    expect((await plainUser(world, RESIDENT))!.phoneShared).toBe(false);
  });

  test('changing to another number releases the old one', async () => {
    const world = sealedWorld();
    await typedPhone(world, residentActor(), '13812341234');
    await typedPhone(world, residentActor(OTHER_RESIDENT), '13812341234');
    await typedPhone(world, residentActor(OTHER_RESIDENT), '13900002222');
    expect((await plainUser(world, RESIDENT))!.phoneShared).toBe(false);
    expect((await plainUser(world, OTHER_RESIDENT))!.phoneShared).toBe(false);
  });
});

describe('profile.phone.withdraw', () => {
  test('removes the number and its hash, records when; the provider serving an order no longer sees it', async () => {
    const world = sealedWorld();
    seedProvider(world, { id: 'p1' });
    await typedPhone(world, residentActor(), '13812341234');
    const { orderId } = await orderWalkedTo(world, 'accepted', 'p1');
    const detail = () => orderDetail({ ports: world.ports, actor: staffActor('p1'), command: { orderId } });
    expect((await detail()).order.residentPhone).toBe('13812341234');

    world.clock.advance(DAY);
    const reply = await withdraw(world);
    expect(reply.phone).toBeNull();
    expect(storedUser(world, RESIDENT)).toMatchObject({
      phone: null,
      phoneHash: null,
      phoneConsentAt: null,
      phoneConsentWithdrawnAt: world.clock.now(),
    });
    expect((await detail()).order.residentPhone).toBeNull();
  });

  test('without a phone it answers the profile as it is', async () => {
    const world = sealedWorld();
    await withdraw(world);
    await expect(withdraw(world)).resolves.toMatchObject({ phone: null, nickname: '黄阿姨' });
  });
});

describe('profile.delete refused while a person is needed, writing nothing', () => {
  test.each([
    ['an order waiting for the provider', 'created', 'ACCOUNT_HAS_OPEN_ORDERS'],
    ['an order being served', 'accepted', 'ACCOUNT_HAS_OPEN_ORDERS'],
  ] as const)('%s: %s', async (_label, target, code) => {
    const world = sealedWorld();
    seedProvider(world, { id: 'p1' });
    await orderWalkedTo(world, target, 'p1');
    const before = world.db.snapshot();
    expect(await codeOf(remove(world))).toBe(code);
    expect(world.db.snapshot()).toBe(before);
  });

  test('a concern still being handled: ACCOUNT_HAS_OPEN_CONCERNS', async () => {
    const world = sealedWorld();
    seedConcern(world, 'c1', 'claimed');
    expect(await codeOf(remove(world))).toBe('ACCOUNT_HAS_OPEN_CONCERNS');
  });

  test('a provider staff member: ACCOUNT_HAS_ROLES', async () => {
    const world = sealedWorld();
    seedProvider(world, { id: 'p1' });
    expect(await codeOf(remove(world, staffActor('p1')))).toBe('ACCOUNT_HAS_ROLES');
  });

  test('without confirm: INVALID_INPUT', async () => {
    const world = sealedWorld();
    const command = { clientRequestId: rid() };
    expect(await codeOf(deleteAccount({ ports: world.ports, actor: residentActor(), command }))).toBe(
      'INVALID_INPUT',
    );
  });
});

describe('profile.delete', () => {
  async function deletedWorld() {
    const world = sealedWorld();
    seedProvider(world, { id: 'p1' });
    await typedPhone(world, residentActor(), '13812341234');
    const closed = await orderWalkedTo(world, 'rated_then_followed', 'p1');
    const cancelled = await orderWalkedTo(world, 'cancelled_after_accept', 'p1');
    seedConcern(world, 'c1', 'closed');
    await submit(world, { kind: 'correction', content: '请把我以前订单上的称呼改成黄姨' });
    world.clock.advance(DAY);
    const clientRequestId = rid();
    const reply = await remove(world, residentActor(), clientRequestId);
    return { world, reply, clientRequestId, orderIds: [closed.orderId, cancelled.orderId] };
  }

  test('empties the record, says what was kept; a replay answers the same and writes nothing', async () => {
    const { world, reply, clientRequestId } = await deletedWorld();
    expect(reply).toEqual({ deletedAt: world.clock.now(), ordersKept: 2, concernsKept: 1 });
    expect(await plainUser(world, RESIDENT)).toMatchObject({
      openid: RESIDENT,
      nickname: '',
      realName: null,
      phone: null,
      phoneHash: null,
      homeOrgPath: null,
      grants: [],
      erasure: null,
      deletedAt: world.clock.now(),
    });
    const before = world.db.snapshot();
    await expect(remove(world, residentActor(), clientRequestId)).resolves.toEqual(reply);
    expect(world.db.snapshot()).toBe(before);
    await expect(getProfile({ ports: world.ports, actor: residentActor(), command: {} })).resolves.toEqual({
      nickname: '',
      phone: null,
      homeUnitId: null,
      homeUnitName: null,
    });
  });

  test('orders, ratings, follow-ups, concerns and events keep the service record under one pseudonym, without name, address or words', async () => {
    const { world, orderIds } = await deletedWorld();
    const orders = await world.ports.db.find<Order>(COLLECTIONS.orders, {
      _id: world.db.command.in(orderIds),
    });
    const pseudonym = orders[0]!.residentOpenid;
    expect(pseudonym).toMatch(/^erased-/);
    for (const order of orders) {
      expect(order).toMatchObject({
        residentOpenid: pseudonym,
        residentName: '已注销用户',
        serviceAddress: '',
        note: '',
      });
      expect(order.providerId).toBe('p1');
    }
    const rating = (await world.ports.db.find<Rating>(COLLECTIONS.ratings, {}))[0]!;
    expect(rating).toMatchObject({ residentOpenid: pseudonym, text: '', stars: 5 });
    expect(await world.ports.db.count(COLLECTIONS.followUps, { residentOpenid: pseudonym })).toBe(1);
    expect(await world.ports.db.get<Concern>(COLLECTIONS.concerns, 'c1')).toMatchObject({
      residentOpenid: pseudonym,
      residentName: '已注销用户',
      onBehalfOf: null,
    });
    const events = await world.ports.db.find<EventRecord>(COLLECTIONS.events, {});
    expect(events.filter((e) => e.actor.role === 'resident').every((e) => e.actor.openid === pseudonym)).toBe(
      true,
    );
    // Nothing still names the resident but ids that cannot change and the messages WeChat already delivered.
    expect(fieldsHolding(world, RESIDENT)).toEqual([
      'idempotency_keys._id',
      'idempotency_keys.actorOpenid',
      'idempotency_keys.key',
      'match_gaps._id',
      'message_outbox.message.touser',
      'users._id',
      'users.openid',
    ]);
  });

  test('a text held for moderation is sealed at rest, and loses its author and words with the account', async () => {
    const world = sealedWorld();
    seedProvider(world, { id: 'p1' });
    // A note naming the resident's home, held for a worker to look at.
    const note = '请到金港小区 3 栋 502 找黄秀英';
    world.contentSecurity.verdicts.set(note, 'review');
    const { orderId } = await placeOrder(world, { providerId: 'p1', note });
    const [held] = await world.ports.db.find<ModerationItem>(COLLECTIONS.moderationItems, {});
    expect(held).toMatchObject({ kind: 'order_note', authorOpenid: RESIDENT, text: note });
    expect(JSON.stringify(stored(world, COLLECTIONS.moderationItems))).not.toContain('黄秀英');

    await cancelOrder({
      ports: world.ports,
      config: world.config,
      actor: residentActor(),
      command: { clientRequestId: rid(), orderId },
    });
    await remove(world);
    const item = await world.ports.db.get<ModerationItem>(COLLECTIONS.moderationItems, held!._id);
    expect(item).toMatchObject({
      authorOpenid: expect.stringMatching(/^erased-/),
      text: '',
      status: 'pending',
    });
    expect(fieldsHolding(world, RESIDENT).filter((f) => f.startsWith('moderation_items'))).toEqual([]);
  });

  test('the waiting request is closed, and the deletion itself recorded, both under the pseudonym', async () => {
    const { world } = await deletedWorld();
    const requests = await world.ports.db.find<PrivacyRequest>(COLLECTIONS.privacyRequests, {});
    expect(requests.map((r) => [r.kind, r.status, r.selfService])).toEqual(
      expect.arrayContaining([
        ['correction', 'completed', false],
        ['deletion', 'completed', true],
      ]),
    );
    expect(requests.every((r) => r.requesterOpenid.startsWith('erased-'))).toBe(true);
    expect(requests.find((r) => r.kind === 'correction')!.content).toBe('');
  });

  test('an attempt that stopped half-way is finished by the next one, with the same pseudonym', async () => {
    const world = sealedWorld();
    seedProvider(world, { id: 'p1' });
    await orderWalkedTo(world, 'rated', 'p1');
    await orderWalkedTo(world, 'declined', 'p1');
    // The instance stops after the erasure started and one batch of orders was de-identified.
    let orderBatches = 0;
    const failing: typeof world.ports.db = {
      ...world.ports.db,
      updateWhere: (collection, where, patch) => {
        if (collection === COLLECTIONS.orders && (orderBatches += 1) === 2) {
          return Promise.reject(new Error('instance stopped'));
        }
        return world.ports.db.updateWhere(collection, where, patch);
      },
    };
    const small = { ...DEFAULT_PRIVACY_CONFIG, erasureBatchSize: 1 };
    const command = { confirm: true, clientRequestId: rid() };
    await expect(
      deleteAccount({
        ports: { ...world.ports, db: failing },
        actor: residentActor(),
        command,
        privacy: small,
      }),
    ).rejects.toThrow('instance stopped');
    expect((await plainUser(world, RESIDENT))!.erasure).not.toBeNull();
    expect(await world.ports.db.count(COLLECTIONS.orders, { residentOpenid: RESIDENT })).toBe(1);

    const reply = await deleteAccount({
      ports: world.ports,
      actor: residentActor(),
      command: { ...command, clientRequestId: rid() },
      privacy: small,
    });
    expect(reply.ordersKept).toBe(2);
    const owners = new Set(
      (await world.ports.db.find<Order>(COLLECTIONS.orders, {})).map((o) => o.residentOpenid),
    );
    expect(owners.size).toBe(1);
  });

  test('coming back: binding again starts the record afresh', async () => {
    const { world } = await deletedWorld();
    await bindProfile({
      ports: world.ports,
      actor: residentActor(RESIDENT, null),
      command: { orgUnitId: 'g1', nickname: '黄姨', clientRequestId: rid() },
    });
    expect(await plainUser(world, RESIDENT)).toMatchObject({
      nickname: '黄姨',
      deletedAt: null,
      homeOrgPath: GRID,
    });
  });
});

describe('privacy requests', () => {
  test('submitted in the unit of the order it is about, due in 15 working days; listed newest first', async () => {
    const world = sealedWorld();
    seedProvider(world, { id: 'p1' });
    const { orderId } = await orderWalkedTo(world, 'declined', 'p1');
    const view = await submit(world, {
      kind: 'correction',
      orderId,
      content: '订单上的服务地址写错了，请更正为 3 栋 502',
    });
    expect(view).toEqual({
      requestId: expect.any(String),
      kind: 'correction',
      kindLabel: '更正个人信息',
      status: 'pending',
      statusLabel: '处理中',
      content: '订单上的服务地址写错了，请更正为 3 栋 502',
      orderId,
      createdAt: world.clock.now(),
      dueAt: workingDaysLater(world.clock.now(), 15),
      overdue: false,
      decidedAt: null,
      reply: null,
    });
    const storedRequest = stored(world, COLLECTIONS.privacyRequests)[0]!;
    expect(storedRequest['orgPath']).toBe(GRID);
    expect(JSON.stringify(storedRequest)).not.toContain('3 栋 502');

    world.clock.advance(30 * DAY);
    await submit(world, { kind: 'other', content: '我想知道我的电话给了哪些机构' });
    const list = await listPrivacyRequests({ ports: world.ports, actor: residentActor(), command: {} });
    expect(list.items.map((r) => [r.kind, r.overdue])).toEqual([
      ['other', false],
      ['correction', true],
    ]);
  });

  test.each([
    ['an order that is not theirs', { orderId: 'nope' }, residentActor(), 'PRIVACY_ORDER_NOT_FOUND'],
    ['no unit and no order', {}, actorWithResidentGrant('o-new', undefined, []), 'PRIVACY_REQUEST_NO_UNIT'],
    ['too short a content', { content: '改' }, residentActor(), 'INVALID_INPUT'],
  ])('%s: %s', async (_label, changes, actor, code) => {
    const world = sealedWorld();
    expect(await codeOf(submit(world, { kind: 'other', content: '请更正我的信息', ...changes }, actor))).toBe(
      code,
    );
  });

  test('at most five waiting at once', async () => {
    const world = sealedWorld();
    for (let i = 0; i < 5; i += 1)
      await submit(world, { kind: 'other', content: `第 ${i + 1} 件申请的内容` });
    expect(await codeOf(submit(world, { kind: 'other', content: '第六件申请的内容' }))).toBe(
      'PRIVACY_REQUEST_LIMIT',
    );
  });

  test('a worker of the unit completes it or refuses it with the reason; once only; others may not', async () => {
    const world = sealedWorld();
    const { requestId } = await submit(world, { kind: 'other', content: '请删除我三年前的订单记录' });
    const decide = (actor: Actor, command: Record<string, unknown>) =>
      decidePrivacyRequest({
        ports: world.ports,
        actor,
        command: { clientRequestId: rid(), requestId, ...command },
      });

    expect(await codeOf(decide(residentActor(), { outcome: 'completed' }))).toBe('PERMISSION_DENIED');
    expect(await codeOf(decide(workerActor(OTHER_COMMUNITY), { outcome: 'completed' }))).toBe('OUT_OF_SCOPE');
    expect(await codeOf(decide(workerActor(COMMUNITY), { outcome: 'refused' }))).toBe('INVALID_INPUT');

    const refused = await decide(workerActor(COMMUNITY), {
      outcome: 'refused',
      reply: '订单记录需按规定保存三年，期满后删除',
    });
    expect(refused).toMatchObject({
      status: 'refused',
      statusLabel: '不予办理',
      reply: '订单记录需按规定保存三年，期满后删除',
    });
    expect(await codeOf(decide(workerActor(COMMUNITY), { outcome: 'completed' }))).toBe(
      'PRIVACY_REQUEST_DECIDED',
    );
  });
});
