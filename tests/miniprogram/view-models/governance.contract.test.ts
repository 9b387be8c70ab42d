/**
 * Contract: the governance services of the staff and providers subpackages, through the real client API
 * module in local mode, against a real local cloud running the real `providers` function on the seeded Yulin
 * demo data; the replies go into the real view models. It keeps the page tests' scripted replies honest
 * (every field a canned reply of tests/miniprogram/pages/governance-replies.ts has, the real reply has too,
 * with the same type) for the commands the pages send.
 *
 * One user-visible flow: a resident files an application through the form's own check and follows it under
 * 我的入驻申请; the same credit code cannot be filed twice; anyone reads 红星榜, 入驻公示 and a provider's
 * published 考核结果 (never the reviewers' figures); the demo provider's manager reads its offerings and
 * standing, a member of it reads them without the right to save; a resident's 2-star rating opens a ticket
 * its provider's manager sees with its clocks, contacts and resolves, after which the resident's 订单详情
 * offers 再次评价 exactly as order.detail's `canRerate` says.
 */
import { appConfig } from '../../../miniprogram/config';
import { callFunction } from '../../../miniprogram/services/cloud-api';
import { listCatalogPage } from '../../../miniprogram/services/catalog/catalog.service';
import { switchLocalIdentity } from '../../../miniprogram/services/local-identity/local-identity.service';
import {
  createOrder,
  orderDetail,
  rateOrder,
  requestMatch,
} from '../../../miniprogram/services/orders/orders.service';
import { toAfterCare } from '../../../miniprogram/view-models/order-feedback.view-model';
import { acceptJob, finishJob } from '../../../miniprogram/packages/staff/services/jobs.service';
import {
  evaluationResult,
  listEvaluationResults,
  listNotices,
  redStarBoard,
} from '../../../miniprogram/packages/providers/services/providers-public.service';
import {
  isPublishedResult,
  toResultDetail,
  toResultRow,
} from '../../../miniprogram/packages/providers/view-models/evaluation-result.view-model';
import { toBoardRow } from '../../../miniprogram/packages/providers/view-models/board.view-model';
import { toNoticeRow } from '../../../miniprogram/packages/providers/view-models/notice.view-model';
import {
  applicationDetail,
  applyForProvider,
  contactTicket,
  listOfferings,
  resolveTicket,
  listTickets,
  myApplications,
  providerStanding,
} from '../../../miniprogram/packages/staff/services/providers.service';
import {
  checkApplication,
  offeringDraft,
} from '../../../miniprogram/packages/staff/view-models/application.form';
import { checkRating } from '../../../miniprogram/view-models/rating.form';
import {
  toApplicationDetail,
  toApplicationRow,
} from '../../../miniprogram/packages/staff/view-models/application.view-model';
import {
  checkContact,
  toOfferingRow,
  toStandingView,
  toTicketRow,
} from '../../../miniprogram/packages/staff/view-models/governance.view-model';
import { creditCodeCheckChar } from '../../../core/schemas/credit-code.rules';
import {
  DEMO_GRID_ID,
  DEMO_PROVIDER_MANAGER_OPENID,
  DEMO_PROVIDER_MEMBER_OPENID,
  DEMO_RESIDENT_OPENID,
} from '../../../demo/demo.constants';
import { functionCloud } from '../../functions/support/function-cloud';
import {
  applicationDetail as cannedDetail,
  applicationSummary,
  boardPage,
  boardRow,
  evaluationDetail as cannedEvaluation,
  evaluationItem,
  evaluationPage,
  offeringView,
  standing,
  ticketView,
} from '../pages/governance-replies';
import { ratedOrder, ticket as ticketFeedback } from '../pages/complaint-replies';
import { installWx, removeWx } from '../support/local-wx';

const cloud = functionCloud();

const APPLICANT = 't-contract-applicant';
const CODE = `91450900MA5N0X7Q8${creditCodeCheckChar('91450900MA5N0X7Q8')}`;

beforeAll(() => {
  appConfig.gatewayUrl = cloud.started.cloud.url;
  installWx({ allow: true });
});
afterAll(() => removeWx());

const actAs = (openid: string): void => switchLocalIdentity(openid);

async function wire(
  command: string,
  input: object,
  fn: 'providers' | 'orders' = 'providers',
): Promise<unknown> {
  return (await callFunction(fn, { command, input })).data;
}

/** Where the real reply lacks a field of the canned one or sends another type there (as concern.contract). */
function shapeGaps(canned: unknown, real: unknown, at = 'data'): string[] {
  if (canned === null || real === null) return [];
  if (Array.isArray(canned)) {
    if (!Array.isArray(real)) return [`${at}: not an array`];
    if (real.length === 0) return [];
    return canned.flatMap((c, i) => {
      const gaps = real.map((r) => shapeGaps(c, r, `${at}[${i}]`));
      return gaps.some((g) => g.length === 0) ? [] : gaps[0]!;
    });
  }
  if (typeof canned !== 'object') return typeof canned === typeof real ? [] : [`${at}: ${typeof real}`];
  if (typeof real !== 'object' || Array.isArray(real)) return [`${at}: not an object`];
  const c = canned as Record<string, unknown>;
  const r = real as Record<string, unknown>;
  return Object.keys(c).flatMap((k) =>
    k in r ? shapeGaps(c[k], r[k], `${at}.${k}`) : [`${at}.${k}: missing`],
  );
}

