/**
 * `npm run demo -- providers`: one provider's whole life on the platform, narrated in Chinese, through the real
 * `providers`, `orders`, `jobs` and `provider-timers` functions on the demo's local cloud (scripts/demo.ts starts
 * it), with the real node-sdk as each demo identity:
 * - an organisation applies to the demo community; the community worker starts the review and assesses it for
 *   the incubation centre, the county's regulator assesses it for its industries, the leader selects it and the
 *   public notice (公示) begins; a neighbour objects, the worker answers;
 * - the clock passes the notice period, the timer tells the applicant, who signs the agreement: the provider is
 *   active and its offerings are matched;
 * - its first orders: a resident orders, staff accept, finish and follow up; a 1-star rating opens a 差评 ticket,
 *   the manager contacts the resident and fixes it, the resident rates once more;
 * - the community's yearly evaluation orders a rectification; the clock passes the deadline, the timer says the
 *   re-check is due; the leader finds it not fixed: removed, blacklisted and reported to the city and county
 *   regulators (the Word report is generated); matching no longer offers it, and a new application with the same
 *   credit code is refused.
 * Every reply must be OK (or the refusal the narration expects), or it throws.
 */
import tcb from '@cloudbase/node-sdk';
import { CATALOG_CATEGORIES, CATALOG_ITEMS } from '../core/catalog/catalog.data';
import { DEFAULT_PLATFORM_CONFIG } from '../core/kernel/platform.config';
import type { MatchProvidersResult } from '../core/matching/match.reply';
import { INDUSTRY_LABELS } from '../core/model/industry.model';
import type {
  ApplicationDetail,
  ApplicationSignResult,
  ApplicationStepResult,
} from '../core/providers/application.replies';
import type {
  EvaluationCampaignStartResult,
  EvaluationDetail,
  ProviderEvaluateResult,
  RedStarBoardResult,
} from '../core/providers/evaluation.replies';
import type { FeedbackTicketListResult } from '../core/providers/feedback.replies';
import { creditCodeCheckChar } from '../core/schemas/credit-code.rules';
import { DEMO_COMMUNITY_ID, DAY_MS } from '../demo/demo.constants';
import { OPENID_CREDENTIAL_PREFIX } from '../localcloud/functions/functions.actions';
import type { LocalCloud } from '../localcloud/local-cloud';

interface Reply<T> {
  code: string;
  message: string;
  data: T;
}

const APPLICANT = 'demo-applicant-1';
const NEIGHBOUR = 'demo-resident-1';
const RESIDENT = 'demo-resident-1';
const WORKER = 'demo-community-worker-1';
const LEADER = 'demo-community-leader-1';
const REGULATOR = 'demo-regulator-1';
const CITY_REGULATOR = 'demo-city-regulator-1';

const governance = DEFAULT_PLATFORM_CONFIG.governance;

function industryLabelOf(itemId: string): string {
  const item = CATALOG_ITEMS.find((i) => i.id === itemId)!;
  return INDUSTRY_LABELS[CATALOG_CATEGORIES.find((c) => c.id === item.categoryId)!.industry];
}

const itemName = (itemId: string): string => CATALOG_ITEMS.find((i) => i.id === itemId)!.name;

/** The demo's credit code: a fixed body and its GB 32100-2015 check character. */
function demoCreditCode(): string {
  const first17 = '91450902MA5DEMO01'.replace(/[IOSVZ]/g, '0');
  return first17 + creditCodeCheckChar(first17)!;
}

