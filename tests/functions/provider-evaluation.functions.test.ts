/**
 * Evaluation, rectification and removal through the real `providers`, `provider-timers` and `order-timers`
 * functions on the local cloud (docs/governance.md): a campaign's drafts with indicators computed from the
 * data, reviewers' input, each outcome published with the grade copied onto the provider; rectification with
 * a deadline and the re-check falling due on the controllable clock (told once however often the timer
 * runs); fixed -> active, not fixed -> removed and blacklisted (out of matching, the credit code refused,
 * the regulators' report and its Word document); the removed provider's waiting and accepted orders ended by
 * order-timers and their residents offered the next provider; refusals writing nothing.
 */
import JSZip from 'jszip';
import type { Evaluation, RegulatorReport } from '../../core/model/evaluation.model';
import type { Offering } from '../../core/model/offering.model';
import type { Order, Rating } from '../../core/model/order.model';
import type { BlacklistEntry, Provider } from '../../core/model/provider.model';
import type {
  EvaluationCampaignStartResult,
  EvaluationDetail,
  EvaluationInputResult,
  EvaluationListResult,
  ProviderEvaluateResult,
  ProviderGovernanceStepResult,
  RegulatorReportDocumentResult,
  RegulatorReportListResult,
} from '../../core/providers/evaluation.replies';
import { ROLE_LABELS } from '../../core/auth/roles';
import { DEFAULT_PLATFORM_CONFIG } from '../../core/kernel/platform.config';
import { INDUSTRIES } from '../../core/model/industry.model';
import { providerReputation } from '../../core/reputation/provider-reputation';
import { unitIdOfPath } from '../../core/org/org-path';
import { DEMO_PATHS } from '../../demo/demo-identities';
import { functionCloud, HOUR_MS, type Reply } from './support/function-cloud';
import {
  DEMO_RESIDENT,
  matchFor,
  ok,
  placeOrder,
  staffStep,
  writeResidents,
  type PlacedOrder,
} from './support/order-loop';
import { expectRefusedWritingNothing } from './support/platform-writes';
import { writeUser } from './support/role-actors';

const cloud = functionCloud();
const config = DEFAULT_PLATFORM_CONFIG;

const LEADER = 'demo-community-leader-1';
const WORKER = 'demo-community-worker-1';
const REGULATOR = 'demo-regulator-1';
/** A leader of a unit elsewhere (written in beforeAll). */
const OTHER_LEADER = 'eval-other-leader';
const RESIDENT = DEMO_RESIDENT;
const WAITING_RESIDENT = 'eval-resident-waiting';
const SERVED_RESIDENT = 'eval-resident-served';
const MANAGER_T = 'eval-manager-t';
const MANAGER_R = 'eval-manager-r';
const NOTICE = 'TPL_GOVERNANCE_NOTICE';

function call<T>(openid: string, command: string, input: unknown = {}): Promise<Reply<T>> {
  return cloud.as(openid).call<T>('providers', command, input);
}

function write<T>(openid: string, command: string, input: Record<string, unknown>): Promise<Reply<T>> {
  return call<T>(openid, command, { ...input, clientRequestId: cloud.requestId(command.replace(/\W/g, '')) });
}

async function runTimer(fn: 'provider-timers' | 'order-timers'): Promise<Reply<Record<string, unknown>>> {
  const event = { Type: 'Timer', TriggerName: 'redelivered', Time: new Date(cloud.now()).toISOString() };
  const result = await cloud.started.cloud.runner.invoke(fn, event, { SOURCE: 'wx_trigger' });
  return JSON.parse(result.responseData) as Reply<Record<string, unknown>>;
}

const providerOf = async (id: string) => (await cloud.get<Provider>('providers', id))!;
const evaluationOf = async (id: string) => (await cloud.get<Evaluation>('evaluations', id))!;
const offeringsOf = (providerId: string) => cloud.find<Offering>('offerings', { providerId });
const notices = (touser: string) => cloud.outbox({ touser, templateId: NOTICE });

/** The two providers of the demo community this file governs: T (removed in the end) and R (fixed). */
let T: Provider;
let R: Provider;
/** An item of T's for which the demo resident is offered T and someone after it. */
let itemT: string;
let rankT: number;