const flow = {
  applicationId: '',
  providerId: '',
  input: null as Parameters<typeof applyForProvider>[1] | null,
};

describe('the governance services against the real function', () => {
  it('files an application the form checked, and lists it under 我的入驻申请', async () => {
    actAs(APPLICANT);
    const item = (await listCatalogPage(1)).categories[0]!.items[0]!;
    const check = checkApplication({
      orgUnitId: DEMO_GRID_ID,
      particulars: {
        name: '契约测试家政服务中心',
        creditCode: CODE.toLowerCase(),
        legalRepresentative: '李明',
        contactName: '王芳',
        contactPhone: '13800001111',
        address: '玉州区人民中路 1 号',
        introduction: '',
        managementRules: '服务规范和投诉处理制度',
      },
      qualifications: [{ name: '家政服务资质', number: 'JZ-001', validUntil: '', photoCount: 0 }],
      serviceAreaOrgUnitIds: [DEMO_GRID_ID],
      offerings: [{ ...offeringDraft(item._id, item.name), kind: 'low_fee', price: '20', marketPrice: '50' }],
      commitment: true,
    });
    if (!check.ok) throw new Error(check.message);
    flow.input = {
      ...check.value,
      qualifications: check.value.qualifications.map((q) => ({ ...q, fileIds: [] })),
    };
    const filed = await applyForProvider('contract-apply-1', flow.input);
    expect(filed.status).toBe('applied');
    flow.applicationId = filed.applicationId;

    const mine = await myApplications();
    const row = mine.items
      .map((i) => toApplicationRow(i, Date.now()))
      .find((r) => r.id === filed.applicationId);
    expect(row).toMatchObject({ name: '契约测试家政服务中心', next: '等待社区党组织和行业主管部门审核' });
    expect(shapeGaps({ items: [applicationSummary()] }, await wire('provider.application.mine', {}))).toEqual(
      [],
    );

    const detail = toApplicationDetail(await applicationDetail(filed.applicationId), Date.now());
    expect(detail.creditCode).toBe(CODE);
    expect(detail.buttons.sign).toBe(false);
    expect(detail.items).toEqual([{ id: item._id, name: item.name, price: expect.stringContaining('20') }]);
    expect(
      shapeGaps(
        cannedDetail(),
        await wire('provider.application.detail', { applicationId: filed.applicationId }),
      ),
    ).toEqual([]);
  });

  it('refuses the same credit code while it is open, with the function’s words', async () => {
    actAs(APPLICANT);
    await expect(applyForProvider('contract-apply-2', flow.input!)).rejects.toMatchObject({
      code: 'APPLICATION_DUPLICATE',
      message: expect.stringMatching(/[\u4e00-\u9fa5]/),
    });
  });

  it('shows anyone the red-star board and the public notice', async () => {
    // The board is a snapshot the provider-timers function refreshes.
    await cloud.fireTimer('provider-timers' as Parameters<typeof cloud.fireTimer>[0]);
    actAs(APPLICANT);
    const board = await redStarBoard(1, '');
    const rows = board.items.map(toBoardRow);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.stars).toMatch(/^★{3,5}☆{0,2}$/);
    expect(
      shapeGaps(boardPage([boardRow()]), await wire('provider.board', { page: 1, pageSize: 20 })),
    ).toEqual([]);
    const notices = await listNotices(1);
    notices.items.map(toNoticeRow);
    expect(
      shapeGaps(
        { items: [], total: 0, page: 1, pageSize: 20, hasMore: false },
        await wire('provider.notice.list', { page: 1, pageSize: 20 }),
      ),
    ).toEqual([]);
  });

  it('shows anyone a provider’s published evaluation results, without the reviewers’ figures', async () => {
    const published = await cloud.find<{ providerId: string }>('evaluations', { published: true });
    expect(published.length).toBeGreaterThan(0);
    const providerId = published[0]!.providerId;
    actAs(APPLICANT);
    const list = await listEvaluationResults(providerId, 1);
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every(isPublishedResult)).toBe(true);
    // The reviewers' figures are theirs: a resident's list carries none.
    expect(list.items.every((e) => e.reviewCount === null && e.reviewerScore === null)).toBe(true);
    const row = toResultRow(list.items[0]!);
    expect(row.title).toMatch(/^\d{4} 年 · (年度考核|专项考核)$/);
    expect(row.grade).toMatch(/^考核等级：/);
    expect(
      shapeGaps(
        evaluationPage([evaluationItem()]),
        await wire('evaluation.list', { providerId, status: 'published', page: 1, pageSize: 20 }),
      ),
    ).toEqual([]);

    const detail = await evaluationResult(row.id);
    expect(detail.indicators).toBeNull();
    expect(detail.reviews).toEqual([]);
    expect(toResultDetail(detail).problems).toEqual([...detail.problems]);
    expect(shapeGaps(cannedEvaluation(), await wire('evaluation.detail', { evaluationId: row.id }))).toEqual(
      [],
    );
  });

  it('gives the demo provider’s manager its standing and offerings', async () => {
    actAs(DEMO_PROVIDER_MANAGER_OPENID);
    const mine = await providerStanding();
    flow.providerId = mine.providerId;
    const view = toStandingView(mine);
    expect(view.stars).toMatch(/^[★☆]{5}$/);
    expect(shapeGaps(standing(), await wire('provider.standing', {}))).toEqual([]);

    const offerings = await listOfferings(flow.providerId);
    expect(offerings.items.map(toOfferingRow).length).toBeGreaterThan(0);
    expect(
      shapeGaps(
        { ...offerings, items: [offeringView()] },
        await wire('provider.offering.list', { providerId: flow.providerId }),
      ),
    ).toEqual([]);
  });

  it('lets a member of the same provider read its offerings and standing, with no right to save', async () => {
    actAs(DEMO_PROVIDER_MEMBER_OPENID);
    const offerings = await listOfferings(flow.providerId);
    expect(offerings.items.length).toBeGreaterThan(0);
    expect(offerings.actions.canSave).toBe(false);
    expect((await providerStanding()).providerId).toBe(flow.providerId);
  });

  it('opens a 差评 ticket for a 2-star rating, which the provider’s manager sees, contacts and resolves; then 再次评价 is offered', async () => {
    actAs(DEMO_RESIDENT_OPENID);
    const match = await requestMatch(['item-appliance-repair']);
    const chosen = match.items[0]!.providers[0]!;
    const { orderId } = await createOrder({
      matchId: match.matchId,
      itemId: 'item-appliance-repair',
      providerId: chosen.providerId,
      serviceAddress: '金港花园 3 栋 2 单元 501',
      note: '',
    });
    type StaffUser = { openid: string; grants?: Array<{ providerId?: string; position?: string }> };
    const staff = await cloud.find<StaffUser>('users', { 'grants.providerId': chosen.providerId });
    const manager = staff.find((u) =>
      (u.grants ?? []).some((g) => g.providerId === chosen.providerId && g.position === 'manager'),
    )!;
    actAs(manager.openid);
    await acceptJob(orderId);
    await finishJob(orderId);
    actAs(DEMO_RESIDENT_OPENID);
    const rating = checkRating(2, '师傅迟到了一个小时');
    if (!rating.ok) throw new Error(rating.message);
    await rateOrder(orderId, rating.stars, rating.text);

    actAs(manager.openid);
    const tickets = await listTickets(1);
    const ticket = tickets.items.find((t) => t.orderId === orderId);
    expect(ticket).toBeDefined();
    const row = toTicketRow(ticket!);
    expect(row).toMatchObject({ rating: '2 星：不满意', overdue: false, canContact: true });
    expect(row.contactClock).toMatch(/^联系居民：.+ 前$/);
    expect(
      shapeGaps(
        { items: [ticketView()], total: 1, page: 1, pageSize: 20, hasMore: false },
        await wire('feedback.ticket.list', { view: 'provider', page: 1, pageSize: 20 }),
      ),
    ).toEqual([]);

    const contact = checkContact('phone', '已电话致歉，约好明天上门');
    if (!contact.ok) throw new Error(contact.message);
    await contactTicket(row.id, contact.value.channel, contact.value.note);
    const after = (await listTickets(1)).items.map(toTicketRow).find((t) => t.id === row.id)!;
    expect(after.contact).toBe('电话联系：已电话致歉，约好明天上门');
    expect(after.canContact).toBe(false);

    // 订单详情 offers 再次评价 exactly when the function's canRerate says so: not before the fix, then once.
    actAs(DEMO_RESIDENT_OPENID);
    expect(toAfterCare(await orderDetail(orderId))).toMatchObject({
      canRerate: false,
      ticketText: '差评回访：已联系，整改中',
    });
    actAs(manager.openid);
    await resolveTicket(row.id, 'fixed', '已上门重新检修，空调恢复制冷');
    actAs(DEMO_RESIDENT_OPENID);
    const resolved = await orderDetail(orderId);
    expect(resolved.feedback?.canRerate).toBe(true);
    expect(toAfterCare(resolved).canRerate).toBe(true);
    expect(
      shapeGaps(ratedOrder(ticketFeedback('resolved')), await wire('order.detail', { orderId }, 'orders')),
    ).toEqual([]);
  });
});