/** Narrate the provider's life on a started local cloud holding the demo data; throws on anything unexpected. */
export async function narrateProvider(cloud: LocalCloud, say: (line: string) => void): Promise<void> {
  let requests = 0;
  const as = (openid: string) => {
    const app = tcb.init({
      env: 'local',
      serviceUrl: cloud.serviceUrl,
      secretId: `${OPENID_CREDENTIAL_PREFIX}${openid}`,
      secretKey: 'local',
    } as never);
    const send = async <T>(
      fn: string,
      command: string,
      input: Record<string, unknown>,
    ): Promise<Reply<T>> => {
      requests += 1;
      const data = { ...input, clientRequestId: `demo-provider-${cloud.clock.now()}-${requests}` };
      return (await app.callFunction({ name: fn, data: { command, input: data } })).result as Reply<T>;
    };
    return {
      /** A call that must succeed. */
      async ok<T>(fn: string, command: string, input: Record<string, unknown> = {}): Promise<T> {
        const reply = await send<T>(fn, command, input);
        if (reply.code !== 'OK') throw new Error(`${fn}/${command} 失败:${reply.code} ${reply.message}`);
        return reply.data;
      },
      /** A call that must be refused with `code`; the refusal's message is returned. */
      async refused(
        fn: string,
        command: string,
        input: Record<string, unknown>,
        code: string,
      ): Promise<string> {
        const reply = await send(fn, command, input);
        if (reply.code !== code) throw new Error(`${fn}/${command} 应被拒绝(${code}),实际:${reply.code}`);
        return reply.message;
      },
    };
  };
  const applicant = as(APPLICANT);
  const worker = as(WORKER);
  const leader = as(LEADER);
  const resident = as(RESIDENT);

  // The clock moves on; the timers due by then run once each.
  const passDays = async (days: number, what: string): Promise<void> => {
    cloud.clock.advance(days * DAY_MS + 60_000);
    const runs = await cloud.timers.runDue();
    const timer = runs.find((r) => r.functionName === 'provider-timers');
    if (timer === undefined || !timer.ok) {
      throw new Error(
        `provider-timers 定时任务没有成功运行:${JSON.stringify(runs.map((r) => r.functionName))}`,
      );
    }
    say(`  时钟前进 ${days} 天(${what}),定时任务 provider-timers 运行。`);
  };

  // The item the new provider has least competition for around the resident: its offer is seen in the match.
  const offeredAround: { itemId: string; count: number }[] = [];
  for (let i = 0; i < CATALOG_ITEMS.length; i += 10) {
    const itemIds = CATALOG_ITEMS.slice(i, i + 10).map((x) => x.id);
    const match = await resident.ok<MatchProvidersResult>('orders', 'match.request', { itemIds });
    for (const m of match.items) offeredAround.push({ itemId: m.itemId, count: m.providers.length });
  }
  const item = offeredAround.sort((a, b) => a.count - b.count)[0]!.itemId;
  const creditCode = demoCreditCode();

  say(`\n【1】玉州区暖心家庭服务中心向金港社区党组织提交入驻申请(服务项目:${itemName(item)},低收费)。`);
  const applicationInput = {
    orgUnitId: DEMO_COMMUNITY_ID,
    name: '玉州区暖心家庭服务中心',
    creditCode,
    legalRepresentative: '覃建华',
    contactName: '覃经理',
    contactPhone: '0775-2809999',
    address: '玉州区城西街道人民路 18 号',
    introduction: '为社区居民提供上门服务。',
    managementRules: '持证上岗，明码标价，服务后三日内回访，投诉七日内办结。',
    qualifications: [{ name: '营业执照', number: 'YZ-2024-0001', validUntil: '2029-12-31', fileIds: [] }],
    serviceAreaOrgUnitIds: [DEMO_COMMUNITY_ID],
    offerings: [
      {
        itemId: item,
        pricing: { kind: 'low_fee', priceFen: 2000, marketPriceFen: 5000, unit: '次' },
        description: '上门服务',
      },
    ],
    commitment: true,
  };
  const dearer = {
    ...applicationInput,
    offerings: [
      { itemId: item, pricing: { kind: 'low_fee', priceFen: 6000, marketPriceFen: 5000, unit: '次' } },
    ],
  };
  say(
    `  收费高于市场价时被拒绝:${await applicant.refused('providers', 'provider.apply', dearer, 'INVALID_INPUT')}`,
  );
  const applied = await applicant.ok<ApplicationStepResult>('providers', 'provider.apply', applicationInput);
  const applicationId = applied.applicationId;
  say(`  已提交,统一社会信用代码 ${creditCode}(校验位正确),状态:${applied.statusLabel}。`);

  say('\n【2】审核:孵化中心(社区工作人员)与行业主管部门共同评估。');
  await worker.ok('providers', 'provider.application.decide', { applicationId, to: 'under_review' });
  const sheet = { qualification: 18, management: 16, service: 17, price: 19, capacity: 15 };
  await worker.ok('providers', 'provider.application.assess', {
    applicationId,
    sheet,
    comment: '资质齐全，管理制度健全',
    recommend: true,
  });
  say(`  孵化中心评分 ${Object.values(sheet).reduce((a, b) => a + b, 0)} 分,推荐。`);
  const regulatorSheet = { ...sheet, price: 17 };
  await as(REGULATOR).ok('providers', 'provider.application.assess', {
    applicationId,
    sheet: regulatorSheet,
    comment: '符合行业要求',
    recommend: true,
  });
  const regulatorTotal = Object.values(regulatorSheet).reduce((a, b) => a + b, 0);
  say(`  县级行业主管部门(${industryLabelOf(item)})评分 ${regulatorTotal} 分,推荐。`);
  const noticed = await leader.ok<ApplicationStepResult>('providers', 'provider.application.decide', {
    applicationId,
    to: 'noticed',
  });
  say(`  社区负责人择优选取:${noticed.statusLabel},公示 ${governance.noticeDays} 天。`);

  say('\n【3】公示期间,居民提出异议(匿名,申请人看不到是谁提的)。');
  const objection = await as(NEIGHBOUR).ok<{ objectionId: string }>(
    'providers',
    'provider.application.object',
    {
      applicationId,
      content: '听说这家机构上门服务时间不准时，请核实。',
    },
  );
  const seen = await applicant.ok<ApplicationDetail>('providers', 'provider.application.detail', {
    applicationId,
  });
  if (JSON.stringify(seen).includes(NEIGHBOUR)) throw new Error('申请人看到了异议人的身份');
  say(`  申请人看到 ${seen.objections.length} 条异议,看不到异议人。`);
  await passDays(governance.noticeDays, '公示期满');
  const signInput = { applicationId, agreementVersion: governance.agreementVersion, accept: true };
  say(
    `  异议未答复前不能签约:${await applicant.refused(
      'providers',
      'provider.application.sign',
      signInput,
      'APPLICATION_OBJECTIONS_OPEN',
    )}`,
  );
  await worker.ok('providers', 'provider.objection.answer', {
    objectionId: objection.objectionId,
    decision: 'dismissed',
    reply: '经核实，该机构已建立预约守时制度，异议不成立。',
  });
  say('  社区工作人员核实并答复:异议不成立。');

  say('\n【4】申请人在小程序签署服务协定。');
  const signed = await applicant.ok<ApplicationSignResult>(
    'providers',
    'provider.application.sign',
    signInput,
  );
  const providerId = signed.providerId;
  say(`  已签署服务协定(版本 ${governance.agreementVersion}),服务机构入驻,状态:正常服务。`);
  const matched = await resident.ok<MatchProvidersResult>('orders', 'match.request', { itemIds: [item] });
  const offered = matched.items[0]!.providers.find((p) => p.providerId === providerId);
  if (offered === undefined) throw new Error('新入驻的机构没有出现在匹配结果中');
  say(
    `  居民勾选“${itemName(item)}”,新机构出现在可选机构中(第 ${matched.items[0]!.providers.indexOf(offered) + 1} 位,新入驻)。`,
  );

  say('\n【5】第一单:居民下单,机构负责人接单、完成、回访;居民给了 1 星。');
  const manager = applicant;
  const { orderId } = await resident.ok<{ orderId: string }>('orders', 'order.create', {
    matchId: matched.matchId,
    itemId: item,
    providerId,
    note: '',
  });
  await manager.ok('jobs', 'order.accept', { orderId });
  await manager.ok('jobs', 'order.done', { orderId });
  await manager.ok('jobs', 'order.follow_up', {
    orderId,
    channel: 'phone',
    summary: '居民反映上门迟到',
    problems: [{ content: '上门时间比约定晚了一小时', handling: '已致歉，下次提前确认时间' }],
    suggestions: [],
  });
  await resident.ok('orders', 'order.rate', { orderId, stars: 1, text: '迟到一个小时，服务一般' });
  const tickets = await manager.ok<FeedbackTicketListResult>('providers', 'feedback.ticket.list', {
    view: 'provider',
  });
  const ticket = tickets.items.find((t) => t.orderId === orderId);
  if (ticket === undefined) throw new Error('1 星评价没有生成差评回访工单');
  say(`  差评回访工单已生成(${ticket.levelLabel}):1 个工作日内联系居民,5 个工作日内整改或说明。`);
  await manager.ok('providers', 'feedback.ticket.contact', {
    ticketId: ticket.ticketId,
    channel: 'phone',
    note: '电话联系居民，致歉并约定再次上门',
  });
  await manager.ok('providers', 'feedback.ticket.resolve', {
    ticketId: ticket.ticketId,
    outcome: 'fixed',
    note: '再次上门处理完毕，居民认可',
  });
  await resident.ok('providers', 'rating.rerate', { orderId, stars: 4, text: '再次上门很负责' });
  say('  机构负责人联系居民并整改,居民再次评价 4 星(只能再评一次)。');

  say('\n【6】社区专项考核:发现问题,责令限期整改。');
  const year = new Date(cloud.clock.now()).getUTCFullYear();
  const campaign = await leader.ok<EvaluationCampaignStartResult>('providers', 'evaluation.campaign.start', {
    orgUnitId: DEMO_COMMUNITY_ID,
    year,
    kind: 'ad_hoc',
    title: `${year} 年度专项考核`,
  });
  const list = await leader.ok<{ items: { evaluationId: string; providerId: string }[] }>(
    'providers',
    'evaluation.list',
    { campaignId: campaign.campaignId, providerId, pageSize: 50 },
  );
  const evaluationId = list.items[0]!.evaluationId;
  const detail = await leader.ok<EvaluationDetail>('providers', 'evaluation.detail', { evaluationId });
  const ind = detail.indicators;
  say(
    `  考核 ${campaign.evaluationCount} 家机构;本机构指标:评价 ${ind?.ratingCount ?? 0} 条,差评率 ${
      ind?.lowRatingRate === null || ind === null ? '—' : `${Math.round(ind.lowRatingRate * 100)}%`
    },回访按时率 ${ind?.followUpPunctuality === null || ind === null ? '—' : `${Math.round(ind.followUpPunctuality * 100)}%`}。`,
  );
  const evaluated = await leader.ok<ProviderEvaluateResult>('providers', 'provider.evaluate', {
    evaluationId,
    grade: 'unqualified',
    outcome: 'rectify',
    problems: ['上门不守时', '回访记录过于简单'],
    summary: '服务问题较多，责令限期整改',
  });
  say(
    `  考核结果:${evaluated.gradeLabel},${evaluated.outcomeLabel};机构状态:${evaluated.providerStatusLabel}。`,
  );

  say('\n【7】整改期满复查:问题依然存在,清退并列入黑名单,报市、县两级监管部门备案。');
  await passDays(governance.rectifyDefaultDays, '整改期限已到');
  await leader.ok('providers', 'provider.recheck', {
    providerId,
    fixed: false,
    reason: '复查发现仍多次超时上门，整改不到位',
  });
  const reports = await as(CITY_REGULATOR).ok<{ items: { reportId: string; providerName: string }[] }>(
    'providers',
    'provider.report.list',
    { pageSize: 50 },
  );
  const report = reports.items.find((r) => r.providerName === '玉州区暖心家庭服务中心');
  if (report === undefined) throw new Error('市级监管部门看不到清退报备记录');
  const document = await as(CITY_REGULATOR).ok<{ fileName: string; contentBase64: string }>(
    'providers',
    'provider.report.document',
    { reportId: report.reportId },
  );
  say(
    `  市级行业主管部门看到报备记录,下载《${document.fileName}》(${Math.round(
      Buffer.from(document.contentBase64, 'base64').length / 1024,
    )} KB)。`,
  );
  const after = await resident.ok<MatchProvidersResult>('orders', 'match.request', { itemIds: [item] });
  if (after.items[0]!.providers.some((p) => p.providerId === providerId)) throw new Error('清退后仍被匹配');
  say('  居民再次勾选该服务,已清退的机构不再出现。');
  const again = await as('demo-applicant-2').refused(
    'providers',
    'provider.apply',
    applicationInput,
    'APPLICATION_BLACKLISTED',
  );
  say(`  同一信用代码再次申请入驻被拒绝:${again}`);

  say('\n【8】红星榜(三星及以上,按服务项目和社区):');
  const board = await resident.ok<RedStarBoardResult>('providers', 'provider.board', { pageSize: 3 });
  for (const row of board.items) {
    say(
      `  ${row.rank}. ${row.providerName}(${row.itemName},${row.orgUnitName}):${'★'.repeat(row.starLevel)}`,
    );
  }
  say(`\n演示完成:共 ${requests} 次云函数调用,全部按预期返回。`);
}
