/**
 * Provider applications through the real `providers` and `provider-timers` functions on the local cloud
 * (docs/governance.md): apply, review, the assessments of the incubation centre and each industry's
 * regulator, the public notice (公示) and its objections (anonymous to the applicant), the agreement on the
 * controllable clock, and activation producing offerings that matching offers a resident of the served
 * area; each refusal (wrong role, out of scope, another industry's regulator, illegal state, bad input,
 * the checksum, the blacklist, a duplicate) with its code, a Chinese message and nothing written.
 */
import { createHash } from 'node:crypto';
import { CATALOG_CATEGORIES, CATALOG_ITEMS } from '../../core/catalog/catalog.data';
import { DEFAULT_PLATFORM_CONFIG } from '../../core/kernel/platform.config';
import type { Agreement, Application, ApplicationAssessment } from '../../core/model/application.model';
import type { Industry } from '../../core/model/industry.model';
import type { Offering } from '../../core/model/offering.model';
import type { Provider } from '../../core/model/provider.model';
import type { User } from '../../core/model/user.model';
import { AGREEMENT_TEXTS } from '../../core/providers/agreement.text';
import type {
  ApplicationAssessResult,
  ApplicationDetail,
  ApplicationListResult,
  ApplicationMineResult,
  ApplicationSignResult,
  ApplicationStepResult,
  NoticeListResult,
  ObjectionAnswerResult,
  ObjectionSubmitResult,
} from '../../core/providers/application.replies';
import { creditCodeCheckChar } from '../../core/schemas/credit-code.rules';
import { DEMO_PATHS } from '../../demo/demo-identities';
import { DEMO_COMMUNITY_ID, DEMO_GRID_ID } from '../../demo/demo.constants';
import { DAY_MS, MINUTE_MS, functionCloud, type Reply } from './support/function-cloud';
import { DEMO_RESIDENT, matchFor, ok } from './support/order-loop';
import { expectRefusedWritingNothing, platformMark } from './support/platform-writes';
import { writeUser } from './support/role-actors';

const cloud = functionCloud();

const APPLICANT = 'app-applicant-1';
const SECOND_APPLICANT = 'app-applicant-2';
const NEIGHBOUR = 'app-neighbour-1';
const WORKER = 'demo-community-worker-1';
const LEADER = 'demo-community-leader-1';
const FAR_WORKER = 'app-far-worker-1';
const REGULATORS: Partial<Record<Industry, string>> = {};
const OTHER_REGULATOR = 'app-regulator-education';
const OBJECTOR_PHONE = '13907758888';

const VERSION = DEFAULT_PLATFORM_CONFIG.governance.agreementVersion;
const NOTICE_MS = DEFAULT_PLATFORM_CONFIG.governance.noticeDays * DAY_MS;
const TEMPLATES = ['TPL_APPLICATION_PROGRESS', 'TPL_APPLICATION_TODO'];

let serial = 0;
/** A well-formed credit code (GB 32100-2015 check character), new each call. */
function newCreditCode(): string {
  serial += 1;
  const first17 = `91450902MA${String(4_000_000 + serial).padStart(7, '0')}`;
  return first17 + creditCodeCheckChar(first17)!;
}

/** The same code with its check character changed. */
function brokenCode(code: string): string {
  return code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
}

function call<T>(openid: string, command: string, input: unknown = {}): Promise<Reply<T>> {
  return cloud.as(openid).call<T>('providers', command, input);
}

function write<T>(openid: string, command: string, input: Record<string, unknown>): Promise<Reply<T>> {
  return call<T>(openid, command, { ...input, clientRequestId: cloud.requestId(command.replace(/\W/g, '')) });
}

const industryOfItem = (itemId: string): Industry => {
  const item = CATALOG_ITEMS.find((i) => i.id === itemId)!;
  return CATALOG_CATEGORIES.find((c) => c.id === item.categoryId)!.industry;
};

/** Two items for the application: the item least offered around the demo grid, and one of another industry. */
let MATCH_ITEM = '';
let SECOND_ITEM = '';

function applicationInput(creditCode: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    orgUnitId: DEMO_COMMUNITY_ID,
    name: '玉州区暖心家庭服务中心',
    creditCode,
    legalRepresentative: '覃法人',
    contactName: '覃经理',
    contactPhone: '0775-2809999',
    address: '玉州区城西街道人民路 18 号',
    introduction: '为社区居民提供上门服务。',
    managementRules: '持证上岗，明码标价，服务后三日内回访，投诉七日内办结。',
    qualifications: [
      {
        name: '营业执照',
        number: 'YZ-2024-0001',
        validUntil: '2029-12-31',
        fileIds: ['cloud://docs/license.jpg'],
      },
    ],
    serviceAreaOrgUnitIds: [DEMO_COMMUNITY_ID],
    offerings: [
      {
        itemId: MATCH_ITEM,
        pricing: { kind: 'low_fee', priceFen: 2000, marketPriceFen: 5000, unit: '次' },
        description: '上门服务',
      },
      { itemId: SECOND_ITEM, pricing: { kind: 'free' } },
    ],
    commitment: true,
    ...extra,
  };
}