async function startCampaign(
  kind: 'yearly' | 'ad_hoc',
  title: string,
): Promise<EvaluationCampaignStartResult> {
  return ok(
    await write<EvaluationCampaignStartResult>(WORKER, 'evaluation.campaign.start', {
      orgUnitId: unitIdOfPath(DEMO_PATHS.community),
      year: 2025,
      kind,
      title,
    }),
  );
}

async function draftOf(campaign: EvaluationCampaignStartResult, providerId: string): Promise<Evaluation> {
  for (const id of campaign.evaluationIds) {
    const e = await evaluationOf(id);
    if (e.providerId === providerId) return e;
  }
  throw new Error(`no draft for ${providerId}`);
}

beforeAll(async () => {
  const community = await cloud.find<Provider>('providers', {
    orgPath: DEMO_PATHS.community,
    status: 'active',
  });
  // T: a provider the demo resident is offered for one of its items, with another provider after it.
  for (const candidate of community) {
    for (const itemId of candidate.itemIds) {
      const match = await matchFor(cloud, RESIDENT, [itemId]);
      const list = match.items[0]?.providers ?? [];
      const at = list.findIndex((p) => p.providerId === candidate._id);
      if (at >= 0 && list.length > at + 1) {
        T = candidate;
        itemT = itemId;
        rankT = at + 1;
        break;
      }
    }
    if (T !== undefined) break;
  }
  if (T === undefined) throw new Error('no community provider with a next provider after it');
  // R: another provider, of the industry the demo regulator's grant names (市场监督管理), so it reviews R.
  const other = community.find(
    (p) =>
      p._id !== T._id &&
      ((p as Provider & { industries?: string[] }).industries ?? []).includes('market_regulation'),
  );
  if (other === undefined) throw new Error('the demo community has one provider only');
  R = other;
  await writeUser(cloud, MANAGER_T, [{ role: 'provider_staff', providerId: T._id, position: 'manager' }]);
  await writeUser(cloud, MANAGER_R, [{ role: 'provider_staff', providerId: R._id, position: 'manager' }]);
  await writeResidents(cloud, [WAITING_RESIDENT, SERVED_RESIDENT]);
  await writeUser(cloud, OTHER_LEADER, [{ role: 'leader', orgPath: `${DEMO_PATHS.city}x-elsewhere/` }]);
  for (const openid of [LEADER, WORKER, REGULATOR, MANAGER_T, MANAGER_R]) cloud.grant(openid, NOTICE, 100);
  for (const openid of [WAITING_RESIDENT, SERVED_RESIDENT]) cloud.grant(openid, 'TPL_ORDER_STATUS', 20);
});

let yearly: EvaluationCampaignStartResult;

