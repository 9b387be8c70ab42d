/**
 * Provider-governance records for the permission matrix (permission-matrix.functions.test.ts), each made
 * THROUGH THE REAL FUNCTIONS (`providers`, `orders`, `jobs`) as a user would make it: an application taken
 * to a stage of its review (applied, under review, on notice, notice over, with an open objection), a
 * provider that signed its agreement (and from it: an evaluation draft, a provider under rectification, a
 * removal with its regulators' report, a new offering waiting for review), and from orders: a 差评 ticket (an
 * order rated one star), a rating, an appeal against it, a ticket resolved (so the resident may rate again),
 * a complaint.
 *
 * Applications are filed for one grid of the demo county that no demo provider lies in (so an evaluation
 * campaign of that grid drafts only the providers made here), with one catalogue item of one industry. The
 * notice is made to end by moving the clock past `config.governance.noticeDays` (no timer is run).
 */
import { CATALOG_CATEGORIES, CATALOG_ITEMS } from '../../../core/catalog/catalog.data';
import type { AccessTarget } from '../../../core/auth/authorize';
import type { RoleGrant } from '../../../core/auth/roles';
import { DEFAULT_PLATFORM_CONFIG } from '../../../core/kernel/platform.config';
import type { Industry } from '../../../core/model/industry.model';
import { creditCodeCheckChar } from '../../../core/schemas/credit-code.rules';
import { DEMO_PATHS } from '../../../demo/demo-identities';
import { DAY_MS, MINUTE_MS, type FunctionCloud, type Reply } from './function-cloud';
import { APPLIANCE_REPAIR, ok, orderThrough, rate, type PlacedOrder } from './order-loop';
import type { WrittenUser } from './role-actors';

/** A governance record as the matrix rows use it (the shape of the test's SubjectRecord). */
export interface GovernanceRecord {
  readonly target: AccessTarget;
  readonly place: string;
  readonly providerId: string;
  readonly owner?: WrittenUser;
  readonly ids: Readonly<Record<string, string>>;
}

export type ApplicationStage = 'applied' | 'under_review' | 'noticed' | 'notice_over' | 'objection';

/** The application's item: of one industry, not the one the order rows match (their ranking stays as it is). */
export const GOVERNANCE_ITEM = CATALOG_ITEMS.find(
  (i) => i.id !== APPLIANCE_REPAIR && i.categoryId !== 'cat-housekeeping',
)!.id;

export function industryOfItem(itemId: string): Industry {
  const item = CATALOG_ITEMS.find((i) => i.id === itemId)!;
  return CATALOG_CATEGORIES.find((c) => c.id === item.categoryId)!.industry;
}

export const GOVERNANCE_INDUSTRY: Industry = industryOfItem(GOVERNANCE_ITEM);

const SHEET = { qualification: 18, management: 16, service: 17, price: 19, capacity: 15 };
const NOTICE_MS = DEFAULT_PLATFORM_CONFIG.governance.noticeDays * DAY_MS;

let serial = 0;
function newCreditCode(): string {
  serial += 1;
  const first17 = `91450902MB${String(5_000_000 + serial).padStart(7, '0')}`;
  return first17 + creditCodeCheckChar(first17)!;
}

/** Who takes the records through their steps; written once (`governanceCrew`). */
export interface GovernanceCrew {
  /** The grid the applications are filed for, and its id. */
  readonly gridPath: string;
  readonly gridId: string;
  /** A worker and a leader of the grid's community (the incubation centre, the unit's decisions). */
  readonly worker: WrittenUser;
  readonly leader: WrittenUser;
  /** The county's regulator of GOVERNANCE_INDUSTRY. */
  readonly regulator: WrittenUser;
}

export interface GovernanceDeps {
  readonly cloud: FunctionCloud;
  /** A fresh user with this grant (and the resident grant of the demo grid every WeChat user holds). */
  readonly newUser: (grant: RoleGrant) => Promise<WrittenUser>;
  /** A fresh resident of the demo grid. */
  readonly newResident: () => Promise<WrittenUser>;
}