const SHEET = { qualification: 18, management: 16, service: 17, price: 19, capacity: 15 };

async function apply(creditCode = newCreditCode(), by = APPLICANT): Promise<string> {
  return ok(await write<ApplicationStepResult>(by, 'provider.apply', applicationInput(creditCode)))
    .applicationId;
}

async function decide(by: string, applicationId: string, to: string, reason?: string) {
  return write<ApplicationStepResult>(by, 'provider.application.decide', {
    applicationId,
    to,
    ...(reason === undefined ? {} : { reason }),
  });
}

async function assessAll(applicationId: string): Promise<void> {
  ok(
    await write(WORKER, 'provider.application.assess', {
      applicationId,
      sheet: SHEET,
      comment: '资质齐全',
      recommend: true,
    }),
  );
  for (const industry of new Set([industryOfItem(MATCH_ITEM), industryOfItem(SECOND_ITEM)])) {
    ok(
      await write(REGULATORS[industry]!, 'provider.application.assess', {
        applicationId,
        sheet: SHEET,
        comment: '符合行业要求',
        recommend: true,
      }),
    );
  }
}

/** Applied, under review, assessed by everyone and noticed by the leader. */
async function noticed(creditCode = newCreditCode(), by = APPLICANT): Promise<string> {
  const id = await apply(creditCode, by);
  ok(await decide(WORKER, id, 'under_review'));
  await assessAll(id);
  ok(await decide(LEADER, id, 'noticed'));
  return id;
}

const detail = (openid: string, applicationId: string) =>
  call<ApplicationDetail>(openid, 'provider.application.detail', { applicationId });
const applicationOf = async (id: string) => (await cloud.get<Application>('applications', id))!;
const runNoticeTimer = () =>
  (
    cloud.fireTimer as unknown as (
      fn: string,
    ) => Promise<Reply<{ steps: Record<string, Record<string, number>> }>>
  )('provider-timers');

beforeAll(async () => {
  // The item least offered around the demo grid (so a newcomer makes its list), and one of another industry.
  const counts = await Promise.all(
    CATALOG_ITEMS.map(async (i) => ({
      id: i.id,
      n: (await cloud.offeringsCovering(i.id, DEMO_PATHS.grid)).length,
    })),
  );
  counts.sort((a, b) => a.n - b.n || (a.id < b.id ? -1 : 1));
  MATCH_ITEM = counts[0]!.id;
  SECOND_ITEM = CATALOG_ITEMS.find((i) => industryOfItem(i.id) !== industryOfItem(MATCH_ITEM))!.id;
  for (const industry of new Set([industryOfItem(MATCH_ITEM), industryOfItem(SECOND_ITEM)])) {
    REGULATORS[industry] = `app-regulator-${industry}`;
    await writeUser(cloud, REGULATORS[industry]!, [
      { role: 'industry_regulator', orgPath: DEMO_PATHS.county, industry },
    ]);
  }
  const other = (['education', 'housing', 'human_resources'] as const).find(
    (i) => REGULATORS[i] === undefined,
  )!;
  await writeUser(cloud, OTHER_REGULATOR, [
    { role: 'industry_regulator', orgPath: DEMO_PATHS.county, industry: other },
  ]);
  await writeUser(cloud, FAR_WORKER, [{ role: 'worker', orgPath: DEMO_PATHS.secondCommunity }]);
  for (const openid of [APPLICANT, SECOND_APPLICANT, NEIGHBOUR]) await writeUser(cloud, openid, []);
  for (const openid of [APPLICANT, SECOND_APPLICANT, NEIGHBOUR, WORKER, LEADER]) {
    for (const t of TEMPLATES) cloud.grant(openid, t, 500);
  }
});