describe('a campaign and the reviewers’ input', () => {
  test('the worker starts the yearly campaign: one draft per provider of the unit, indicators from the data', async () => {
    yearly = await startCampaign('yearly', '2025年度服务机构考核');
    const active = await cloud.find<Provider>('providers', { orgPath: DEMO_PATHS.community });
    const evaluable = active.filter((p) => p.status === 'active' || p.status === 'rectifying');
    expect(yearly.evaluationCount).toBe(evaluable.length);

    const draft = await draftOf(yearly, T._id);
    expect(draft).toMatchObject({
      status: 'draft',
      published: false,
      grade: null,
      campaignId: yearly.campaignId,
    });
    // The indicators, recomputed here from the ratings and orders of the period.
    const { periodFrom, periodTo } = draft.indicators!;
    expect(periodFrom).toBe(Date.UTC(2025, 0, 1) - 8 * HOUR_MS);
    const ratings = (await cloud.find<Rating>('ratings', { providerId: T._id })).filter(
      (r) => r.createdAt >= periodFrom && r.createdAt < periodTo && r.counted !== false,
    );
    const orders = (await cloud.find<Order>('orders', { providerId: T._id })).filter(
      (o) => o.createdAt >= periodFrom && o.createdAt < periodTo,
    );
    const low = ratings.filter((r) => r.stars <= config.governance.lowRatingAtMost).length;
    expect(draft.indicators).toMatchObject({
      ratingCount: ratings.length,
      lowRatingCount: low,
      lowRatingRate: ratings.length === 0 ? null : Math.round((low / ratings.length) * 10_000) / 10_000,
      ordersOffered: orders.length,
      ordersExpired: orders.filter((o) => o.status === 'expired').length,
      ordersDeclined: orders.filter((o) => o.status === 'declined').length,
    });
    if (ratings.length > 0) {
      const avg = ratings.reduce((s, r) => s + r.stars, 0) / ratings.length;
      expect(draft.indicators!.averageStars).toBeCloseTo(avg, 2);
    }
  });

  test('refusals write nothing: a resident, a second yearly campaign, a unit outside, bad input', async () => {
    const input = {
      orgUnitId: unitIdOfPath(DEMO_PATHS.community),
      year: 2025,
      kind: 'yearly',
      title: '再来一次',
    };
    await expectRefusedWritingNothing(
      cloud,
      () => write(RESIDENT, 'evaluation.campaign.start', input),
      'PERMISSION_DENIED',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(WORKER, 'evaluation.campaign.start', input),
      'EVALUATION_CAMPAIGN_EXISTS',
    );
    await expectRefusedWritingNothing(
      cloud,
      () =>
        write(WORKER, 'evaluation.campaign.start', { ...input, orgUnitId: unitIdOfPath(DEMO_PATHS.county) }),
      'EVALUATION_UNIT_NOT_FOUND',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(WORKER, 'evaluation.campaign.start', { ...input, kind: 'monthly' }),
      'INVALID_INPUT',
    );
  });

  test('reviewers give input (one each, a new one replaces the older); others do not see the draft', async () => {
    const draft = await draftOf(yearly, R._id);
    ok(
      await write(WORKER, 'evaluation.input', {
        evaluationId: draft._id,
        reviewerScore: 80,
        comment: '服务规范',
      }),
    );
    ok(
      await write(REGULATOR, 'evaluation.input', {
        evaluationId: draft._id,
        reviewerScore: 90,
        comment: '资质齐全',
      }),
    );
    const again = ok(
      await write<EvaluationInputResult>(WORKER, 'evaluation.input', {
        evaluationId: draft._id,
        reviewerScore: 70,
        comment: '回访偶有延误',
      }),
    );
    expect(again).toEqual({ evaluationId: draft._id, reviewCount: 2, reviewerScore: 80 });
    const detail = ok(await call<EvaluationDetail>(LEADER, 'evaluation.detail', { evaluationId: draft._id }));
    expect(detail.reviews.map((r) => [r.score, r.byLabel])).toEqual([
      // The demo regulator's grant names its industry (市场监督管理), and its review says so.
      [90, `${ROLE_LABELS.industry_regulator}（市场监督管理）`],
      [70, ROLE_LABELS.worker],
    ]);
    expect(detail.reviewerScore).toBe(80);
    expect(detail.actions).toMatchObject({ canInput: true, canEvaluate: true });
    await expectRefusedWritingNothing(
      cloud,
      () => call(RESIDENT, 'evaluation.detail', { evaluationId: draft._id }),
      'EVALUATION_NOT_FOUND',
    );
    await expectRefusedWritingNothing(
      cloud,
      () =>
        write(RESIDENT, 'evaluation.input', { evaluationId: draft._id, reviewerScore: 60, comment: '无' }),
      'PERMISSION_DENIED',
    );
    await expectRefusedWritingNothing(
      cloud,
      () =>
        write(WORKER, 'evaluation.input', {
          evaluationId: draft._id,
          reviewerScore: 101,
          comment: '满分以上',
        }),
      'INVALID_INPUT',
    );
    // A regulator of another industry does not review this provider (its industries are on the draft).
    const otherIndustry = INDUSTRIES.find((i) => !(draft.industries ?? []).includes(i))!;
    const outsider = 'eval-regulator-other-industry';
    await writeUser(cloud, outsider, [
      { role: 'industry_regulator', orgPath: DEMO_PATHS.county, industry: otherIndustry },
    ]);
    await expectRefusedWritingNothing(
      cloud,
      () =>
        write(outsider, 'evaluation.input', {
          evaluationId: draft._id,
          reviewerScore: 60,
          comment: '非本行业',
        }),
      'EVALUATION_NOT_FOUND',
    );
  });
});

