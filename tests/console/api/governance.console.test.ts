/**
 * Provider governance through the real admin-api on the local cloud (docs/console.md: 入驻审核, 入驻公示, 考核评价,
 * 投诉与差评, 清退报备), the same use cases as the `providers` function: a community worker enters a paper
 * application; the incubation centre and the industry regulator assess it (a regulator of another industry
 * may not even see it); the leader notices it only once both have; the 公示 lists it with its days left and
 * the objection a resident raised, which a worker answers; after the notice the worker records the paper
 * agreement and the provider serves. A leader runs an evaluation campaign, orders a rectification, and at the
 * deadline removes the provider, which lands in the regulators' reports as a Word document. Complaints,
 * appeals and new offerings wait for the unit's worker. Every refusal (bad input, out of scope, a missing
 * assessment) answers a stable code and a Chinese message and writes nothing at all.
 */
import type { NoticeBoard } from '../../../core/console/governance-notice.query';
import type {
  CampaignListResult,
  PendingOfferingListResult,
  RectificationListResult,
} from '../../../core/console/governance-queues.query';
import type {
  ApplicationAssessResult,
  ApplicationDetail,
  ApplicationListResult,
  ApplicationSignResult,
  ApplicationStepResult,
  NoticeListResult,
  ObjectionAnswerResult,
} from '../../../core/providers/application.replies';
import type {
  EvaluationCampaignStartResult,
  EvaluationDetail,
  EvaluationListResult,
  ProviderEvaluateResult,
  ProviderGovernanceStepResult,
  RegulatorReportDocumentResult,
  RegulatorReportListResult,
} from '../../../core/providers/evaluation.replies';
import type { ComplaintListResult, ComplaintStepResult } from '../../../core/providers/feedback.replies';
import { DEMO_COMMUNITY_ID } from '../../../demo/demo.constants';
import { DEMO_PATHS } from '../../../demo/demo-identities';
import { DAY_MS } from '../../functions/support/function-cloud';
import { consoleCloud, refusalChecks, type ConsoleBrowser } from '../support/console-cloud';
import { HOUSEKEEPING_ITEM, industryRegulator, paperApplication } from './governance.fixtures';

type NoticeBoardReply = NoticeBoard<NoticeListResult>;

const cloud = consoleCloud();
const { rid, expectRefused } = refusalChecks(cloud, 'governance');

let worker: ConsoleBrowser;
let leader: ConsoleBrowser;
/** The county regulator of every industry (the demo's). */
let regulator: ConsoleBrowser;
/** A county regulator of 卫生健康 only. */
let healthRegulator: ConsoleBrowser;

/** Sign everyone in (again: moving the clock by days ends the sessions, 30 minutes idle at most). */
async function signInAll(): Promise<void> {
  cloud.nextMinute();
  worker = await cloud.signIn('community.worker');
  leader = await cloud.signIn('community.leader');
  regulator = await cloud.signIn('regulator');
  healthRegulator = await cloud.signIn('health.regulator');
}

/** Move the platform's clock on by days, then sign in again. */
async function daysLater(days: number): Promise<void> {
  cloud.shiftClock(days * DAY_MS);
  await signInAll();
}

beforeAll(async () => {
  await industryRegulator(cloud, 'health.regulator', 'health');
  await signInAll();
});

beforeEach(() => cloud.nextMinute());

async function ok<T>(reply: Promise<{ code: string; message: string; data: T }>): Promise<T> {
  const r = await reply;
  if (r.code !== 'OK') throw new Error(`${r.code} ${r.message}`);
  return r.data;
}

const detail = (b: ConsoleBrowser, id: string) =>
  ok(b.get<ApplicationDetail>(`/console/api/applications/${id}`));