describe('applying', () => {
  test('a resident applies; the unit’s reviewers are told; it is in their list and in the applicant’s own', async () => {
    const todo = () => cloud.outbox({ touser: WORKER, templateId: 'TPL_APPLICATION_TODO' }).length;
    const before = todo();
    const id = await apply();
    expect(todo()).toBe(before + 1);
    const stored = await applicationOf(id);
    expect(stored).toMatchObject({
      status: 'applied',
      applicantOpenid: APPLICANT,
      orgPath: DEMO_PATHS.community,
      industries: [...new Set([industryOfItem(MATCH_ITEM), industryOfItem(SECOND_ITEM)])].sort(),
    });
    const mine = ok(await call<ApplicationMineResult>(APPLICANT, 'provider.application.mine'));
    expect(mine.items.map((i) => i.applicationId)).toContain(id);
    const list = ok(await call<ApplicationListResult>(WORKER, 'provider.application.list', { pageSize: 50 }));
    expect(list.items.map((i) => i.applicationId)).toContain(id);
    // A regulator lists the applications touching its industry only.
    const regulator = REGULATORS[industryOfItem(MATCH_ITEM)]!;
    const theirs = ok(
      await call<ApplicationListResult>(regulator, 'provider.application.list', { pageSize: 50 }),
    );
    expect(theirs.items.map((i) => i.applicationId)).toContain(id);
    const others = ok(
      await call<ApplicationListResult>(OTHER_REGULATOR, 'provider.application.list', { pageSize: 50 }),
    );
    expect(others.items.map((i) => i.applicationId)).not.toContain(id);
    // Nobody else learns it exists.
    await expectRefusedWritingNothing(cloud, () => detail(NEIGHBOUR, id), 'APPLICATION_NOT_FOUND');
    await expectRefusedWritingNothing(cloud, () => detail(FAR_WORKER, id), 'APPLICATION_NOT_FOUND');
    await expectRefusedWritingNothing(cloud, () => detail(OTHER_REGULATOR, id), 'APPLICATION_NOT_FOUND');
    await expectRefusedWritingNothing(
      cloud,
      () => call(NEIGHBOUR, 'provider.application.list', {}),
      'PERMISSION_DENIED',
    );
  });

  test('bad input is refused in Chinese with nothing written: a missing field, a low fee not below the market price', async () => {
    const { name: _dropped, ...noName } = applicationInput(newCreditCode());
    await expectRefusedWritingNothing(
      cloud,
      () => write(APPLICANT, 'provider.apply', noName),
      'INVALID_INPUT',
    );
    const dearer = applicationInput(newCreditCode(), {
      offerings: [
        {
          itemId: MATCH_ITEM,
          pricing: { kind: 'low_fee', priceFen: 6000, marketPriceFen: 5000, unit: '次' },
        },
      ],
    });
    const reply = await expectRefusedWritingNothing(
      cloud,
      () => write(APPLICANT, 'provider.apply', dearer),
      'INVALID_INPUT',
    );
    expect(reply.message).toContain('低于市场价');
    const unknownItem = applicationInput(newCreditCode(), {
      offerings: [{ itemId: 'item-no-such-thing', pricing: { kind: 'free' } }],
    });
    await expectRefusedWritingNothing(
      cloud,
      () => write(APPLICANT, 'provider.apply', unknownItem),
      'APPLICATION_ITEM_NOT_FOUND',
    );
  });

  test('a credit code with a wrong check character is refused by its checksum', async () => {
    const reply = await expectRefusedWritingNothing(
      cloud,
      () => write(APPLICANT, 'provider.apply', applicationInput(brokenCode(newCreditCode()))),
      'PROVIDER_CREDIT_CODE_INVALID',
    );
    expect(reply.message).toContain('校验位');
  });

  test('a blacklisted credit code is refused with the removal’s reason; a second open application is a duplicate', async () => {
    const code = newCreditCode();
    await cloud.insert('blacklist_entries', [
      {
        _id: `bl-test-${serial}`,
        creditCode: code,
        providerId: 'prv-removed-test',
        providerName: '已清退的测试机构',
        reason: '整改期满后问题依然存在',
        reportedToPaths: [DEMO_PATHS.city, DEMO_PATHS.county],
        createdBy: 'demo-regulator-1',
        createdAt: cloud.now(),
        orgPath: DEMO_PATHS.community,
      },
    ]);
    const reply = await expectRefusedWritingNothing(
      cloud,
      () => write(APPLICANT, 'provider.apply', applicationInput(code)),
      'APPLICATION_BLACKLISTED',
    );
    expect(reply.message).toContain('整改期满后问题依然存在');

    const open = newCreditCode();
    await apply(open);
    await expectRefusedWritingNothing(
      cloud,
      () => write(SECOND_APPLICANT, 'provider.apply', applicationInput(open)),
      'APPLICATION_DUPLICATE',
    );
  });

  test('a worker enters a paper form for their own unit only', async () => {
    const paper = { receivedOn: '2025-03-09', applicantPhone: '13907751111' };
    const created = ok(
      await write<ApplicationStepResult>(
        WORKER,
        'provider.apply',
        applicationInput(newCreditCode(), { paper }),
      ),
    );
    expect(await applicationOf(created.applicationId)).toMatchObject({
      applicantOpenid: '',
      paper: { ...paper, enteredBy: WORKER },
      status: 'applied',
    });
    await expectRefusedWritingNothing(
      cloud,
      () => write(FAR_WORKER, 'provider.apply', applicationInput(newCreditCode(), { paper })),
      'APPLICATION_UNIT_NOT_FOUND',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(NEIGHBOUR, 'provider.apply', applicationInput(newCreditCode(), { paper })),
      'PERMISSION_DENIED',
    );
  });

  test('a worker or leader files under provider.apply, and only paper forms', async () => {
    const paper = { receivedOn: '2025-03-10', applicantPhone: '13907753333' };
    // Without the paper form's particulars a worker is never made the applicant of an application.
    const refused = await expectRefusedWritingNothing(
      cloud,
      () => write(WORKER, 'provider.apply', applicationInput(newCreditCode())),
      'APPLICATION_PAPER_REQUIRED',
    );
    expect(refused.message).toContain('纸质申请');
    await expectRefusedWritingNothing(
      cloud,
      () => write(FAR_WORKER, 'provider.apply', applicationInput(newCreditCode())),
      'APPLICATION_PAPER_REQUIRED',
    );
    // A leader of the unit enters one too; the event says who, as what, under which action.
    const created = ok(
      await write<ApplicationStepResult>(
        LEADER,
        'provider.apply',
        applicationInput(newCreditCode(), { paper }),
      ),
    );
    const events = await cloud.find<{ action: string; actor: { openid: string; role: string }; to: string }>(
      'events',
      { entityType: 'application', entityId: created.applicationId },
      10,
    );
    expect(events).toEqual([
      expect.objectContaining({
        to: 'applied',
        action: 'provider.apply',
        actor: { openid: LEADER, role: 'leader' },
      }),
    ]);

    // Returned for more material, the unit's worker files it again, amended, as the worker.
    const code = (await applicationOf(created.applicationId))!.creditCode;
    ok(await decide(WORKER, created.applicationId, 'under_review'));
    ok(await decide(WORKER, created.applicationId, 'returned', '资质证书照片不清晰'));
    ok(
      await write(WORKER, 'provider.apply', {
        ...applicationInput(code, { paper }),
        applicationId: created.applicationId,
      }),
    );
    const refiled = await cloud.find<{ action: string; actor: { openid: string; role: string }; to: string }>(
      'events',
      { entityType: 'application', entityId: created.applicationId, from: 'returned' },
      10,
    );
    expect(refiled).toEqual([
      expect.objectContaining({
        to: 'applied',
        action: 'provider.apply',
        actor: { openid: WORKER, role: 'worker' },
      }),
    ]);
  });
});