describe('the outcomes: published, the grade copied onto the provider and its offerings', () => {
  test.each([
    ['commend', 'excellent', '通报表扬'],
    ['notice', 'qualified', '通报批评'],
    ['grade_change', 'basically_qualified', '调整等级'],
  ] as const)('%s (%s)', async (outcome, grade, outcomeLabel) => {
    const campaign = await startCampaign('ad_hoc', `专项考核 ${outcome}`);
    const draft = await draftOf(campaign, R._id);
    const told = notices(MANAGER_R).length;
    const result = ok(
      await write<ProviderEvaluateResult>(LEADER, 'provider.evaluate', {
        evaluationId: draft._id,
        grade,
        outcome,
        summary: `考核结论：${outcomeLabel}`,
      }),
    );
    expect(result).toMatchObject({
      status: 'published',
      grade,
      outcome,
      outcomeLabel,
      providerStatus: 'active',
    });
    expect(await evaluationOf(draft._id)).toMatchObject({
      status: 'published',
      published: true,
      grade,
      outcome,
    });
    const provider = await providerOf(R._id);
    expect(provider.latestEvaluationGrade).toBe(grade);
    const expected = providerReputation(provider, config);
    expect(provider.reputation).toBe(expected.score);
    expect(result.reputation).toBe(expected.score);
    for (const o of await offeringsOf(R._id)) expect(o.reputation).toBe(expected.score);
    expect(notices(MANAGER_R)).toHaveLength(told + 1);
    // Published: anyone signed in sees it on the provider's page, without the reviewers' figures.
    const list = ok(
      await call<EvaluationListResult>(RESIDENT, 'evaluation.list', { providerId: R._id, pageSize: 50 }),
    );
    expect(list.items.map((i) => i.evaluationId)).toContain(draft._id);
    expect(list.items.every((i) => i.status === 'published')).toBe(true);
    const publicDetail = ok(
      await call<EvaluationDetail>(RESIDENT, 'evaluation.detail', { evaluationId: draft._id }),
    );
    expect(publicDetail).toMatchObject({ gradeLabel: expect.any(String), indicators: null, reviews: [] });
    // Decided once.
    await expectRefusedWritingNothing(
      cloud,
      () => write(LEADER, 'provider.evaluate', { evaluationId: draft._id, grade, outcome, summary: '再次' }),
      'EVALUATION_ALREADY_PUBLISHED',
    );
  });

  test('a worker may evaluate but not order a rectification; rectify needs a problem list', async () => {
    const draft = await draftOf(yearly, T._id);
    const input = {
      evaluationId: draft._id,
      grade: 'unqualified',
      outcome: 'rectify',
      summary: '整改',
      problems: ['回访缺失'],
    };
    await expectRefusedWritingNothing(
      cloud,
      () => write(WORKER, 'provider.evaluate', input),
      'PERMISSION_DENIED',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(LEADER, 'provider.evaluate', { ...input, problems: [] }),
      'INVALID_INPUT',
    );
  });
});

let waitingOrder: PlacedOrder;
let servedOrder: PlacedOrder;

