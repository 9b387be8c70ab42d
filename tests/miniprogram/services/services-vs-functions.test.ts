/**
 * Contract: the mini-program's real services, through the real client API module in local mode, against a
 * real local cloud running the real cloud functions on the seeded Yulin demo data; the replies go into the
 * real view models and the test asserts what the pages show. The page tests script their replies
 * (pages/support/replies.ts); this keeps those scripts honest: every field a canned reply has, the real
 * reply has too, with the same type.
 *
 * One user-visible flow per test, in order (the staff work the order the resident placed before): a new
 * resident binds a home and a phone; the demo resident browses the catalog and orders 家电维修; the
 * provider's staff work the order to the end and the resident rates it; a provider manager invites a
 * colleague who binds and sees the jobs. The consent asked along the way (local mode's stand-in dialog,
 * answered 允许) is recorded as grants, so the loop's messages reach the outbox with no grant made by hand.
 */
import { DEMO_REFS } from '../../../demo/demo-identities';
import { appConfig } from '../../../miniprogram/config';
import { callFunction } from '../../../miniprogram/services/cloud-api';
import {
  listCatalogPage,
  orgChildren,
  type OrgUnitReply,
} from '../../../miniprogram/services/catalog/catalog.service';
import {
  acceptJob,
  bindStaff,
  finishJob,
  jobDetail,
  listJobs,
  recordFollowUp,
} from '../../../miniprogram/packages/staff/services/jobs.service';
import { switchLocalIdentity } from '../../../miniprogram/services/local-identity/local-identity.service';
import {
  createOrder,
  listOrders,
  orderDetail,
  rateOrder,
  requestMatch,
} from '../../../miniprogram/services/orders/orders.service';
import {
  bindHome,
  deleteAccount,
  exportMyData,
  getProfile,
  listPrivacyRequests,
  setNickname,
  setTypedPhone,
  submitPrivacyRequest,
  withdrawPhone,
} from '../../../miniprogram/services/profile/profile.service';
import {
  myDataText,
  toMyDataView,
} from '../../../miniprogram/packages/privacy/view-models/my-data.view-model';
import { toRequestRow } from '../../../miniprogram/packages/privacy/view-models/privacy-request.view-model';
import { inviteStaff } from '../../../miniprogram/packages/staff/services/provider-admin.service';
import { askJobAlerts, askOrderUpdates } from '../../../miniprogram/services/subscribe/subscribe.service';
import { readAllPages } from '../../../miniprogram/utils/paging';
import { toCatalogView, FEATURED_CATEGORIES } from '../../../miniprogram/view-models/catalog.view-model';
import { checkFollowUp, emptyFollowUp } from '../../../miniprogram/packages/staff/view-models/follow-up.form';
import { toOrderDetail, toOrderRow } from '../../../miniprogram/view-models/order.view-model';
import { toOrgChoices, toProfileView } from '../../../miniprogram/view-models/profile.view-model';
import { toProviderChoices } from '../../../miniprogram/view-models/provider-choice.view-model';
import { checkRating } from '../../../miniprogram/view-models/rating.form';
import { functionCloud } from '../../functions/support/function-cloud';
import { matchReply, orderDetail as cannedDetail, orderPage } from '../pages/support/replies';
import { installWx, removeWx } from '../support/local-wx';

const cloud = functionCloud();

const RESIDENT = 'demo-resident-1';
const RESIDENT_PHONE = '13907750001';
const MANAGER = 'demo-provider-manager-1';
const APPLIANCE_REPAIR = 'item-appliance-repair';
const ADDRESS = '金港花园 3 栋 2 单元 501';

beforeAll(() => {
  // The services call with the app's own config (local mode): point it at this file's local cloud.
  appConfig.gatewayUrl = cloud.started.cloud.url;
  installWx({ allow: true });
});

afterAll(() => removeWx());

/** 我的 - 切换演示身份: from the next call on the mini-program acts as `openid`. */
const actAs = (openid: string): void => switchLocalIdentity(openid);

/** The unit called `name` among `units` (the picker's rows come from the same reply). */
function unitNamed(units: readonly OrgUnitReply[], name: string): OrgUnitReply {
  const unit = units.find((u) => u.name === name);
  if (unit === undefined) throw new Error(`no ${name} among ${units.map((u) => u.name).join('、')}`);
  return unit;
}

/** What `openid` may still be sent of a template (one grant per accepted consent, one used per send). */
function grantsLeft(openid: string, templateId: string): number {
  return cloud.started.cloud.openapi.remainingSubscriptions(openid, templateId);
}

/** The messages of a template sent to `openid` about the order. */
function messagesAbout(orderId: string, touser: string, templateId: string) {
  return cloud.outbox({ touser, templateId }).filter((m) => m.page.endsWith(`orderId=${orderId}`));
}