describe('review', () => {
  test('start, return with a reason, amend and file again; reject needs the leader; the applicant may withdraw', async () => {
    const id = await apply();
    await expectRefusedWritingNothing(
      cloud,
      () => decide(APPLICANT, id, 'under_review'),
      'PERMISSION_DENIED',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => decide(FAR_WORKER, id, 'under_review'),
      'APPLICATION_NOT_FOUND',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => decide(WORKER, id, 'returned', '缺少资质'),
      'APPLICATION_ILLEGAL_TRANSITION',
    );
    ok(await decide(WORKER, id, 'under_review'));
    await expectRefusedWritingNothing(
      cloud,
      () => decide(WORKER, id, 'returned'),
      'APPLICATION_REASON_REQUIRED',
    );
    const progress = () => cloud.outbox({ touser: APPLICANT, templateId: 'TPL_APPLICATION_PROGRESS' }).length;
    const p0 = progress();
    ok(await decide(WORKER, id, 'returned', '请补充食品经营许可证'));
    expect(progress()).toBe(p0 + 1);
    expect(ok(await detail(APPLICANT, id)).lastReason).toBe('请补充食品经营许可证');
    expect(ok(await detail(APPLICANT, id)).actions.canResubmit).toBe(true);
    const stored = await applicationOf(id);
    const again = ok(
      await write<ApplicationStepResult>(
        APPLICANT,
        'provider.apply',
        applicationInput(stored.creditCode, { applicationId: id, introduction: '已补充材料。' }),
      ),
    );
    expect(again).toMatchObject({ applicationId: id, status: 'applied' });
    expect((await applicationOf(id)).introduction).toBe('已补充材料。');
    // Someone else's returned application is not theirs to file.
    ok(await decide(WORKER, id, 'under_review'));
    await expectRefusedWritingNothing(
      cloud,
      () => decide(WORKER, id, 'rejected', '不符合条件'),
      'APPLICATION_ACTOR_NOT_ALLOWED',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(NEIGHBOUR, 'provider.application.withdraw', { applicationId: id }),
      'APPLICATION_NOT_FOUND',
    );
    ok(await write(APPLICANT, 'provider.application.withdraw', { applicationId: id, reason: '暂不入驻' }));
    expect((await applicationOf(id)).status).toBe('withdrawn');
    // A withdrawn application no longer holds its credit code.
    await apply(stored.creditCode, APPLICANT);

    const rejected = await apply();
    ok(await decide(WORKER, rejected, 'under_review'));
    ok(await decide(LEADER, rejected, 'rejected', '服务能力不足'));
    expect((await applicationOf(rejected)).status).toBe('rejected');
  });

  test('the notice needs the incubation centre’s assessment and one per industry; a new assessment replaces the older, kept', async () => {
    const id = await apply();
    ok(await decide(WORKER, id, 'under_review'));
    const missing = await expectRefusedWritingNothing(
      cloud,
      () => decide(LEADER, id, 'noticed'),
      'APPLICATION_ASSESSMENT_MISSING',
    );
    expect(missing.message).toContain('孵化中心');
    expect(missing.message).toContain('行业主管部门');
    // Bad sheets and another industry's regulator are refused.
    await expectRefusedWritingNothing(
      cloud,
      () =>
        write(WORKER, 'provider.application.assess', {
          applicationId: id,
          sheet: { ...SHEET, price: 21 },
          comment: '好',
          recommend: true,
        }),
      'INVALID_INPUT',
    );
    await expectRefusedWritingNothing(
      cloud,
      () =>
        write(OTHER_REGULATOR, 'provider.application.assess', {
          applicationId: id,
          sheet: SHEET,
          comment: '好',
          recommend: true,
        }),
      'APPLICATION_NOT_FOUND',
    );
    await expectRefusedWritingNothing(
      cloud,
      () =>
        write(APPLICANT, 'provider.application.assess', {
          applicationId: id,
          sheet: SHEET,
          comment: '好',
          recommend: true,
        }),
      'PERMISSION_DENIED',
    );
    const first = ok(
      await write<ApplicationAssessResult>(WORKER, 'provider.application.assess', {
        applicationId: id,
        sheet: SHEET,
        comment: '初评',
        recommend: false,
      }),
    );
    expect(first).toMatchObject({
      assessor: 'incubation',
      assessorLabel: '孵化中心',
      total: 85,
      replaced: false,
    });
    expect(first.missingAssessments).toHaveLength(
      new Set([industryOfItem(MATCH_ITEM), industryOfItem(SECOND_ITEM)]).size,
    );
    await assessAll(id);
    const stored = await cloud.find<ApplicationAssessment>('application_assessments', { applicationId: id });
    expect(stored.filter((a) => a.supersededAt === null)).toHaveLength(1 + first.missingAssessments.length);
    expect(stored.filter((a) => a.supersededAt !== null).map((a) => a.comment)).toEqual(['初评']);
    const view = ok(await detail(WORKER, id));
    expect(view.missingAssessments).toEqual([]);
    expect(view.assessments.find((a) => a.assessor === 'incubation')!.comment).toBe('资质齐全');
    expect(view.actions.canNotice).toBe(false); // a worker: only the leader publishes
    expect(ok(await detail(LEADER, id)).actions.canNotice).toBe(true);
    await expectRefusedWritingNothing(cloud, () => decide(WORKER, id, 'noticed'), 'PERMISSION_DENIED');
    const at = cloud.now();
    ok(await decide(LEADER, id, 'noticed'));
    const notice = await applicationOf(id);
    expect(notice.status).toBe('noticed');
    expect(notice.noticeEndsAt! - notice.noticeStartedAt!).toBe(NOTICE_MS);
    expect(notice.noticeStartedAt).toBeGreaterThanOrEqual(at);
  });
});

