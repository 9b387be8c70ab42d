/**
 * What the governance console tests share (governance.console.test.ts, refusals.console.test.ts and the
 * browser test): a paper application's body with a valid credit code, a regulator account of one industry,
 * and each governance route's out-of-scope case (another street's worker on 东门社区's records, and the same
 * request for a record that does not exist: one answer for both).
 */
import { createConsoleCrypto } from '../../../function-kit/console-crypto.adapter';
import { creditCodeCheckChar } from '../../../core/schemas/credit-code.rules';
import { DEMO_COMMUNITY_ID, DEMO_PROVIDER_MANAGER_OPENID } from '../../../demo/demo.constants';
import { DEMO_PATHS } from '../../../demo/demo-identities';
import { writeUser } from '../../functions/support/role-actors';
import type { ConsoleCloud } from '../support/console-cloud';
import { DEMO_CONSOLE_PASSWORD } from '../support/console-cloud';

export const OTHER_STREET = '450981001';
/** A 家政服务 item (industry 市场监督管理) and a 养老助老 one (民政). */
export const HOUSEKEEPING_ITEM = 'item-home-cleaning';

let codes = 0;

/** A fresh, valid unified social credit code (GB 32100-2015 check character), different each call. */
export function creditCode(seed = ''): string {
  codes += 1;
  const serial = `${seed}${Date.now() % 1_000_000}${codes}`.replace(/\D/g, '').padStart(9, '0').slice(-9);
  const first17 = `91450902MA${serial.slice(0, 7)}`;
  const check = creditCodeCheckChar(first17);
  if (check === null) throw new Error(`no check character for ${first17}`);
  return `${first17}${check}`;
}

/** The paper application a community worker enters for 东门社区 (provider.apply with `paper`). */
export function paperApplication(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    orgUnitId: DEMO_COMMUNITY_ID,
    name: '玉林市暖心家政服务有限公司',
    creditCode: creditCode(),
    legalRepresentative: '陈国栋',
    contactName: '陈小姐',
    contactPhone: '13977009988',
    address: '玉林市玉州区东门路 18 号',
    introduction: '从事家庭保洁、家电清洗十年。',
    managementRules: '持证上岗，服务前电话确认，服务后回访；收费公示，明码标价。',
    qualifications: [{ name: '家政服务资质', number: 'JZ-2024-0088', fileIds: [] }],
    serviceAreaOrgUnitIds: [DEMO_COMMUNITY_ID],
    offerings: [
      {
        itemId: HOUSEKEEPING_ITEM,
        pricing: { kind: 'low_fee', priceFen: 3000, marketPriceFen: 6000, unit: '小时' },
        description: '两小时起',
      },
    ],
    commitment: true,
    paper: { receivedOn: '2025-03-10', applicantPhone: '13977009988' },
    ...overrides,
  };
}

/**
 * A county industry regulator acting for one industry only (RoleGrant.industry), with a console account
 * (the demo password, no change required).
 */
export async function industryRegulator(
  cloud: ConsoleCloud,
  loginName: string,
  industry: string,
): Promise<void> {
  const openid = `t-${loginName.replace(/\W/g, '-')}`;
  await writeUser(
    cloud,
    openid,
    [{ role: 'industry_regulator', orgPath: DEMO_PATHS.county, industry }],
    DEMO_PATHS.county,
  );
  const now = cloud.now();
  await cloud.insert('console_accounts', [
    {
      _id: loginName,
      openid,
      passwordHash: await createConsoleCrypto().hashPassword(DEMO_CONSOLE_PASSWORD),
      mustChangePassword: false,
      oneTimePasswordExpiresAt: null,
      passwordChangedAt: now,
      failedAttempts: 0,
      lockedUntil: null,
      lastSignInAt: null,
      createdBy: 'test',
      demo: false,
      createdAt: now,
      updatedAt: now,
    },
  ]);
}

/** The records the out-of-scope cases name (filled by seedGovernanceScope). */
export interface GovernanceScopeIds {
  application: string;
  objection: string;
  evaluation: string;
  report: string;
  complaint: string;
  appeal: string;
  offering: string;
  /** A provider outside 玉城街道. */
  otherProvider: string;
}

