/**
 * Fixtures for the order-loop tests: a small org tree, builders for items, providers (with offerings whose
 * copies of the provider's status and reputation agree with it), residents and staff, and the fake ports
 * (a clock the test moves, sequential ids, a notifier that records, content security that follows a script).
 */
import { actorWithResidentGrant, type Actor, type Position } from '../../../core/auth/roles';
import type { ProviderStatus } from '../../../core/lifecycle/provider.lifecycle';
import { COLLECTIONS } from '../../../core/model/collections.model';
import type { ServiceItem } from '../../../core/model/catalog.model';
import type { Offering, OfferingPricing } from '../../../core/model/offering.model';
import type { OrgUnit } from '../../../core/model/org-unit.model';
import type { Provider } from '../../../core/model/provider.model';
import { newUser, type User } from '../../../core/model/user.model';
import { levelOfPath, parentPathOf, unitIdOfPath } from '../../../core/org/org-path';
import { DEFAULT_PLATFORM_CONFIG, type PlatformConfig } from '../../../core/kernel/platform.config';
import type { PlatformPorts } from '../../../core/kernel/use-case';
import { providerReputation } from '../../../core/reputation/provider-reputation';
import type { EvaluationGrade } from '../../../core/reputation/reputation.formula';
import type {
  ContentScene,
  ContentSecurity,
  ContentVerdict,
} from '../../../core/kernel/content-security.port';
import type { Notifier, NotifyOutcome, SubscribeMessage } from '../../../core/kernel/notifier.port';
import type { Clock, IdGenerator } from '../../../core/kernel/ports';
import { checkSendData, loadMessageTemplates } from '../../../localcloud/openapi/message-templates';
import { MemoryDatabase } from './memory-database';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** 2024-05-01 10:00 in Asia/Shanghai. */
export const T0 = Date.UTC(2024, 4, 1, 2, 0, 0);

// The org tree: city 玉林 > county 玉州 > street 玉城 > community 东门 > grids 金港 (g1) and 新城 (g2).
export const CITY = '/yl/';
export const COUNTY = '/yl/yz/';
export const STREET = '/yl/yz/yc/';
export const COMMUNITY = '/yl/yz/yc/dm/';
export const GRID = '/yl/yz/yc/dm/g1/';
export const OTHER_GRID = '/yl/yz/yc/dm/g2/';
export const OTHER_COMMUNITY = '/yl/yz/yc/xm/';
export const OTHER_STREET = '/yl/yz/nj/';
export const OTHER_COUNTY = '/yl/fm/';

const UNIT_NAMES: Record<string, string> = {
  [CITY]: '玉林市',
  [COUNTY]: '玉州区',
  [STREET]: '玉城街道',
  [COMMUNITY]: '东门社区',
  [GRID]: '金港小区',
  [OTHER_GRID]: '新城小区',
  [OTHER_COMMUNITY]: '西门社区',
  [OTHER_STREET]: '南江街道',
  [OTHER_COUNTY]: '福绵区',
};

export const REPAIR = 'item-repair';
export const ELDER_CARE = 'item-eldercare';
export const HAIRCUT = 'item-haircut';
const ITEM_NAMES: Record<string, string> = {
  [REPAIR]: '家电维修',
  [ELDER_CARE]: '陪护老年人',
  [HAIRCUT]: '美容美发',
};

export const RESIDENT = 'o-resident-huang';
export const RESIDENT_PHONE = '13812341234';
export const OTHER_RESIDENT = 'o-resident-li';