/** A reply's data as the function sent it, before any service reads it. */
async function wire(fn: string, command: string, input: object): Promise<unknown> {
  return (await callFunction(fn, { command, input })).data;
}

/**
 * Where the real reply lacks a field of the page tests' canned one or sends another type there: null on
 * either side is a nullable field; each canned array element must fit some real one; prices are a union
 * on `free`, so a free canned price is not held against a paid real one.
 */
function shapeGaps(canned: unknown, real: unknown, at = 'data'): string[] {
  if (canned === null || real === null) return [];
  if (Array.isArray(canned)) {
    if (!Array.isArray(real)) return [`${at}: not an array`];
    return canned.flatMap((c, i) => {
      const gaps = real.map((r) => shapeGaps(c, r, `${at}[${i}]`));
      return gaps.length === 0 || gaps.some((g) => g.length === 0) ? [] : gaps[0]!;
    });
  }
  if (typeof canned !== 'object') return typeof canned === typeof real ? [] : [`${at}: ${typeof real}`];
  if (typeof real !== 'object' || Array.isArray(real)) return [`${at}: not an object`];
  const c = canned as Record<string, unknown>;
  const r = real as Record<string, unknown>;
  if (typeof c['free'] === 'boolean' && c['free'] !== r['free']) return [];
  return Object.keys(c).flatMap((k) =>
    k in r ? shapeGaps(c[k], r[k], `${at}.${k}`) : [`${at}.${k}: missing`],
  );
}

/** The order placed in the order flow, worked by staff and rated later. */
const placed = { orderId: '', providerId: '', staff: '', reviewGrants: 0 };