/**
 * Records of 东门社区 for the out-of-scope cases: a paper application (through the console, as its community
 * worker), an evaluation campaign (its leader), and, written directly as a test's fixtures, an objection to
 * the application, a removal report, a rating appeal; a complaint and an offering of the demo data.
 */
export async function seedGovernanceScope(cloud: ConsoleCloud): Promise<GovernanceScopeIds> {
  const worker = await cloud.signIn('community.worker');
  const leader = await cloud.signIn('community.leader');
  const filed = await worker.post<{ applicationId: string }>(
    '/console/api/applications',
    paperApplication({ clientRequestId: 'scope-gov-apply-0001' }),
  );
  if (filed.code !== 'OK') throw new Error(`paper application: ${filed.code} ${filed.message}`);
  const campaign = await leader.post<{ evaluationIds: string[] }>('/console/api/evaluations/campaigns', {
    orgUnitId: DEMO_COMMUNITY_ID,
    year: 2024,
    kind: 'ad_hoc',
    title: '权限测试专项考核',
    clientRequestId: 'scope-gov-campaign-0001',
  });
  if (campaign.code !== 'OK') throw new Error(`campaign: ${campaign.code} ${campaign.message}`);
  const now = cloud.now();
  const applicationId = filed.data.applicationId;
  const application = await cloud.get<{ orgPath: string }>('applications', applicationId);
  const orgPath = application!.orgPath;
  await cloud.insert('application_objections', [
    {
      _id: 'scope-gov-objection-1',
      applicationId,
      objectorOpenid: 'demo-resident-1',
      content: '该机构曾经多收费',
      contactPhone: null,
      status: 'open',
      reply: null,
      orgPath,
      createdAt: now,
      updatedAt: now,
    },
  ]);
  await cloud.insert('regulator_reports', [
    {
      _id: 'scope-gov-report-1',
      providerId: 'prv-000001',
      providerName: '测试清退机构',
      creditCode: '91450902MA00000001',
      legalRepresentative: '张三',
      address: '玉林市',
      contactPhone: '13900000000',
      unitName: '东门社区',
      itemNames: ['家庭保洁'],
      reasons: ['严重违规'],
      problems: [],
      evaluationHistory: [],
      reportedToPaths: [DEMO_PATHS.city, DEMO_PATHS.county],
      reportedToNames: ['玉林市', '玉州区'],
      createdBy: 'demo-community-leader-1',
      createdByRole: '社区负责人',
      orgPath: DEMO_PATHS.community,
      createdAt: now,
    },
  ]);
  const [complaint] = await cloud.find<{ _id: string }>(
    'complaints',
    { orgPath: cloud.db.RegExp({ regexp: `^${DEMO_PATHS.community}`, options: '' }) },
    1,
  );
  const [rating] = await cloud.find<{ _id: string; orderId: string; providerId: string; orgPath: string }>(
    'ratings',
    { orgPath: cloud.db.RegExp({ regexp: `^${DEMO_PATHS.community}`, options: '' }) },
    1,
  );
  await cloud.insert('rating_appeals', [
    {
      _id: `ra-${rating!._id}`,
      ratingId: rating!._id,
      orderId: rating!.orderId,
      providerId: rating!.providerId,
      providerName: '测试机构',
      stars: 1,
      reason: '恶意差评',
      appealedBy: DEMO_PROVIDER_MANAGER_OPENID,
      status: 'pending',
      decidedBy: null,
      decidedAt: null,
      decisionReason: null,
      orgPath: rating!.orgPath,
      createdAt: now,
      updatedAt: now,
    },
  ]);
  const [offering] = await cloud.find<{ _id: string }>('offerings', { providerId: 'prv-000001' }, 1);
  const providers = await cloud.find<{ _id: string; orgPath: string }>('providers', {}, 100);
  const otherProvider = providers.find((p) => !p.orgPath.startsWith(DEMO_PATHS.street))!._id;
  return {
    application: applicationId,
    objection: 'scope-gov-objection-1',
    evaluation: campaign.data.evaluationIds[0]!,
    report: 'scope-gov-report-1',
    complaint: complaint!._id,
    appeal: `ra-${rating!._id}`,
    offering: offering!._id,
    otherProvider,
  };
}