/** The grid of the demo county (not the demo grid) where no provider lies, with its crew. */
export async function governanceCrew(
  deps: GovernanceDeps,
  providerPaths: readonly string[],
): Promise<GovernanceCrew> {
  const { cloud } = deps;
  const grids = await cloud.find<{ _id: string; path: string }>('org_units', { level: 'grid' }, 1000);
  const grid = grids
    .filter((g) => g.path.startsWith(DEMO_PATHS.county) && g.path !== DEMO_PATHS.grid)
    .sort((a, b) => (a._id < b._id ? -1 : 1))
    .find((g) => !providerPaths.some((p) => p.startsWith(g.path)));
  if (grid === undefined) throw new Error('no grid of the demo county without a provider');
  const community = grid.path
    .split('/')
    .filter((x) => x.length > 0)
    .slice(0, -1);
  const communityPath = `/${community.join('/')}/`;
  return {
    gridPath: grid.path,
    gridId: grid._id,
    worker: await deps.newUser({ role: 'worker', orgPath: communityPath }),
    leader: await deps.newUser({ role: 'leader', orgPath: communityPath }),
    regulator: await deps.newUser({
      role: 'industry_regulator',
      orgPath: DEMO_PATHS.county,
      industry: GOVERNANCE_INDUSTRY,
    }),
  };
}