describe('the public notice, objections, the agreement and activation', () => {
  test('from notice to an active provider matching offers', async () => {
    const id = await noticed();
    const stored = await applicationOf(id);

    // The public notice: no legal representative, documents or phones.
    const notices = ok(await call<NoticeListResult>(NEIGHBOUR, 'provider.notice.list', { pageSize: 50 }));
    const row = notices.items.find((n) => n.applicationId === id)!;
    expect(row).toMatchObject({ name: stored.name, noticeEndsAt: stored.noticeEndsAt });
    expect(row.items.map((i) => i.itemId)).toEqual([MATCH_ITEM, SECOND_ITEM]);
    const shown = JSON.stringify(row);
    for (const secret of [
      stored.legalRepresentative,
      stored.contactPhone,
      'YZ-2024-0001',
      'cloud://docs/license.jpg',
    ]) {
      expect(shown).not.toContain(secret);
    }

    // Objections: not the applicant's own; bad content refused; anonymous to the applicant.
    await expectRefusedWritingNothing(
      cloud,
      () => write(APPLICANT, 'provider.application.object', { applicationId: id, content: '我反对' }),
      'APPLICATION_OWN',
    );
    await expectRefusedWritingNothing(
      cloud,
      () =>
        write(NEIGHBOUR, 'provider.application.object', { applicationId: id, content: '这家机构搞网络博彩' }),
      'OBJECTION_TEXT_RISKY',
    );
    const todo = () => cloud.outbox({ touser: WORKER, templateId: 'TPL_APPLICATION_TODO' }).length;
    const t0 = todo();
    const objection = ok(
      await write<ObjectionSubmitResult>(NEIGHBOUR, 'provider.application.object', {
        applicationId: id,
        content: '该机构去年在别的小区收费不透明',
        contactPhone: OBJECTOR_PHONE,
      }),
    );
    expect(todo()).toBe(t0 + 1);
    const seenByApplicant = ok(await detail(APPLICANT, id));
    expect(seenByApplicant.objections).toHaveLength(1);
    expect(seenByApplicant.objections[0]).toMatchObject({
      content: '该机构去年在别的小区收费不透明',
      contactPhone: null,
    });
    const text = JSON.stringify(seenByApplicant);
    expect(text).not.toContain(NEIGHBOUR);
    expect(text).not.toContain(OBJECTOR_PHONE);
    expect(ok(await detail(WORKER, id)).objections[0]!.contactPhone).toBe(OBJECTOR_PHONE);

    // The agreement: not before the notice is over (on the controllable clock).
    const signInput = { applicationId: id, agreementVersion: VERSION, accept: true };
    await expectRefusedWritingNothing(
      cloud,
      () => write(APPLICANT, 'provider.application.sign', signInput),
      'APPLICATION_NOTICE_NOT_OVER',
    );

    // The notice ends: the applicant is told once, the workers of the open objection, even when the timer runs twice.
    cloud.shiftClock(stored.noticeEndsAt! - cloud.now() + MINUTE_MS);
    const toldApplicant = () =>
      cloud
        .outbox({ touser: APPLICANT, templateId: 'TPL_APPLICATION_PROGRESS' })
        .filter((m) => m.data['phrase2']?.value === '请签协定' && m.page.endsWith(`applicationId=${id}`))
        .length;
    const openTold = () =>
      cloud
        .outbox({ touser: WORKER, templateId: 'TPL_APPLICATION_TODO' })
        .filter((m) => m.data['phrase2']?.value === '异议未答复' && m.page.endsWith(`applicationId=${id}`))
        .length;
    const [a0, o0] = [toldApplicant(), openTold()];
    ok(await runNoticeTimer());
    ok(await runNoticeTimer());
    expect(toldApplicant()).toBe(a0 + 1);
    expect(openTold()).toBe(o0 + 1);
    expect((await applicationOf(id)).noticeEndToldAt).not.toBeNull();

    // Late objections are refused; open ones block the agreement until answered.
    await expectRefusedWritingNothing(
      cloud,
      () => write(NEIGHBOUR, 'provider.application.object', { applicationId: id, content: '还有意见' }),
      'APPLICATION_NOT_FOUND',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(APPLICANT, 'provider.application.sign', signInput),
      'APPLICATION_OBJECTIONS_OPEN',
    );
    await expectRefusedWritingNothing(
      cloud,
      () =>
        write(OTHER_REGULATOR, 'provider.objection.answer', {
          objectionId: objection.objectionId,
          decision: 'dismissed',
          reply: '不属实',
        }),
      'OBJECTION_NOT_FOUND',
    );
    await expectRefusedWritingNothing(
      cloud,
      () =>
        write(APPLICANT, 'provider.objection.answer', {
          objectionId: objection.objectionId,
          decision: 'dismissed',
          reply: '不属实',
        }),
      'PERMISSION_DENIED',
    );
    // The reply is checked as the objection was.
    await expectRefusedWritingNothing(
      cloud,
      () =>
        write(WORKER, 'provider.objection.answer', {
          objectionId: objection.objectionId,
          decision: 'dismissed',
          reply: '这家机构搞网络博彩',
        }),
      'OBJECTION_REPLY_RISKY',
    );
    const toldObjector = () =>
      cloud
        .outbox({ touser: NEIGHBOUR, templateId: 'TPL_APPLICATION_PROGRESS' })
        .filter((m) => m.data['phrase2']?.value === '异议不成立');
    const n0 = toldObjector().length;
    const answered = ok(
      await write<ObjectionAnswerResult>(WORKER, 'provider.objection.answer', {
        objectionId: objection.objectionId,
        decision: 'dismissed',
        reply: '经核实，该机构收费均已公示，异议不成立',
      }),
    );
    expect(answered).toMatchObject({ status: 'dismissed', openObjections: 0 });
    // The objector is told, in the message centre too, opening the public notices (not the application).
    const told = toldObjector();
    expect(told).toHaveLength(n0 + 1);
    expect(told.at(-1)).toMatchObject({
      page: DEFAULT_PLATFORM_CONFIG.pages.noticeBoard,
      data: { thing1: { value: expect.stringContaining(stored.name.slice(0, 10)) } },
    });
    const inbox = await cloud.find<{ lines: { label: string; value: string }[] }>(
      'inbox_messages',
      { touser: NEIGHBOUR, subjectId: id },
      20,
    );
    expect(inbox.some((m) => m.lines.some((l) => l.value === '异议不成立'))).toBe(true);
    // The applicant hears nothing naming the objector.
    expect(JSON.stringify(cloud.outbox({ touser: APPLICANT }))).not.toContain(NEIGHBOUR);
    await expectRefusedWritingNothing(
      cloud,
      () =>
        write(WORKER, 'provider.objection.answer', {
          objectionId: objection.objectionId,
          decision: 'upheld',
          reply: '改判',
        }),
      'OBJECTION_ALREADY_ANSWERED',
    );
    expect(ok(await detail(APPLICANT, id)).objections[0]).toMatchObject({
      statusLabel: '异议不成立',
      reply: '经核实，该机构收费均已公示，异议不成立',
    });

    // The version in force only; a worker records paper agreements only.
    await expectRefusedWritingNothing(
      cloud,
      () =>
        write(APPLICANT, 'provider.application.sign', { ...signInput, agreementVersion: 'YL-HS-2000-01' }),
      'AGREEMENT_VERSION_OUTDATED',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(WORKER, 'provider.application.sign', signInput),
      'AGREEMENT_PAPER_REQUIRED',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(NEIGHBOUR, 'provider.application.sign', signInput),
      'APPLICATION_NOT_FOUND',
    );
    const view = ok(await detail(APPLICANT, id));
    expect(view.actions.canSign).toBe(true);
    expect(view.agreementText?.version).toBe(VERSION);

    const signedAt = cloud.now();
    const signed = ok(await write<ApplicationSignResult>(APPLICANT, 'provider.application.sign', signInput));
    expect(signed).toMatchObject({
      status: 'agreement_signed',
      agreementVersion: VERSION,
      offerings: 2,
      managerGranted: true,
    });

    // The agreement record: version, text hash, signer, time.
    const agreement = (await cloud.get<Agreement>('agreements', signed.agreementId))!;
    expect(agreement).toMatchObject({
      applicationId: id,
      providerId: signed.providerId,
      version: VERSION,
      textHash: createHash('sha256').update(AGREEMENT_TEXTS[VERSION]!, 'utf8').digest('hex'),
      signerOpenid: APPLICANT,
      paper: null,
    });
    expect(agreement.signedAt).toBeGreaterThanOrEqual(signedAt);
    expect(ok(await detail(APPLICANT, id)).agreement).toMatchObject({ version: VERSION, paper: false });

    // Activation: the provider active, its offerings matchable, the signer its manager.
    const provider = (await cloud.get<Provider>('providers', signed.providerId))!;
    expect(provider).toMatchObject({
      status: 'active',
      applicationId: id,
      creditCode: stored.creditCode,
      blacklisted: false,
      itemIds: [MATCH_ITEM, SECOND_ITEM],
    });
    const offerings = await cloud.find<Offering>('offerings', { providerId: signed.providerId });
    expect(offerings).toHaveLength(2);
    for (const o of offerings) {
      expect(o).toMatchObject({
        active: true,
        providerStatus: 'active',
        providerBlacklisted: false,
        servedPaths: [DEMO_PATHS.community],
      });
    }
    const user = (await cloud.get<User>('users', APPLICANT))!;
    expect(user.grants).toContainEqual(
      expect.objectContaining({ role: 'provider_staff', providerId: signed.providerId, position: 'manager' }),
    );
    const match = await matchFor(cloud, DEMO_RESIDENT, [MATCH_ITEM]);
    expect(match.items[0]!.providers.map((p) => p.providerId)).toContain(signed.providerId);

    // Signed once: a second signature is an illegal step; a new application for the code is a duplicate.
    await expectRefusedWritingNothing(
      cloud,
      () => write(APPLICANT, 'provider.application.sign', signInput),
      'APPLICATION_ILLEGAL_TRANSITION',
    );
    await expectRefusedWritingNothing(
      cloud,
      () => write(SECOND_APPLICANT, 'provider.apply', applicationInput(stored.creditCode)),
      'APPLICATION_DUPLICATE',
    );
  });

  test('a paper application is signed on paper by the unit’s worker', async () => {
    const paper = { receivedOn: '2025-03-09', applicantPhone: '13907752222' };
    const id = ok(
      await write<ApplicationStepResult>(
        WORKER,
        'provider.apply',
        applicationInput(newCreditCode(), { paper }),
      ),
    ).applicationId;
    ok(await decide(WORKER, id, 'under_review'));
    await assessAll(id);
    ok(await decide(LEADER, id, 'noticed'));
    cloud.shiftClock((await applicationOf(id)).noticeEndsAt! - cloud.now() + MINUTE_MS);
    const before = platformMark(cloud);
    const signed = ok(
      await write<ApplicationSignResult>(WORKER, 'provider.application.sign', {
        applicationId: id,
        agreementVersion: VERSION,
        accept: true,
        paper: { signerName: '覃法人', signedOn: '2025-03-20' },
      }),
    );
    expect(platformMark(cloud)).not.toEqual(before);
    expect(signed.managerGranted).toBe(false);
    const agreement = (await cloud.get<Agreement>('agreements', signed.agreementId))!;
    expect(agreement).toMatchObject({
      signerOpenid: null,
      signerName: '覃法人',
      paper: { signerName: '覃法人', signedOn: '2025-03-20', recordedBy: WORKER },
    });
  });
});