describe('the mini-program’s services against the real functions', () => {
  it('binds a new resident’s home from the org tree and a typed phone, shown masked', async () => {
    actAs('t-contract-newcomer');
    expect(toProfileView(await getProfile())).toMatchObject({
      hasHome: false,
      home: '未选择',
      hasPhone: false,
    });

    const counties = (await orgChildren()).units;
    expect(counties.every((u) => u.level === 'county')).toBe(true);
    const county = unitNamed(counties, '玉州区');
    const street = unitNamed((await orgChildren(county._id)).units, '玉城街道');
    const community = unitNamed((await orgChildren(street._id)).units, '东门社区');
    expect(community.level).toBe('community');
    const grids = (await orgChildren(community._id)).units;
    const choices = toOrgChoices(grids, { id: community._id, name: community.name, level: community.level });
    expect(choices[0]).toEqual({ id: community._id, name: '东门社区（不指定小区）', choose: true });
    const grid = choices.find((c) => c.name === '金港花园小区');
    expect(grid?.choose).toBe(true);

    await bindHome(grid!.id);
    expect(toProfileView(await getProfile())).toEqual({
      nickname: '未填写',
      home: '玉林市玉州区玉城街道东门社区金港花园小区',
      hasHome: true,
      homeUnitId: grid!.id,
      phone: '未填写',
      hasPhone: false,
    });

    await setTypedPhone('13907751234', true);
    expect(toProfileView(await getProfile())).toMatchObject({ phone: '139****1234', hasPhone: true });
  });

  it('shows the demo resident the catalog: the three categories first, 家电维修 available', async () => {
    actAs(RESIDENT);
    const pages = await readAllPages(listCatalogPage);
    expect(pages[pages.length - 1]!.hasMore).toBe(false);
    const view = toCatalogView(pages);
    expect(view.slice(0, 3).map((c) => c.name)).toEqual([...FEATURED_CATEGORIES]);
    for (const category of view) expect(category.items.length).toBeGreaterThan(0);
    const repair = view.flatMap((c) => c.items).find((i) => i.id === APPLIANCE_REPAIR);
    expect(repair).toMatchObject({ name: '家电维修', available: true });
  });

  it('matches 家电维修 with 3-5 providers by reputation and places the order, 待接单 with its address', async () => {
    actAs(RESIDENT);
    const match = await requestMatch([APPLIANCE_REPAIR]);
    const [item] = toProviderChoices(match);
    expect(item).toMatchObject({ itemId: APPLIANCE_REPAIR, itemName: '家电维修' });
    expect(item!.providers.length).toBeGreaterThanOrEqual(3);
    expect(item!.providers.length).toBeLessThanOrEqual(5);
    expect(item!.providers.map((p) => p.rank)).toEqual(item!.providers.map((_, i) => i + 1));
    // Nearest first (the community, then each level the search widened to), each reach by reputation.
    const ranked = match.items[0]!.providers.map((p, i) => ({ ...p, card: item!.providers[i]! }));
    const order = (a: (typeof ranked)[number], b: (typeof ranked)[number]) =>
      a.distance - b.distance || b.reputation - a.reputation;
    expect(ranked.map((p) => p.providerId)).toEqual([...ranked].sort(order).map((p) => p.providerId));
    for (const p of ranked) expect(p.card.reputation).toBe(p.reputation.toFixed(1));
    for (const card of item!.providers) {
      expect(card.price).toMatch(/^(免费|¥\d+\.\d{2})$/);
      expect(card.stars).toMatch(/^[★☆]{5}$/);
      expect(card.parts.length).toBeGreaterThan(0);
    }

    const chosen = item!.providers[0]!;
    // Consent adds one grant of each to those the demo identity starts with.
    const statusGrants = grantsLeft(RESIDENT, 'TPL_ORDER_STATUS');
    placed.reviewGrants = grantsLeft(RESIDENT, 'TPL_REVIEW_REMINDER');
    expect(await askOrderUpdates()).toEqual(['TPL_ORDER_STATUS', 'TPL_REVIEW_REMINDER']);
    expect(grantsLeft(RESIDENT, 'TPL_ORDER_STATUS')).toBe(statusGrants + 1);
    expect(grantsLeft(RESIDENT, 'TPL_REVIEW_REMINDER')).toBe(placed.reviewGrants + 1);
    const { orderId } = await createOrder({
      matchId: match.matchId,
      itemId: APPLIANCE_REPAIR,
      providerId: chosen.providerId,
      serviceAddress: ADDRESS,
      note: '下午在家',
    });
    Object.assign(placed, { orderId, providerId: chosen.providerId });

    expect(
      shapeGaps(matchReply(), await wire('orders', 'match.request', { itemIds: [APPLIANCE_REPAIR] })),
    ).toEqual([]);
    expect(shapeGaps(orderPage(0, 1, 1), await wire('orders', 'order.list', { as: 'resident' }))).toEqual([]);
    expect(shapeGaps(cannedDetail(), await wire('orders', 'order.detail', { orderId }))).toEqual([]);

    const list = await listOrders(1);
    const row = list.items.find((o) => o.orderId === orderId);
    expect(toOrderRow(row!, cloud.now())).toMatchObject({
      itemName: '家电维修',
      providerName: chosen.name,
      statusLabel: '待接单',
    });
    const detail = toOrderDetail(await orderDetail(orderId));
    expect(detail).toMatchObject({
      statusLabel: '待接单',
      serviceAddress: ADDRESS,
      note: '下午在家',
      price: chosen.price,
      canCancel: true,
      canRate: false,
    });
    expect(detail.deadline).toMatch(/^服务机构需在 .+ 前答复$/);
    expect(detail.timeline.map((s) => s.title)).toEqual(['提交订单']);
  });

  it('lets the provider’s staff accept, finish and follow up the order, and the resident rate it', async () => {
    placed.staff = (await cloud.staffOf(placed.providerId))[0]!;
    actAs(placed.staff);
    const followUpGrants = grantsLeft(placed.staff, 'TPL_FOLLOWUP_DUE');
    expect(await askJobAlerts()).toEqual(['TPL_ORDER_NEW', 'TPL_FOLLOWUP_DUE']);
    // Recorded for the identity acting now, the staff member, not the configured resident.
    expect(grantsLeft(placed.staff, 'TPL_FOLLOWUP_DUE')).toBe(followUpGrants + 1);
    const jobs = await listJobs(1, 'created');
    expect(jobs.items.map((j) => j.orderId)).toContain(placed.orderId);
    const seat = { providerId: 'prov-1', position: 'manager' };
    const listed = await wire('jobs', 'order.list', { as: 'provider_staff' });
    expect(shapeGaps({ ...orderPage(0, 1, 1), staff: seat }, listed)).toEqual([]);

    const before = toOrderDetail(await jobDetail(placed.orderId));
    expect(before).toMatchObject({
      statusLabel: '待接单',
      residentPhone: '139****0001',
      canCall: false,
      serviceAddress: '接单后可见',
      canAccept: true,
      canDecline: true,
    });

    await acceptJob(placed.orderId);
    const accepted = toOrderDetail(await jobDetail(placed.orderId));
    expect(accepted).toMatchObject({
      status: 'accepted',
      residentPhone: RESIDENT_PHONE,
      canCall: true,
      serviceAddress: ADDRESS,
      canFinish: true,
      canAccept: false,
    });

    await finishJob(placed.orderId);
    // The reminder to rate reaches the outbox, using one grant.
    expect(messagesAbout(placed.orderId, RESIDENT, 'TPL_REVIEW_REMINDER')).toHaveLength(1);
    expect(grantsLeft(RESIDENT, 'TPL_REVIEW_REMINDER')).toBe(placed.reviewGrants);
    const done = toOrderDetail(await jobDetail(placed.orderId));
    expect(done).toMatchObject({ status: 'done', canFollowUp: true });
    expect(done.deadline).toMatch(/^回访截止 /);

    const draft = { ...emptyFollowUp(), channel: 'phone' as const, summary: '居民表示满意，空调运行正常' };
    draft.problems = [
      { content: '上门比约定晚了半小时', handling: '已致歉并提醒师傅守时' },
      { content: '', handling: '' },
    ];
    const check = checkFollowUp(placed.orderId, draft);
    if (!check.ok) throw new Error(check.message);
    await recordFollowUp(check.input);
    const followedUp = toOrderDetail(await jobDetail(placed.orderId));
    expect(followedUp.canFollowUp).toBe(false);
    expect(followedUp.timeline.map((s) => s.title)).toContain('服务机构已回访');

    actAs(RESIDENT);
    expect(toOrderDetail(await orderDetail(placed.orderId)).canRate).toBe(true);
    const rating = checkRating(5, '师傅很细心，修得很快');
    if (!rating.ok) throw new Error(rating.message);
    await rateOrder(placed.orderId, rating.stars, rating.text);
    // Followed up and rated: the order closes at once.
    const rated = toOrderDetail(await orderDetail(placed.orderId));
    expect(rated).toMatchObject({
      statusLabel: '已关闭',
      ratingStars: '★★★★★',
      ratingText: '师傅很细心，修得很快',
      canRate: false,
    });
    const steps = ['提交订单', '服务机构已接单', '服务已完成', '服务机构已回访', '居民已评价', '订单已完结'];
    expect(rated.timeline.map((s) => s.title)).toEqual(steps);

    // Once the order has ended the staff see neither the full phone nor the address any more.
    actAs(placed.staff);
    const ended = await wire('jobs', 'order.detail', { orderId: placed.orderId });
    expect(shapeGaps(cannedDetail({ rating: { stars: 5, text: '好' } }), ended)).toEqual([]);
    expect(toOrderDetail(await jobDetail(placed.orderId))).toMatchObject({
      status: 'closed',
      residentPhone: '139****0001',
      canCall: false,
      serviceAddress: '服务结束后不再显示',
      ratingStars: '★★★★★',
    });
  });

  it('lets a manager invite a colleague who binds with the code and sees the provider’s jobs', async () => {
    actAs(MANAGER);
    const manager = await listJobs(1);
    expect(manager.staff).toEqual({ providerId: DEMO_REFS.providerId, position: 'manager' });
    const invite = await inviteStaff(DEMO_REFS.providerId, 'member');
    expect(invite).toMatchObject({ providerId: DEMO_REFS.providerId, position: 'member' });
    expect(invite.inviteCode).toMatch(/^[A-Z0-9]{8}$/);
    expect(invite.expiresAt).toBeGreaterThan(cloud.now());

    actAs('t-contract-colleague');
    const bound = await bindStaff(invite.inviteCode);
    expect(bound).toEqual({
      providerId: DEMO_REFS.providerId,
      providerName: invite.providerName,
      position: 'member',
    });
    const jobs = await listJobs(1);
    expect(jobs.staff).toEqual({ providerId: DEMO_REFS.providerId, position: 'member' });
    expect(jobs.total).toBe(manager.total);
    expect(jobs.items.map((j) => j.orderId)).toEqual(manager.items.map((j) => j.orderId));
    for (const job of jobs.items) expect(toOrderRow(job, cloud.now()).statusLabel).not.toBe('未知状态');
  });
  it('lets a resident see and copy their data, ask a correction, withdraw their phone and leave', async () => {
    actAs('t-contract-newcomer');
    const named = toProfileView(await setNickname(toProfileView(await getProfile()).homeUnitId, '林女士'));
    expect(named.nickname).toBe('林女士');

    const copy = toMyDataView(await exportMyData(), '');
    expect(myDataText(copy)).toContain('联系电话：13907751234');
    expect(myDataText(copy)).toContain('称呼：林女士');

    const asked = toRequestRow(await submitPrivacyRequest('other', '请告诉我平台保存了我的哪些信息'));
    expect(asked).toMatchObject({ kind: '其他个人信息事项', status: '处理中', theme: 'primary' });
    expect((await listPrivacyRequests()).items.map(toRequestRow)).toEqual([asked]);

    expect(toProfileView(await withdrawPhone())).toMatchObject({ phone: '未填写', hasPhone: false });
    expect(await deleteAccount()).toMatchObject({ ordersKept: 0, concernsKept: 0 });
    expect(toProfileView(await getProfile())).toMatchObject({
      nickname: '未填写',
      hasHome: false,
      hasPhone: false,
    });
  });
});