describe('入驻审核: a paper application through review, 公示 and the paper agreement', () => {
  let applicationId = '';

  test('a worker enters a paper application; the reviewers list it, a regulator of another industry does not see it', async () => {
    const filed = await ok(
      worker.post<ApplicationStepResult>(
        '/console/api/applications',
        paperApplication({ clientRequestId: rid('apply') }),
      ),
    );
    applicationId = filed.applicationId;
    expect(filed.status).toBe('applied');

    const list = await ok(
      worker.get<ApplicationListResult>('/console/api/applications?status=applied&page=1'),
    );
    const row = list.items.find((a) => a.applicationId === applicationId);
    expect(row).toMatchObject({ paper: true, orgUnitId: DEMO_COMMUNITY_ID, itemNames: ['家庭保洁'] });
    expect(row!.industries.map((i) => i.industry)).toEqual(['market_regulation']);
    const forRegulator = await ok(regulator.get<ApplicationListResult>('/console/api/applications'));
    expect(forRegulator.items.map((a) => a.applicationId)).toContain(applicationId);
    const forHealth = await ok(healthRegulator.get<ApplicationListResult>('/console/api/applications'));
    expect(forHealth.items.map((a) => a.applicationId)).not.toContain(applicationId);

    // Outside its industry: the same answer as for an application that does not exist.
    const hidden = await healthRegulator.get(`/console/api/applications/${applicationId}`);
    const missing = await healthRegulator.get('/console/api/applications/no-such-application');
    expect({ status: hidden.status, code: hidden.code }).toEqual({
      status: 403,
      code: 'APPLICATION_NOT_FOUND',
    });
    expect({ status: missing.status, code: missing.code, message: missing.message }).toEqual({
      status: hidden.status,
      code: hidden.code,
      message: hidden.message,
    });

    const seen = await detail(worker, applicationId);
    expect(seen).toMatchObject({
      legalRepresentative: '陈国栋',
      paperReceivedOn: '2025-03-10',
      status: 'applied',
    });
    expect(seen.actions.canStartReview).toBe(true);
    expect(seen.qualifications[0]!.number).toBe('JZ-2024-0088');
  });

  test('bad input is refused with a stable code and a Chinese message, writing nothing', async () => {
    await expectRefused(
      worker,
      '/console/api/applications',
      paperApplication({
        offerings: [
          {
            itemId: HOUSEKEEPING_ITEM,
            pricing: { kind: 'low_fee', priceFen: 6000, marketPriceFen: 6000, unit: '小时' },
          },
        ],
      }),
      400,
      'INVALID_INPUT',
    );
    const badCode = '91450902MA00000000';
    const before = cloud.wholeMark();
    const refused = await worker.post('/console/api/applications', {
      ...paperApplication({ creditCode: badCode }),
      clientRequestId: rid('bad-code'),
    });
    expect(refused.status).toBe(400);
    expect(refused.code).toMatch(/^(INVALID_INPUT|PROVIDER_CREDIT_CODE_INVALID)$/);
    expect(refused.message).toMatch(/信用代码/);
    expect(cloud.wholeMark()).toEqual(before);
    await expectRefused(
      worker,
      `/console/api/applications/${applicationId}/assess`,
      {
        sheet: { qualification: 25, management: 15, service: 15, price: 15, capacity: 15 },
        comment: '资料齐全',
        recommend: true,
      },
      400,
      'INVALID_INPUT',
    );
    // A worker may not notice (leaders choose); a paper form for a unit outside the worker's.
    await expectRefused(
      worker,
      '/console/api/applications',
      paperApplication({ orgUnitId: '450981001001', serviceAreaOrgUnitIds: ['450981001001'] }),
      403,
      'APPLICATION_UNIT_NOT_FOUND',
    );
  });

  test('the incubation centre and the industry regulator assess; the leader notices it only once both have', async () => {
    await ok(
      worker.post<ApplicationStepResult>(`/console/api/applications/${applicationId}/decide`, {
        to: 'under_review',
        clientRequestId: rid('start'),
      }),
    );
    const sheet = { qualification: 18, management: 16, service: 17, price: 19, capacity: 15 };
    const byUnit = await ok(
      worker.post<ApplicationAssessResult>(`/console/api/applications/${applicationId}/assess`, {
        sheet,
        comment: '资质齐全，收费低于市场价',
        recommend: true,
        clientRequestId: rid('assess-unit'),
      }),
    );
    expect(byUnit).toMatchObject({ assessor: 'incubation', total: 85 });
    expect(byUnit.missingAssessments.join()).toContain('市场监督管理');

    await expectRefused(
      leader,
      `/console/api/applications/${applicationId}/decide`,
      { to: 'noticed' },
      400,
      'APPLICATION_ASSESSMENT_MISSING',
    );
    // A regulator of another industry may not assess it (nor see it).
    await expectRefused(
      healthRegulator,
      `/console/api/applications/${applicationId}/assess`,
      { sheet, comment: '同意', recommend: true },
      403,
      'APPLICATION_NOT_FOUND',
    );
    const byRegulator = await ok(
      regulator.post<ApplicationAssessResult>(`/console/api/applications/${applicationId}/assess`, {
        sheet,
        comment: '经营范围与服务项目一致',
        recommend: true,
        clientRequestId: rid('assess-regulator'),
      }),
    );
    expect(byRegulator).toMatchObject({ assessor: 'regulator', industry: 'market_regulation' });
    expect(byRegulator.missingAssessments).toEqual([]);

    const seen = await detail(leader, applicationId);
    expect(seen.assessments.map((a) => a.assessorLabel).sort()).toEqual(
      ['孵化中心', '行业主管部门（市场监督管理）'].sort(),
    );
    expect(seen.actions.canNotice).toBe(true);
    const noticed = await ok(
      leader.post<ApplicationStepResult>(`/console/api/applications/${applicationId}/decide`, {
        to: 'noticed',
        clientRequestId: rid('notice'),
      }),
    );
    expect(noticed.status).toBe('noticed');
  });

  test('公示 lists it with its days left; a resident’s objection shows to the workers, who answer it', async () => {
    const board = await ok(worker.get<NoticeBoardReply>('/console/api/applications/notice'));
    const row = board.items.find((n) => n.applicationId === applicationId)!;
    expect(row).toMatchObject({ daysLeft: 7, objections: 0, openObjections: 0 });
    expect(row.items[0]).toMatchObject({ itemName: '家庭保洁' });
    // What the public sees: no legal representative, documents or phones.
    expect(JSON.stringify(row)).not.toMatch(/陈国栋|JZ-2024-0088|13977009988/);

    const objected = await cloud
      .as('demo-resident-2')
      .call<{ objectionId: string }>('providers', 'provider.application.object', {
        applicationId,
        content: '该公司去年在别的小区收费不透明，请核实。',
        clientRequestId: rid('object'),
      });
    expect(objected.code).toBe('OK');
    const after = await ok(worker.get<NoticeBoardReply>('/console/api/applications/notice'));
    expect(after.items.find((n) => n.applicationId === applicationId)).toMatchObject({
      objections: 1,
      openObjections: 1,
    });
    // Another street's worker sees the public row, not the objection counts.
    const other = await cloud.signIn('lingcheng.worker');
    const theirs = await ok(other.get<NoticeBoardReply>('/console/api/applications/notice'));
    expect(theirs.items.find((n) => n.applicationId === applicationId)).toMatchObject({
      objections: null,
      openObjections: null,
    });

    const objectionId = (await detail(worker, applicationId)).objections[0]!.objectionId;
    await expectRefused(
      worker,
      `/console/api/objections/${objectionId}/answer`,
      { decision: 'maybe', reply: '已核实' },
      400,
      'INVALID_INPUT',
    );
    const answered = await ok(
      worker.post<ObjectionAnswerResult>(`/console/api/objections/${objectionId}/answer`, {
        decision: 'dismissed',
        reply: '经核实，该公司收费已按规定公示，异议不成立。',
        clientRequestId: rid('answer'),
      }),
    );
    expect(answered).toMatchObject({ status: 'dismissed', openObjections: 0 });
  });

  test('after the notice the worker records the paper agreement: the provider serves with its offering', async () => {
    const body = {
      agreementVersion: 'YL-HS-2026-01',
      accept: true,
      paper: { signerName: '陈国栋', signedOn: '2025-03-20' },
    };
    await expectRefused(
      worker,
      `/console/api/applications/${applicationId}/sign`,
      body,
      400,
      'APPLICATION_NOTICE_NOT_OVER',
    );
    await daysLater(8);
    const signed = await ok(
      worker.post<ApplicationSignResult>(`/console/api/applications/${applicationId}/sign`, {
        ...body,
        clientRequestId: rid('sign'),
      }),
    );
    expect(signed).toMatchObject({ status: 'agreement_signed', managerGranted: false, offerings: 1 });
    const provider = await ok(
      worker.get<{ provider: { status: string } }>(`/console/api/providers/${signed.providerId}`),
    );
    expect(provider.provider.status).toBe('active');
    const offerings = await cloud.offeringsCovering(HOUSEKEEPING_ITEM, DEMO_PATHS.grid);
    expect(offerings.map((o) => o['providerId'])).toContain(signed.providerId);
    const seen = await detail(worker, applicationId);
    expect(seen.agreement).toMatchObject({ paper: true, signerName: '陈国栋', version: 'YL-HS-2026-01' });

    // Every console write of the application is in the audit log, with its record.
    const audit = await cloud.find<{ command: string; entityId: string | null }>(
      'audit_entries',
      { entityId: applicationId },
      50,
    );
    expect(new Set(audit.map((e) => e.command))).toEqual(
      new Set([
        'provider.apply',
        'provider.application.decide',
        'provider.application.assess',
        'provider.application.sign',
        'provider.objection.answer',
      ]),
    );
  });
});