describe('an objection upheld', () => {
  test('sends the application back to review with the reason the applicant reads, or the leader rejects it', async () => {
    const id = await noticed();
    const objection = ok(
      await write<ObjectionSubmitResult>(NEIGHBOUR, 'provider.application.object', {
        applicationId: id,
        content: '该机构的营业执照已过期',
      }),
    );
    ok(
      await write(LEADER, 'provider.objection.answer', {
        objectionId: objection.objectionId,
        decision: 'upheld',
        reply: '经核实属实，退回重新审核',
      }),
    );
    await expectRefusedWritingNothing(
      cloud,
      () => decide(WORKER, id, 'under_review'),
      'APPLICATION_REASON_REQUIRED',
    );
    ok(await decide(WORKER, id, 'under_review', '营业执照过期，请更新后重新审核'));
    const back = ok(await detail(APPLICANT, id));
    expect(back).toMatchObject({
      status: 'under_review',
      lastReason: '营业执照过期，请更新后重新审核',
      noticeEndsAt: null,
    });
    expect(back.objections[0]).toMatchObject({ statusLabel: '异议成立', reply: '经核实属实，退回重新审核' });
    // Noticed again, then withdrawn by the applicant during the notice.
    ok(await decide(LEADER, id, 'noticed'));
    ok(await write(APPLICANT, 'provider.application.withdraw', { applicationId: id }));
    expect((await applicationOf(id)).status).toBe('withdrawn');

    const other = await noticed();
    await expectRefusedWritingNothing(
      cloud,
      () => decide(WORKER, other, 'rejected', '异议成立'),
      'APPLICATION_ACTOR_NOT_ALLOWED',
    );
    ok(await decide(LEADER, other, 'rejected', '异议成立，不予入驻'));
    expect(ok(await detail(APPLICANT, other))).toMatchObject({
      status: 'rejected',
      lastReason: '异议成立，不予入驻',
    });
    const timeline = ok(await detail(APPLICANT, other)).timeline.map((e) => e.label);
    expect(timeline).toEqual(['提交入驻申请', '开始审核', '择优选取，发布公示', '异议成立，不予入驻']);
  });
});

describe('the notice of one unit', () => {
  test('the notice list filters by unit; a unit that does not exist is refused', async () => {
    const list = ok(
      await call<NoticeListResult>(NEIGHBOUR, 'provider.notice.list', {
        orgUnitId: DEMO_GRID_ID,
        pageSize: 50,
      }),
    );
    expect(list.items.every((i) => i.orgUnitId === DEMO_GRID_ID)).toBe(true);
    await expectRefusedWritingNothing(
      cloud,
      () => call(NEIGHBOUR, 'provider.notice.list', { orgUnitId: 'no-such-unit' }),
      'OUT_OF_SCOPE',
    );
  });
});