/** The out-of-scope case of one route (the shape refusals.console.test.ts checks). */
export interface GovernanceScopeCase {
  readonly as: string;
  readonly outside: () => [string, unknown?];
  readonly missing: () => [string, unknown?];
  readonly code: string;
}

/** Another street's worker on a 东门社区 record, and on one that does not exist. */
function onRecord(
  as: string,
  path: (id: string) => string,
  id: () => string,
  body: Record<string, unknown> | null,
  code: string,
  label: string,
): GovernanceScopeCase {
  const withBody = (p: string, n: number): [string, unknown?] =>
    body === null ? [p] : [p, { ...body, clientRequestId: `scope-gov-${label}-${n}` }];
  return {
    as,
    outside: () => withBody(path(id()), 1),
    missing: () => withBody(path('no-such-record'), 2),
    code,
  };
}

/** A list narrowed to another street's unit, and to a unit that does not exist. */
function onUnit(as: string, path: string, code = 'OUT_OF_SCOPE'): GovernanceScopeCase {
  return {
    as,
    outside: () => [`${path}?orgUnitId=${OTHER_STREET}`],
    missing: () => [`${path}?orgUnitId=999999999`],
    code,
  };
}

/** Every governance route's out-of-scope case (null: the route reads only the caller's own units or session). */
export function governanceScopeCases(ids: GovernanceScopeIds): Record<string, GovernanceScopeCase | null> {
  const L = 'lingcheng.worker';
  const app = (step: string) => (id: string) => `/console/api/applications/${id}/${step}`;
  const ev = (step: string) => (id: string) => `/console/api/evaluations/${id}/${step}`;
  return {
    'GET /console/api/governance/form': null,
    // The reviewers' list and the evaluations list read the caller's own units (and industries) only; the
    // public notice is open to anyone signed in (objection counts only for the caller's own units).
    'GET /console/api/applications': null,
    'GET /console/api/applications/notice': null,
    'GET /console/api/applications/:applicationId': onRecord(
      L,
      (id) => `/console/api/applications/${id}`,
      () => ids.application,
      null,
      'APPLICATION_NOT_FOUND',
      'detail',
    ),
    'POST /console/api/applications': {
      as: L,
      outside: () => [
        '/console/api/applications',
        paperApplication({ clientRequestId: 'scope-gov-apply-c1' }),
      ],
      missing: () => [
        '/console/api/applications',
        paperApplication({
          orgUnitId: '999999999999',
          serviceAreaOrgUnitIds: ['999999999999'],
          clientRequestId: 'scope-gov-apply-c2',
        }),
      ],
      code: 'APPLICATION_UNIT_NOT_FOUND',
    },
    'POST /console/api/applications/:applicationId/assess': onRecord(
      L,
      app('assess'),
      () => ids.application,
      {
        sheet: { qualification: 15, management: 15, service: 15, price: 15, capacity: 15 },
        comment: '资料齐全',
        recommend: true,
      },
      'APPLICATION_NOT_FOUND',
      'assess',
    ),
    'POST /console/api/applications/:applicationId/decide': onRecord(
      L,
      app('decide'),
      () => ids.application,
      { to: 'under_review' },
      'APPLICATION_NOT_FOUND',
      'decide',
    ),
    'POST /console/api/applications/:applicationId/sign': onRecord(
      L,
      app('sign'),
      () => ids.application,
      {
        agreementVersion: 'YL-HS-2026-01',
        accept: true,
        paper: { signerName: '陈国栋', signedOn: '2025-03-20' },
      },
      'APPLICATION_NOT_FOUND',
      'sign',
    ),
    'POST /console/api/objections/:objectionId/answer': onRecord(
      L,
      (id) => `/console/api/objections/${id}/answer`,
      () => ids.objection,
      { decision: 'dismissed', reply: '经核实不属实' },
      'OBJECTION_NOT_FOUND',
      'answer',
    ),
    'GET /console/api/evaluations': null,
    'GET /console/api/evaluations/campaigns': onUnit('street.worker', '/console/api/evaluations/campaigns'),
    'POST /console/api/evaluations/campaigns': {
      as: 'street.leader',
      outside: () => [
        '/console/api/evaluations/campaigns',
        {
          orgUnitId: OTHER_STREET,
          year: 2025,
          kind: 'ad_hoc',
          title: '专项考核',
          clientRequestId: 'scope-gov-c1',
        },
      ],
      missing: () => [
        '/console/api/evaluations/campaigns',
        {
          orgUnitId: '999999999',
          year: 2025,
          kind: 'ad_hoc',
          title: '专项考核',
          clientRequestId: 'scope-gov-c2',
        },
      ],
      code: 'EVALUATION_UNIT_NOT_FOUND',
    },
    'GET /console/api/evaluations/rectification': onUnit(
      'street.worker',
      '/console/api/evaluations/rectification',
    ),
    'GET /console/api/evaluations/:evaluationId': onRecord(
      L,
      (id) => `/console/api/evaluations/${id}`,
      () => ids.evaluation,
      null,
      'EVALUATION_NOT_FOUND',
      'evaluation',
    ),
    'POST /console/api/evaluations/:evaluationId/input': onRecord(
      L,
      ev('input'),
      () => ids.evaluation,
      { reviewerScore: 80, comment: '服务规范' },
      'EVALUATION_NOT_FOUND',
      'input',
    ),
    'POST /console/api/evaluations/:evaluationId/evaluate': onRecord(
      'lingcheng.worker',
      ev('evaluate'),
      () => ids.evaluation,
      { grade: 'qualified', outcome: 'commend', problems: [], summary: '合格' },
      'EVALUATION_NOT_FOUND',
      'evaluate',
    ),
    'POST /console/api/providers/:providerId/recheck': onRecord(
      'street.leader',
      (id) => `/console/api/providers/${id}/recheck`,
      () => ids.otherProvider,
      { fixed: true, reason: '整改到位' },
      'PROVIDER_NOT_FOUND',
      'recheck',
    ),
    'POST /console/api/providers/:providerId/remove': onRecord(
      'street.leader',
      (id) => `/console/api/providers/${id}/remove`,
      () => ids.otherProvider,
      { reason: '严重违规' },
      'PROVIDER_NOT_FOUND',
      'remove',
    ),
    'GET /console/api/reports': null,
    'GET /console/api/reports/:reportId/document': onRecord(
      L,
      (id) => `/console/api/reports/${id}/document`,
      () => ids.report,
      null,
      'REPORT_NOT_FOUND',
      'report',
    ),
    'GET /console/api/complaints': null,
    'POST /console/api/complaints/:complaintId/decide': onRecord(
      L,
      (id) => `/console/api/complaints/${id}/decide`,
      () => ids.complaint,
      { upheld: false, reply: '经核实不属实' },
      'COMPLAINT_NOT_FOUND',
      'complaint',
    ),
    'GET /console/api/tickets': null,
    'GET /console/api/appeals': null,
    'POST /console/api/appeals/:appealId/decide': onRecord(
      L,
      (id) => `/console/api/appeals/${id}/decide`,
      () => ids.appeal,
      { upheld: false, reason: '评价属实' },
      'APPEAL_NOT_FOUND',
      'appeal',
    ),
    'GET /console/api/offerings/pending': onUnit('street.worker', '/console/api/offerings/pending'),
    'POST /console/api/offerings/:offeringId/review': onRecord(
      L,
      (id) => `/console/api/offerings/${id}/review`,
      () => ids.offering,
      { approve: true },
      'OFFERING_NOT_FOUND',
      'offering',
    ),
  };
}

/** The governance routes that write (the CSRF check's list). */
export function governanceWrites(cases: Record<string, unknown>): string[] {
  return Object.keys(cases).filter((r) => r.startsWith('POST '));
}