/** The records' maker: one per test file. */
export function governanceRecords(deps: GovernanceDeps, crew: GovernanceCrew) {
  const { cloud } = deps;
  const rid = (label: string) => cloud.requestId(label);
  const call = async <T>(openid: string, command: string, input: Record<string, unknown>, fn = 'providers') =>
    ok<T>(
      (await cloud.as(openid).call<T>(fn, command, { ...input, clientRequestId: rid('gov') })) as Reply<T>,
    );

  function applicationInput(extra: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      orgUnitId: crew.gridId,
      name: `玉州区红绳便民服务社${serial + 1}`,
      creditCode: newCreditCode(),
      legalRepresentative: '覃法人',
      contactName: '覃经理',
      contactPhone: '0775-2809999',
      address: '玉州区城西街道人民路 18 号',
      introduction: '为社区居民提供上门服务。',
      managementRules: '持证上岗，明码标价，服务后三日内回访，投诉七日内办结。',
      qualifications: [{ name: '营业执照', number: 'YZ-2024-0001', fileIds: ['cloud://docs/license.jpg'] }],
      serviceAreaOrgUnitIds: [crew.gridId],
      offerings: [{ itemId: GOVERNANCE_ITEM, pricing: { kind: 'free' } }],
      commitment: true,
      ...extra,
    };
  }

  /** A resident's application for the grid, taken to `stage` by the crew. */
  async function application(stage: ApplicationStage): Promise<GovernanceRecord> {
    const applicant = await deps.newResident();
    const { applicationId } = await call<{ applicationId: string }>(
      applicant.openid,
      'provider.apply',
      applicationInput(),
    );
    const ids: Record<string, string> = { applicationId };
    if (stage !== 'applied') {
      await call(crew.worker.openid, 'provider.application.decide', { applicationId, to: 'under_review' });
    }
    if (stage === 'noticed' || stage === 'notice_over' || stage === 'objection') {
      const assessment = { applicationId, sheet: SHEET, comment: '资质齐全', recommend: true };
      await call(crew.worker.openid, 'provider.application.assess', assessment);
      await call(crew.regulator.openid, 'provider.application.assess', assessment);
      await call(crew.leader.openid, 'provider.application.decide', { applicationId, to: 'noticed' });
    }
    if (stage === 'objection') {
      const objector = await deps.newResident();
      const { objectionId } = await call<{ objectionId: string }>(
        objector.openid,
        'provider.application.object',
        { applicationId, content: '该机构的收费标准与实际不符，请核实' },
      );
      ids['objectionId'] = objectionId;
    }
    if (stage === 'notice_over') cloud.shiftClock(NOTICE_MS + MINUTE_MS);
    const stored = await cloud.get<{ orgPath: string; industries: string[] }>('applications', applicationId);
    return {
      target: { orgPath: stored!.orgPath, ownerOpenid: applicant.openid, industries: stored!.industries },
      place: stored!.orgPath,
      providerId: '',
      owner: applicant,
      ids,
    };
  }

  /** A provider that went through the whole application and signed: active, its applicant its manager. */
  async function provider(): Promise<GovernanceRecord & { manager: WrittenUser; industries: string[] }> {
    const app = await application('notice_over');
    const manager = app.owner!;
    const { providerId } = await call<{ providerId: string }>(manager.openid, 'provider.application.sign', {
      applicationId: app.ids['applicationId'],
      agreementVersion: DEFAULT_PLATFORM_CONFIG.governance.agreementVersion,
      accept: true,
    });
    const stored = await cloud.get<{ orgPath: string; industries?: string[] }>('providers', providerId);
    const industries = stored!.industries ?? [GOVERNANCE_INDUSTRY];
    const grant: RoleGrant = {
      role: 'provider_staff',
      providerId,
      position: 'manager',
      orgPath: stored!.orgPath,
    };
    return {
      target: { orgPath: stored!.orgPath, providerId, industries },
      place: stored!.orgPath,
      providerId,
      ids: { providerId },
      manager: { ...manager, grants: [grant] },
      industries,
    };
  }

  /** A draft evaluation of `of` (an ad hoc campaign of the grid, started by the leader). */
  async function evaluation(of: GovernanceRecord): Promise<GovernanceRecord> {
    const campaign = await call<{ campaignId: string; evaluationIds: string[] }>(
      crew.leader.openid,
      'evaluation.campaign.start',
      {
        orgUnitId: crew.gridId,
        year: 2025,
        kind: 'ad_hoc',
        title: '服务质量专项考核',
      },
    );
    const drafts = await cloud.find<{ _id: string; providerId: string }>(
      'evaluations',
      { providerId: of.providerId, status: 'draft' },
      100,
    );
    const draft = drafts.find((d) => campaign.evaluationIds.includes(d._id));
    if (draft === undefined) throw new Error(`no draft for ${of.providerId}`);
    return { ...of, ids: { ...of.ids, evaluationId: draft._id, campaignId: campaign.campaignId } };
  }

  /** A provider the leader ordered to rectify (an evaluation with outcome rectify). */
  async function rectifying(): Promise<GovernanceRecord> {
    const made = await provider();
    const draft = await evaluation(made);
    await call(crew.leader.openid, 'provider.evaluate', {
      evaluationId: draft.ids['evaluationId'],
      grade: 'basically_qualified',
      outcome: 'rectify',
      problems: ['回访记录不完整'],
      summary: '回访不及时，责令限期整改',
    });
    return made;
  }

  /** A provider the leader removed, and the regulators' report of it. */
  async function removalReport(): Promise<GovernanceRecord> {
    const made = await provider();
    await call(crew.leader.openid, 'provider.remove', {
      providerId: made.providerId,
      reason: '虚假宣传，情节严重',
    });
    const [report] = await cloud.find<{ _id: string; orgPath: string }>(
      'regulator_reports',
      { providerId: made.providerId },
      1,
    );
    if (report === undefined) throw new Error(`no regulator report for ${made.providerId}`);
    return {
      target: { orgPath: report.orgPath },
      place: report.orgPath,
      providerId: made.providerId,
      ids: { reportId: report._id },
    };
  }

  /** The catalogue items not yet offered by the provider (for new offerings). */
  const usedItems = new Map<string, Set<string>>();
  function newItemFor(providerId: string): string {
    const used = usedItems.get(providerId) ?? new Set([GOVERNANCE_ITEM]);
    usedItems.set(providerId, used);
    const item = CATALOG_ITEMS.find((i) => !used.has(i.id));
    if (item === undefined) throw new Error(`no item left to offer for ${providerId}`);
    used.add(item.id);
    return item.id;
  }

  /** A new item the provider's manager added: pending the unit's review. */
  async function pendingOffering(of: GovernanceRecord & { manager: WrittenUser }): Promise<GovernanceRecord> {
    const itemId = newItemFor(of.providerId);
    await call(of.manager.openid, 'provider.offering.save', {
      providerId: of.providerId,
      itemId,
      pricing: { kind: 'free' },
      active: true,
    });
    const [offering] = await cloud.find<{ _id: string; orgPath: string }>(
      'offerings',
      { providerId: of.providerId, itemId },
      1,
    );
    return { ...of, ids: { ...of.ids, offeringId: offering!._id } };
  }

  /** A resident's order of the demo provider taken to done, and rated with `stars`. */
  async function ratedOrder(stars: number): Promise<GovernanceRecord & { order: PlacedOrder }> {
    const owner = await deps.newResident();
    const order = await orderThrough(cloud, owner.openid, APPLIANCE_REPAIR, 'done');
    const rated = ok(await rate(cloud, order, stars, stars <= 2 ? '师傅迟到了一个小时' : ''));
    const ratingId = (rated as unknown as { ratingId: string }).ratingId;
    const stored = await cloud.get<{ orgPath: string; providerId: string }>('ratings', ratingId);
    return {
      target: { ownerOpenid: owner.openid, providerId: stored!.providerId, orgPath: stored!.orgPath },
      place: stored!.orgPath,
      providerId: stored!.providerId,
      owner,
      ids: { orderId: order.orderId, ratingId, ticketId: `ft-${ratingId}` },
      order,
    };
  }

  /** A manager of the provider (written for the step). */
  const managerOf = (providerId: string, orgPath: string) =>
    deps.newUser({ role: 'provider_staff', providerId, position: 'manager', orgPath });

  /** A 差评 ticket (one star) the provider's manager contacted the resident about (and, `resolved`, resolved). */
  async function followedTicket(resolved: boolean): Promise<GovernanceRecord> {
    const rated = await ratedOrder(1);
    const stored = await cloud.get<{ orgPath: string }>('providers', rated.providerId);
    const manager = await managerOf(rated.providerId, stored!.orgPath);
    const ticketId = rated.ids['ticketId'];
    await call(manager.openid, 'feedback.ticket.contact', {
      ticketId,
      channel: 'phone',
      note: '已电话联系居民',
    });
    if (resolved) {
      await call(manager.openid, 'feedback.ticket.resolve', {
        ticketId,
        outcome: 'fixed',
        note: '已上门重新维修',
      });
    }
    return rated;
  }
  /** Contacted, not yet resolved. */
  const contactedTicket = () => followedTicket(false);
  /** Resolved: the resident may rate once more. */
  const resolvedTicket = () => followedTicket(true);

  /** An appeal of the provider's manager against a one-star rating. */
  async function appeal(): Promise<GovernanceRecord> {
    const rated = await ratedOrder(1);
    const stored = await cloud.get<{ orgPath: string }>('providers', rated.providerId);
    const manager = await managerOf(rated.providerId, stored!.orgPath);
    const { appealId } = await call<{ appealId: string }>(manager.openid, 'rating.appeal', {
      ratingId: rated.ids['ratingId'],
      reason: '该居民未实际接受服务',
    });
    const saved = await cloud.get<{ orgPath: string }>('rating_appeals', appealId);
    return { ...rated, target: { orgPath: saved!.orgPath }, ids: { ...rated.ids, appealId } };
  }

  /** A finished order of a resident (what a complaint is filed against). */
  async function finishedOrder(): Promise<GovernanceRecord> {
    const owner = await deps.newResident();
    const order = await orderThrough(cloud, owner.openid, APPLIANCE_REPAIR, 'done');
    const stored = await cloud.get<{ orgPath: string; providerId: string }>('orders', order.orderId);
    return {
      target: { ownerOpenid: owner.openid, orgPath: stored!.orgPath },
      place: stored!.orgPath,
      providerId: stored!.providerId,
      owner,
      ids: { orderId: order.orderId },
    };
  }

  /** A resident's complaint against a finished order. */
  async function complaint(): Promise<GovernanceRecord> {
    const order = await finishedOrder();
    const { complaintId } = await call<{ complaintId: string }>(order.owner!.openid, 'complaint.submit', {
      orderId: order.ids['orderId'],
      content: '收费高于报价，师傅态度也不好',
      images: [],
    });
    const saved = await cloud.get<{
      orgPath: string;
      providerId: string;
      residentOpenid: string;
      industry?: string;
    }>('complaints', complaintId);
    return {
      ...order,
      target: {
        orgPath: saved!.orgPath,
        providerId: saved!.providerId,
        ownerOpenid: saved!.residentOpenid,
        industries: [saved!.industry ?? 'civil_affairs'],
      },
      ids: { ...order.ids, complaintId },
    };
  }

  return {
    applicationInput,
    application,
    provider,
    evaluation,
    rectifying,
    removalReport,
    pendingOffering,
    newItemFor,
    ratedOrder,
    contactedTicket,
    resolvedTicket,
    appeal,
    finishedOrder,
    complaint,
  };
}

export type GovernanceRecords = ReturnType<typeof governanceRecords>;