describe('考核评价, rectification and removal to the regulators', () => {
  let evaluationId = '';
  let providerId = '';

  test('a leader starts a campaign for 东门社区: one draft per provider, indicators from the data', async () => {
    await expectRefused(
      leader,
      '/console/api/evaluations/campaigns',
      { orgUnitId: DEMO_COMMUNITY_ID, year: 1999, kind: 'yearly', title: '年度考核' },
      400,
      'INVALID_INPUT',
    );
    const started = await ok(
      leader.post<EvaluationCampaignStartResult>('/console/api/evaluations/campaigns', {
        orgUnitId: DEMO_COMMUNITY_ID,
        year: 2025,
        kind: 'yearly',
        title: '2025 年度服务机构考核评价',
        clientRequestId: rid('campaign'),
      }),
    );
    expect(started.evaluationCount).toBeGreaterThan(0);
    const campaigns = await ok(leader.get<CampaignListResult>('/console/api/evaluations/campaigns'));
    expect(campaigns.items[0]).toMatchObject({
      campaignId: started.campaignId,
      evaluationCount: started.evaluationCount,
      orgUnitName: expect.stringContaining('东门社区'),
    });
    const list = await ok(
      leader.get<EvaluationListResult>(
        `/console/api/evaluations?campaignId=${started.campaignId}&pageSize=50`,
      ),
    );
    expect(list.total).toBe(started.evaluationCount);
    expect(list.items.every((e) => e.status === 'draft')).toBe(true);
    evaluationId = started.evaluationIds[0]!;
    const seen = await ok(leader.get<EvaluationDetail>(`/console/api/evaluations/${evaluationId}`));
    providerId = seen.providerId;
    expect(seen.indicators).not.toBeNull();
    expect(seen.actions).toMatchObject({ canInput: true, canEvaluate: true });
  });

  test('reviewers give their input; the leader orders a rectification; the list shows the deadline, red once past', async () => {
    await ok(
      worker.post(`/console/api/evaluations/${evaluationId}/input`, {
        reviewerScore: 62,
        comment: '回访不及时，居民反映收费解释不清',
        clientRequestId: rid('input'),
      }),
    );
    await expectRefused(
      leader,
      `/console/api/evaluations/${evaluationId}/evaluate`,
      { grade: 'unqualified', outcome: 'rectify', problems: [], summary: '整改' },
      400,
      'INVALID_INPUT',
    );
    const deadline = cloud.now() + 20 * DAY_MS;
    const decided = await ok(
      leader.post<ProviderEvaluateResult>(`/console/api/evaluations/${evaluationId}/evaluate`, {
        grade: 'unqualified',
        outcome: 'rectify',
        problems: ['回访不及时', '收费未公示'],
        summary: '限期整改，到期复查',
        rectifyDeadline: deadline,
        clientRequestId: rid('evaluate'),
      }),
    );
    expect(decided).toMatchObject({ providerStatus: 'rectifying', rectifyDeadline: deadline });
    const open = await ok(leader.get<RectificationListResult>('/console/api/evaluations/rectification'));
    const row = open.items.find((r) => r.evaluationId === evaluationId)!;
    expect(row).toMatchObject({ providerId, rectifyDeadline: deadline, overdue: false });
    expect(row.problems).toEqual(['回访不及时', '收费未公示']);

    await daysLater(21);
    const later = await ok(leader.get<RectificationListResult>('/console/api/evaluations/rectification'));
    expect(later.items.find((r) => r.evaluationId === evaluationId)).toMatchObject({ overdue: true });
    const seen = await ok(leader.get<EvaluationDetail>(`/console/api/evaluations/${evaluationId}`));
    expect(seen.actions.canRecheck).toBe(true);
  });

  test('not fixed at the re-check: removed, blacklisted and reported; the report’s Word document names it', async () => {
    await expectRefused(
      leader,
      `/console/api/providers/${providerId}/recheck`,
      { fixed: false },
      400,
      'INVALID_INPUT',
    );
    const removed = await ok(
      leader.post<ProviderGovernanceStepResult>(`/console/api/providers/${providerId}/recheck`, {
        fixed: false,
        reason: '到期复查仍未整改：回访仍不及时',
        clientRequestId: rid('recheck'),
      }),
    );
    expect(removed).toMatchObject({ status: 'removed', blacklisted: true });
    expect(removed.reportId).not.toBeNull();
    const open = await ok(leader.get<RectificationListResult>('/console/api/evaluations/rectification'));
    expect(open.items.map((r) => r.evaluationId)).not.toContain(evaluationId);

    // The county regulator sees the report of its area; its document is a Word (zip) file.
    const reports = await ok(regulator.get<RegulatorReportListResult>('/console/api/reports'));
    const report = reports.items.find((r) => r.reportId === removed.reportId)!;
    expect(report.reasons.join()).toContain('回访仍不及时');
    const doc = await ok(
      regulator.get<RegulatorReportDocumentResult>(`/console/api/reports/${removed.reportId}/document`),
    );
    expect(doc.fileName).toMatch(/\.docx$/);
    expect(Buffer.from(doc.contentBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
    // Another street's worker: the same answer as for a report that does not exist.
    const other = await cloud.signIn('lingcheng.worker');
    const hidden = await other.get(`/console/api/reports/${removed.reportId}/document`);
    expect({ status: hidden.status, code: hidden.code }).toEqual({ status: 403, code: 'REPORT_NOT_FOUND' });

    // Each console write of the round is in the audit log.
    for (const command of [
      'evaluation.campaign.start',
      'evaluation.input',
      'provider.evaluate',
      'provider.recheck',
    ]) {
      const entries = await cloud.find<{ channel: string }>('audit_entries', { command }, 5);
      expect({ command, logged: entries.length > 0 }).toEqual({ command, logged: true });
    }
  });
});

describe('投诉与差评', () => {
  test('a worker verifies a complaint (upheld, with a reply); it leaves the queue of those to verify', async () => {
    // A resident complains about a finished order of theirs, in the mini-program.
    const [order] = await cloud.find<{ _id: string }>(
      'orders',
      { residentOpenid: 'demo-resident-1', status: cloud.db.command.in(['done', 'followed_up', 'closed']) },
      1,
    );
    const submitted = await cloud
      .as('demo-resident-1')
      .call<{ complaintId: string }>('providers', 'complaint.submit', {
        orderId: order!._id,
        content: '师傅迟到一个小时，也没有提前打电话说明。',
        images: [],
        clientRequestId: rid('complain'),
      });
    expect(submitted.code).toBe('OK');
    const queue = await ok(worker.get<ComplaintListResult>('/console/api/complaints?status=submitted'));
    const complaint = queue.items.find((c) => c.complaintId === submitted.data.complaintId)!;
    expect(complaint).toMatchObject({ status: 'submitted', actions: { canDecide: true } });
    await expectRefused(
      worker,
      `/console/api/complaints/${complaint.complaintId}/decide`,
      { upheld: 'yes', reply: '属实' },
      400,
      'INVALID_INPUT',
    );
    const decided = await ok(
      worker.post<ComplaintStepResult>(`/console/api/complaints/${complaint.complaintId}/decide`, {
        upheld: true,
        reply: '经核实投诉属实，已责令服务机构整改',
        clientRequestId: rid('complaint'),
      }),
    );
    expect(decided.status).toBe('upheld');
    const after = await ok(worker.get<ComplaintListResult>('/console/api/complaints?status=submitted'));
    expect(after.items.map((c) => c.complaintId)).not.toContain(complaint.complaintId);
  });

  test('a new item of an active provider waits for the unit’s worker, who approves it', async () => {
    const manager = cloud.as('demo-provider-manager-1');
    const provider = await cloud.get<{ _id: string; itemIds: string[] }>('providers', 'prv-000001');
    const items = await cloud.find<{ _id: string }>('service_items', { active: true }, 100);
    const fresh = items.find((i) => !provider!.itemIds.includes(i._id))!;
    const saved = await manager.call<{ offeringId: string; review: string }>(
      'providers',
      'provider.offering.save',
      {
        providerId: 'prv-000001',
        itemId: fresh._id,
        pricing: { kind: 'free' },
        active: true,
        clientRequestId: rid('offering'),
      },
    );
    expect(saved.data).toMatchObject({ review: 'pending' });
    const pending = await ok(worker.get<PendingOfferingListResult>('/console/api/offerings/pending'));
    expect(pending.items.map((o) => o.offeringId)).toContain(saved.data.offeringId);
    const approved = await ok(
      worker.post<{ review: string; matchable: boolean }>(
        `/console/api/offerings/${saved.data.offeringId}/review`,
        { approve: true, clientRequestId: rid('offering-review') },
      ),
    );
    expect(approved).toMatchObject({ review: 'approved', matchable: true });
    const after = await ok(worker.get<PendingOfferingListResult>('/console/api/offerings/pending'));
    expect(after.items.map((o) => o.offeringId)).not.toContain(saved.data.offeringId);
  });
});