describe('rectification, the re-check, and removal to the blacklist', () => {
  test('rectify with a deadline: out of matching, the managers told', async () => {
    // T's orders before: one waiting for an answer, one accepted.
    waitingOrder = await placeOrder(cloud, WAITING_RESIDENT, itemT, { rank: rankT });
    servedOrder = await placeOrder(cloud, SERVED_RESIDENT, itemT, { rank: rankT });
    expect([waitingOrder.providerId, servedOrder.providerId]).toEqual([T._id, T._id]);
    await staffStep(cloud, servedOrder, 'order.accept');

    const deadline = cloud.now() + HOUR_MS;
    for (const [provider, manager] of [
      [T, MANAGER_T],
      [R, MANAGER_R],
    ] as const) {
      const told = notices(manager).length;
      const draft =
        provider._id === R._id
          ? await draftOf(await startCampaign('ad_hoc', '专项复查'), R._id)
          : await draftOf(yearly, T._id);
      const result = ok(
        await write<ProviderEvaluateResult>(LEADER, 'provider.evaluate', {
          evaluationId: draft._id,
          grade: 'unqualified',
          outcome: 'rectify',
          problems: ['多次超时未接单', '回访记录缺失'],
          summary: '服务问题较多，责令限期整改',
          rectifyDeadline: deadline,
        }),
      );
      expect(result).toMatchObject({ providerStatus: 'rectifying', rectifyDeadline: deadline });
      expect(await providerOf(provider._id)).toMatchObject({
        status: 'rectifying',
        rectifyDeadline: deadline,
      });
      for (const o of await offeringsOf(provider._id)) expect(o.providerStatus).toBe('rectifying');
      expect(notices(manager)).toHaveLength(told + 1);
    }
    const match = await matchFor(cloud, RESIDENT, [itemT]);
    expect(match.items[0]!.providers.map((p) => p.providerId)).not.toContain(T._id);
  });

  test('the deadline passes: the re-check falls due and the leaders are told once, however often the timer runs', async () => {
    const before = notices(LEADER).length;
    cloud.shiftClock(2 * HOUR_MS);
    const first = ok(await runTimer('provider-timers'));
    const second = ok(await runTimer('provider-timers'));
    expect((first as { steps: Record<string, Record<string, number>> }).steps.rectification!.recheckDue).toBe(
      2,
    );
    expect(
      (second as { steps: Record<string, Record<string, number>> }).steps.rectification!.recheckDue,
    ).toBe(0);
    const told = notices(LEADER).slice(0, notices(LEADER).length - before);
    expect(told.map((m) => m.page.split('providerId=')[1]).sort()).toEqual([T._id, R._id].sort());
  });

  test('fixed: active again and offered again', async () => {
    const result = ok(
      await write<ProviderGovernanceStepResult>(LEADER, 'provider.recheck', {
        providerId: R._id,
        fixed: true,
        reason: '问题已整改到位',
      }),
    );
    expect(result).toMatchObject({ status: 'active', blacklisted: false, reportId: null });
    for (const o of await offeringsOf(R._id)) expect(o.providerStatus).toBe('active');
    await expectRefusedWritingNothing(
      cloud,
      () => write(LEADER, 'provider.recheck', { providerId: R._id, fixed: true, reason: '再验收' }),
      'PROVIDER_NOT_RECTIFYING',
    );
  });

  test('not fixed: removed and blacklisted in one step, with the report to the city and the county', async () => {
    await expectRefusedWritingNothing(
      cloud,
      () => write(WORKER, 'provider.recheck', { providerId: T._id, fixed: false, reason: '未整改' }),
      'PERMISSION_DENIED',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(OTHER_LEADER, 'provider.recheck', { providerId: T._id, fixed: false, reason: '未整改' }),
      'PROVIDER_NOT_FOUND',
    );
    const result = ok(
      await write<ProviderGovernanceStepResult>(LEADER, 'provider.recheck', {
        providerId: T._id,
        fixed: false,
        reason: '整改期满，回访记录仍然缺失',
      }),
    );
    expect(result).toMatchObject({ status: 'removed', blacklisted: true, reportId: expect.any(String) });
    expect(await providerOf(T._id)).toMatchObject({ status: 'removed', blacklisted: true });
    for (const o of await offeringsOf(T._id)) {
      expect(o).toMatchObject({ providerStatus: 'removed', providerBlacklisted: true });
    }
    const match = await matchFor(cloud, RESIDENT, [itemT]);
    expect(match.items[0]!.providers.map((p) => p.providerId)).not.toContain(T._id);
    const [entry] = await cloud.find<BlacklistEntry>('blacklist_entries', { creditCode: T.creditCode });
    expect(entry).toMatchObject({
      providerId: T._id,
      reportedToPaths: [DEMO_PATHS.city, DEMO_PATHS.county],
      reason: expect.stringContaining('回访记录仍然缺失'),
    });
    const report = (await cloud.get<RegulatorReport>('regulator_reports', result.reportId!))!;
    expect(report).toMatchObject({
      providerId: T._id,
      creditCode: T.creditCode,
      problems: ['多次超时未接单', '回访记录缺失'],
      reportedToPaths: [DEMO_PATHS.city, DEMO_PATHS.county],
    });
    expect(report.evaluationHistory.length).toBeGreaterThan(0);
    // Off the red-star board at once (its rows rewritten right after the commit).
    expect(await cloud.count('red_star_board', { providerId: T._id })).toBe(0);
  });

  test('a new application with the same credit code is refused with the reason', async () => {
    const reply = await write(RESIDENT, 'provider.apply', {
      orgUnitId: unitIdOfPath(DEMO_PATHS.community),
      name: `${T.name}（新）`,
      creditCode: T.creditCode,
      legalRepresentative: '张三',
      contactName: '张三',
      contactPhone: '0775-2801234',
      address: '玉林市玉州区',
      managementRules: '服务人员持证上岗，收费公示。',
      qualifications: [{ name: '营业执照', number: 'YL-0001', fileIds: ['cloud://file-1'] }],
      serviceAreaOrgUnitIds: [unitIdOfPath(DEMO_PATHS.community)],
      offerings: [{ itemId: itemT, pricing: { kind: 'free' } }],
      commitment: true,
    });
    expect(reply.code).toBe('APPLICATION_BLACKLISTED');
    expect(reply.message).toContain('回访记录仍然缺失');
  });

  test('order-timers ends its waiting and accepted orders; the residents are told and offered the next provider', async () => {
    const told = (openid: string) => cloud.outbox({ touser: openid, templateId: 'TPL_ORDER_STATUS' }).length;
    const [w0, s0] = [told(WAITING_RESIDENT), told(SERVED_RESIDENT)];
    ok(await runTimer('order-timers'));
    const waiting = (await cloud.get<Order>('orders', waitingOrder.orderId))!;
    const served = (await cloud.get<Order>('orders', servedOrder.orderId))!;
    expect(waiting.status).toBe('expired');
    expect(served.status).toBe('cancelled');
    for (const order of [waiting, served]) {
      expect(order.nextOffer).toMatchObject({ providerId: expect.any(String) });
      expect(order.nextOffer!.providerId).not.toBe(T._id);
    }
    expect([told(WAITING_RESIDENT), told(SERVED_RESIDENT)]).toEqual([w0 + 1, s0 + 1]);
    // Ran again: nothing more.
    ok(await runTimer('order-timers'));
    expect((await cloud.get<Order>('orders', servedOrder.orderId))!.status).toBe('cancelled');
    expect([told(WAITING_RESIDENT), told(SERVED_RESIDENT)]).toEqual([w0 + 1, s0 + 1]);
  });

  test('provider.remove: a serious violation needs no rectification round; refused for a removed one', async () => {
    await expectRefusedWritingNothing(
      cloud,
      () => write(LEADER, 'provider.remove', { providerId: T._id, reason: '再次清退' }),
      'PROVIDER_ILLEGAL_TRANSITION',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(RESIDENT, 'provider.remove', { providerId: R._id, reason: '我不喜欢' }),
      'PERMISSION_DENIED',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(LEADER, 'provider.remove', { providerId: R._id, reason: '' }),
      'INVALID_INPUT',
    );
  });
});