export class FakeClock implements Clock {
  constructor(public t = T0) {}
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

export class SequentialIds implements IdGenerator {
  private n = 0;
  next(): string {
    this.n += 1;
    return `id-${String(this.n).padStart(5, '0')}`;
  }
}

/** The platform's templates, checked with the same rules the local cloud (and WeChat) apply to a send. */
const TEMPLATES = loadMessageTemplates();

export class RecordingNotifier implements Notifier {
  readonly sent: SubscribeMessage[] = [];
  /** Openids that have not allowed any template. */
  readonly refusing = new Set<string>();
  async send(message: SubscribeMessage): Promise<NotifyOutcome> {
    // A message WeChat would reject is a bug of the use case: fail the test loudly.
    const template = TEMPLATES.get(message.templateId);
    if (template === undefined) throw new Error(`unknown template ${message.templateId}`);
    const check = checkSendData(template, message.data);
    if (!check.ok) throw new Error(`${message.templateId}: ${check.errmsg} (${check.hint})`);
    if (this.refusing.has(message.touser)) return { ok: false, code: '43101', message: '用户拒绝接受消息' };
    this.sent.push(message);
    return { ok: true };
  }
  to(openid: string, templateId?: string): SubscribeMessage[] {
    return this.sent.filter(
      (m) => m.touser === openid && (templateId === undefined || m.templateId === templateId),
    );
  }
}

export class ScriptedContentSecurity implements ContentSecurity {
  readonly verdicts = new Map<string, ContentVerdict>();
  readonly calls: { text: string; openid: string; scene: ContentScene }[] = [];
  async check(text: string, openid: string, scene: ContentScene): Promise<ContentVerdict> {
    this.calls.push({ text, openid, scene });
    return this.verdicts.get(text) ?? 'pass';
  }
}

export interface World {
  readonly db: MemoryDatabase;
  readonly clock: FakeClock;
  readonly ids: SequentialIds;
  readonly notifier: RecordingNotifier;
  readonly contentSecurity: ScriptedContentSecurity;
  readonly ports: PlatformPorts;
  readonly config: PlatformConfig;
}

/** A fresh world: the org tree, the three items and the resident (with a phone); no providers yet. */
export function createWorld(config: PlatformConfig = DEFAULT_PLATFORM_CONFIG): World {
  const db = new MemoryDatabase();
  const clock = new FakeClock();
  const ids = new SequentialIds();
  const notifier = new RecordingNotifier();
  const contentSecurity = new ScriptedContentSecurity();
  db.seed(
    COLLECTIONS.orgUnits,
    Object.entries(UNIT_NAMES).map(([path, name]): OrgUnit => ({
      _id: unitIdOfPath(path),
      name,
      level: levelOfPath(path),
      parentId: parentPathOf(path) === null ? null : unitIdOfPath(parentPathOf(path)!),
      path,
      fullName: name,
      kind: null,
      divisionCode: null,
      sortOrder: 0,
      createdAt: T0,
      updatedAt: T0,
    })),
  );
  for (const id of Object.keys(ITEM_NAMES)) seedItem(db, id);
  seedUser(db, RESIDENT, { nickname: '黄阿姨', phone: RESIDENT_PHONE, homeOrgPath: GRID });
  seedUser(db, OTHER_RESIDENT, { nickname: '李大爷', phone: '13900001111', homeOrgPath: GRID });
  return {
    db,
    clock,
    ids,
    notifier,
    contentSecurity,
    config,
    ports: { db, clock, ids, notifier, contentSecurity },
  };
}

export function seedItem(db: MemoryDatabase, id: string, overrides: Partial<ServiceItem> = {}): ServiceItem {
  const item: ServiceItem = {
    _id: id,
    name: ITEM_NAMES[id] ?? id,
    categoryId: 'cat-housekeeping',
    description: '',
    sortOrder: 0,
    active: true,
    fromCaseStudy: true,
    createdBy: null,
    orgPath: CITY,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
  db.seed(COLLECTIONS.serviceItems, [item]);
  return item;
}

export function seedUser(db: MemoryDatabase, openid: string, fields: Partial<User> = {}): User {
  const user: User = {
    ...newUser(openid, T0),
    ...fields,
  };
  db.seed(COLLECTIONS.users, [user]);
  return user;
}

export interface ProviderSpec {
  readonly id: string;
  readonly name?: string;
  /** Service area paths (default: the resident's community). */
  readonly serves?: readonly string[];
  readonly items?: readonly string[];
  readonly status?: ProviderStatus;
  readonly blacklisted?: boolean;
  readonly pricing?: OfferingPricing;
  /** Ratings as (count, sum); the star counts are spread to match. */
  readonly ratings?: { readonly count: number; readonly sum: number };
  readonly followUps?: { readonly due: number; readonly onTime: number };
  readonly grade?: EvaluationGrade | null;
  readonly complaints?: number;
  /** Staff openids bound to it (default: one, `staff-<id>`). */
  readonly staff?: readonly string[];
  /** The offering is unlisted. */
  readonly offeringInactive?: boolean;
}

export const LOW_FEE: OfferingPricing = { kind: 'low_fee', priceFen: 3000, marketPriceFen: 5000, unit: '次' };

function starCountsFor(count: number, sum: number): [number, number, number, number, number] {
  // `count` ratings summing to `sum`: as many 5s as fit, the rest spread (any split works for the tests).
  const counts: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  let remainingSum = sum;
  for (let left = count; left > 0; left -= 1) {
    const stars = Math.max(1, Math.min(5, remainingSum - (left - 1)));
    counts[stars - 1] += 1;
    remainingSum -= stars;
  }
  return counts;
}

/** A provider and its offerings, with the copies on the offerings agreeing with the provider. */
export function seedProvider(world: World, spec: ProviderSpec): Provider {
  const ratings = spec.ratings ?? { count: 0, sum: 0 };
  const followUps = spec.followUps ?? { due: 0, onTime: 0 };
  const status = spec.status ?? 'active';
  const blacklisted = spec.blacklisted ?? status === 'removed';
  const serves = spec.serves ?? [COMMUNITY];
  const base = {
    ratingCount: ratings.count,
    ratingSum: ratings.sum,
    starCounts: starCountsFor(ratings.count, ratings.sum),
    followUpsDue: followUps.due,
    followUpsOnTime: followUps.onTime,
    latestEvaluationGrade: spec.grade ?? null,
    upheldComplaints: spec.complaints ?? 0,
  };
  const reputation = providerReputation(base, world.config);
  const provider: Provider = {
    _id: spec.id,
    name: spec.name ?? `服务机构${spec.id}`,
    creditCode: '91450900MA5K000000',
    legalRepresentative: '王某',
    contactName: '王师傅',
    contactPhone: '0775-2345678',
    address: '玉林市玉州区',
    introduction: '',
    managementRules: '',
    qualifications: [],
    orgPath: serves[0]!,
    serviceAreaUnitIds: serves.map(unitIdOfPath),
    serviceAreaPaths: [...serves],
    itemIds: [...(spec.items ?? [REPAIR])],
    status,
    statusChangedAt: T0,
    rectifyDeadline: null,
    blacklisted,
    applicationId: null,
    agreementSignedAt: T0,
    ...base,
    latestEvaluationYear: null,
    reputation: reputation.score,
    starLevel: reputation.starLevel,
    redStar: reputation.redStar,
    reputationUpdatedAt: T0,
    createdAt: T0,
    updatedAt: T0,
  };
  world.db.seed(COLLECTIONS.providers, [provider]);
  world.db.seed(
    COLLECTIONS.offerings,
    provider.itemIds.map((itemId): Offering => ({
      _id: `off-${spec.id}-${itemId}`,
      providerId: provider._id,
      providerName: provider.name,
      itemId,
      categoryId: 'cat-housekeeping',
      pricing: spec.pricing ?? { kind: 'free' },
      description: '',
      active: spec.offeringInactive !== true,
      servedPaths: [...serves],
      providerStatus: status,
      providerBlacklisted: blacklisted,
      reputation: reputation.score,
      starLevel: reputation.starLevel,
      ratingCount: ratings.count,
      orgPath: provider.orgPath,
      createdAt: T0,
      updatedAt: T0,
    })),
  );
  for (const openid of spec.staff ?? [staffOpenid(spec.id)]) {
    seedUser(world.db, openid, {
      nickname: '师傅',
      grants: [{ role: 'provider_staff', providerId: spec.id, position: 'member' }],
    });
  }
  return provider;
}

export function staffOpenid(providerId: string): string {
  return `staff-${providerId}`;
}

/** A resident bound to `orgPath` (as the functions build it: the resident grant from the profile). */
export function residentActor(openid = RESIDENT, orgPath: string | null = GRID): Actor {
  return actorWithResidentGrant(openid, orgPath ?? undefined, []);
}

/** A provider staff member (who is, like every WeChat user, also a resident). */
export function staffActor(
  providerId: string,
  openid = staffOpenid(providerId),
  position: Position = 'member',
): Actor {
  return actorWithResidentGrant(openid, undefined, [{ role: 'provider_staff', providerId, position }]);
}

export function workerActor(orgPath: string, openid = 'o-worker'): Actor {
  return actorWithResidentGrant(openid, undefined, [{ role: 'worker', orgPath }]);
}

let requestSeq = 0;
/** A fresh client request id. */
export function rid(): string {
  requestSeq += 1;
  return `req-${String(requestSeq).padStart(6, '0')}`;
}

/** Await `promise` and return the DomainError code it rejects with (fails the test if it resolves). */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') {
      expect((e as Error).message).toMatch(/[\u4e00-\u9fa5]/);
      return code;
    }
    throw e;
  }
  throw new Error('expected a DomainError, the call succeeded');
}