describe('the report to the regulators', () => {
  test('listed for the regulators in scope; the Word document names the provider and every reason', async () => {
    const list = ok(
      await call<RegulatorReportListResult>(REGULATOR, 'provider.report.list', { pageSize: 50 }),
    );
    const item = list.items.find((i) => i.providerId === T._id)!;
    expect(item).toMatchObject({
      creditCode: T.creditCode,
      reportedToNames: [expect.any(String), expect.any(String)],
    });
    const doc = ok(
      await call<RegulatorReportDocumentResult>(REGULATOR, 'provider.report.document', {
        reportId: item.reportId,
      }),
    );
    expect(doc.fileName).toMatch(/\.docx$/);
    const zip = await JSZip.loadAsync(Buffer.from(doc.contentBase64, 'base64'));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain(T.name);
    expect(text).toContain(T.creditCode);
    for (const reason of item.reasons) expect(text).toContain(reason);
    for (const name of item.reportedToNames) expect(text).toContain(name);
    expect(text).toContain('回访记录缺失');

    await expectRefusedWritingNothing(
      cloud,
      () => call(RESIDENT, 'provider.report.document', { reportId: item.reportId }),
      'PERMISSION_DENIED',
    );
    const stranger = 'eval-other-county-worker';
    await writeUser(cloud, stranger, [{ role: 'worker', orgPath: `${DEMO_PATHS.city}x-elsewhere/` }]);
    await expectRefusedWritingNothing(
      cloud,
      () => call(stranger, 'provider.report.document', { reportId: item.reportId }),
      'REPORT_NOT_FOUND',
    );
  });
});

describe('a campaign started by an industry regulator', () => {
  /** The industries of a provider as the evaluation reads them: its own, else its offerings' categories'. */
  async function industriesOf(p: Provider): Promise<string[]> {
    const own = (p as Provider & { industries?: string[] }).industries ?? [];
    if (own.length > 0) return own;
    const categoryIds = [...new Set((await offeringsOf(p._id)).map((o) => o.categoryId))];
    const categories = await cloud.find<{ _id: string; industry: string }>('service_categories', {});
    return [...new Set(categories.filter((c) => categoryIds.includes(c._id)).map((c) => c.industry))];
  }

  test("covers only the providers of the regulator's industry in the unit, recorded on the campaign", async () => {
    const regulator = 'eval-regulator-civil';
    const industry = 'civil_affairs';
    await writeUser(cloud, regulator, [{ role: 'industry_regulator', orgPath: DEMO_PATHS.county, industry }]);
    const inUnit = (await cloud.find<Provider>('providers', {})).filter(
      (p) => p.orgPath.startsWith(DEMO_PATHS.community) && ['active', 'rectifying'].includes(p.status),
    );
    const expected: string[] = [];
    const others: string[] = [];
    for (const p of inUnit) ((await industriesOf(p)).includes(industry) ? expected : others).push(p._id);
    expect(expected.length).toBeGreaterThan(0);
    expect(others.length).toBeGreaterThan(0);

    const started = ok(
      await write<EvaluationCampaignStartResult>(regulator, 'evaluation.campaign.start', {
        orgUnitId: unitIdOfPath(DEMO_PATHS.community),
        year: 2025,
        kind: 'yearly',
        title: '民政行业年度考核',
      }),
    );
    const drafts = await Promise.all(started.evaluationIds.map(evaluationOf));
    expect(drafts.map((d) => d.providerId).sort()).toEqual(expected.sort());
    for (const d of drafts) expect(d.industries).toContain(industry);
    const campaign = await cloud.get<{ industries: string[] | null; orgPath: string }>(
      'evaluation_campaigns',
      started.campaignId,
    );
    expect(campaign).toMatchObject({ industries: [industry], orgPath: DEMO_PATHS.community });
    // Its drafts are in its own list, and another industry's regulator does not see them.
    const listed = ok(
      await call<EvaluationListResult>(regulator, 'evaluation.list', {
        campaignId: started.campaignId,
        pageSize: 50,
      }),
    );
    expect(listed.items.map((i) => i.evaluationId).sort()).toEqual([...started.evaluationIds].sort());
    const other = 'eval-regulator-education';
    await writeUser(cloud, other, [
      { role: 'industry_regulator', orgPath: DEMO_PATHS.county, industry: 'education' },
    ]);
    await expectRefusedWritingNothing(
      cloud,
      () => call(other, 'evaluation.detail', { evaluationId: started.evaluationIds[0] }),
      'EVALUATION_NOT_FOUND',
    );
    // The unit's own yearly round is still its own (not taken by the regulator's).
    const again = await write(regulator, 'evaluation.campaign.start', {
      orgUnitId: unitIdOfPath(DEMO_PATHS.community),
      year: 2025,
      kind: 'yearly',
      title: '民政行业年度考核',
    });
    expect(again.code).toBe('EVALUATION_CAMPAIGN_EXISTS');
  });
});
