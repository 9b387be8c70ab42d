/**
 * What every application command shares: who may see an application (the applicant, the unit's workers and
 * leaders, the regulators of its industries: provider.application.view), the record loaded inside a
 * transaction (APPLICATION_NOT_FOUND when missing or not the caller's to see, one answer for both), the
 * industries of its items (items -> categories -> industryOf), unit names, and the notices of each step
 * (TPL_APPLICATION_PROGRESS to the applicant, TPL_APPLICATION_TODO to the unit's workers and leaders) written
 * to the outbox in the step's transaction and sent after it commits.
 */
import { can, type AccessTarget } from '../auth/authorize';
import type { Actor, Role } from '../auth/roles';
import type { DatabasePort, TransactionPort } from '../kernel/database.port';
import type { SubscribeMessage } from '../kernel/notifier.port';
import type { PlatformConfig } from '../kernel/platform.config';
import { formatShanghaiMinute } from '../kernel/shanghai-time';
import type { CommandTransaction } from '../kernel/command.runner';
import type { PlatformPorts } from '../kernel/use-case';
import { APPLICATION_STATUS_LABELS, type ApplicationStatus } from '../lifecycle/application.lifecycle';
import type { Application } from '../model/application.model';
import type { ServiceCategory, ServiceItem } from '../model/catalog.model';
import { COLLECTIONS } from '../model/collections.model';
import { INDUSTRY_LABELS, industryOf, type Industry } from '../model/industry.model';
import type { OrgUnit } from '../model/org-unit.model';
import type { User } from '../model/user.model';
import { deliverMessages, enqueueMessages } from '../messaging/message-outbox';
import { fitThing } from '../messaging/template-values';
import { unitIdOfPath } from '../org/org-path';
import { applicationError } from './application.errors';
import type { ApplicationIndustry } from './application.replies';

/** Statuses in which an application is still under way (one per credit code). */
export const OPEN_APPLICATION_STATUSES: readonly ApplicationStatus[] = [
  'applied',
  'under_review',
  'returned',
  'noticed',
];

/** What the matrix checks an application against: its unit, its applicant, its industries. */
export function applicationTarget(
  application: Pick<Application, 'orgPath' | 'applicantOpenid' | 'industries'>,
): AccessTarget {
  return {
    orgPath: application.orgPath,
    ownerOpenid: application.applicantOpenid,
    industries: application.industries ?? [],
  };
}

/** The applicant and the reviewers (the unit's workers and leaders, the regulators of its industries). */
export function canViewApplication(
  actor: Actor,
  application: Pick<Application, 'orgPath' | 'applicantOpenid' | 'industries'>,
): boolean {
  return can(actor, 'provider.application.view', applicationTarget(application));
}

/** The application as the transaction reads it, or APPLICATION_NOT_FOUND (missing, or not the actor's to see). */
export async function loadApplication(
  tx: Pick<TransactionPort, 'get'>,
  actor: Actor,
  applicationId: string,
): Promise<Application> {
  const application = await tx.get<Application>(COLLECTIONS.applications, applicationId);
  if (application === null || !canViewApplication(actor, application)) {
    throw applicationError('APPLICATION_NOT_FOUND', { applicationId });
  }
  return application;
}

/** One item applied for, with its category and industry. */
export interface ItemFacts {
  readonly itemId: string;
  readonly name: string;
  readonly categoryId: string;
  readonly industry: Industry;
}

/**
 * The items (in the order asked), each with its category's industry; null for an item that does not exist
 * or is switched off (`activeOnly`).
 */
export async function itemFacts(
  db: Pick<DatabasePort, 'get'>,
  itemIds: readonly string[],
  activeOnly = false,
): Promise<(ItemFacts | null)[]> {
  const categories = new Map<string, ServiceCategory | null>();
  const out: (ItemFacts | null)[] = [];
  for (const itemId of itemIds) {
    const item = await db.get<ServiceItem>(COLLECTIONS.serviceItems, itemId);
    if (item === null || (activeOnly && (!item.active || item.categoryHidden === true))) {
      out.push(null);
      continue;
    }
    if (!categories.has(item.categoryId)) {
      categories.set(
        item.categoryId,
        await db.get<ServiceCategory>(COLLECTIONS.serviceCategories, item.categoryId),
      );
    }
    const category = categories.get(item.categoryId) ?? null;
    if (activeOnly && (category === null || !category.active)) {
      out.push(null);
      continue;
    }
    out.push({ itemId, name: item.name, categoryId: item.categoryId, industry: industryOf(category ?? {}) });
  }
  return out;
}

/** The distinct industries, sorted. */
export function industriesOfItems(items: readonly Pick<ItemFacts, 'industry'>[]): Industry[] {
  return [...new Set(items.map((i) => i.industry))].sort();
}

export function industryViews(industries: readonly Industry[]): ApplicationIndustry[] {
  return industries.map((industry) => ({ industry, label: INDUSTRY_LABELS[industry] }));
}

/** The name of the unit with this id ('' when it is gone). */
export async function unitName(db: Pick<DatabasePort, 'get'>, unitId: string): Promise<string> {
  return (await db.get<OrgUnit>(COLLECTIONS.orgUnits, unitId))?.name ?? '';
}

export async function unitNameAtPath(db: Pick<DatabasePort, 'get'>, path: string): Promise<string> {
  return unitName(db, unitIdOfPath(path));
}

/** The progress word of TPL_APPLICATION_PROGRESS (`phrase`: at most five characters). */
export const APPLICATION_PROGRESS_PHRASES = {
  under_review: '审核中',
  returned: '退回补充',
  rejected: '未通过',
  noticed: '公示中',
  sign: '请签协定',
  signed: '已入驻',
  objection: '收到异议',
  /** To the objector, when the unit answered their objection. */
  objectionUpheld: '异议成立',
  objectionDismissed: '异议不成立',
} as const;
export type ApplicationProgressPhrase =
  (typeof APPLICATION_PROGRESS_PHRASES)[keyof typeof APPLICATION_PROGRESS_PHRASES];

/** The kind of work in TPL_APPLICATION_TODO (`phrase`). */
export const APPLICATION_TODO_PHRASES = {
  review: '待审核',
  resubmitted: '重新提交',
  objection: '待答复异议',
  objectionsOpen: '异议未答复',
  noticeEnded: '公示期满',
} as const;
export type ApplicationTodoPhrase = (typeof APPLICATION_TODO_PHRASES)[keyof typeof APPLICATION_TODO_PHRASES];

function pageOf(config: PlatformConfig, applicationId: string): string {
  return `${config.pages.applicationDetail}?applicationId=${encodeURIComponent(applicationId)}`;
}

/** TPL_APPLICATION_PROGRESS to the applicant (none for a paper application: no mini-program account). */
export function progressMessage(
  config: PlatformConfig,
  application: Pick<Application, '_id' | 'name' | 'applicantOpenid'>,
  phrase: ApplicationProgressPhrase,
  unit: string,
  at: number,
): SubscribeMessage[] {
  if (application.applicantOpenid.length === 0) return [];
  return [
    {
      touser: application.applicantOpenid,
      templateId: config.templates.applicationProgress,
      page: pageOf(config, application._id),
      data: {
        thing1: { value: fitThing(application.name) },
        phrase2: { value: phrase },
        thing3: { value: fitThing(unit, '社区') },
        time4: { value: formatShanghaiMinute(at) },
      },
    },
  ];
}

/** TPL_APPLICATION_TODO to each recipient (the console opens the application from the message centre). */
export function todoMessages(
  config: PlatformConfig,
  recipients: readonly string[],
  application: Pick<Application, '_id' | 'name'>,
  phrase: ApplicationTodoPhrase,
  unit: string,
  at: number,
): SubscribeMessage[] {
  return recipients.map((touser) => ({
    touser,
    templateId: config.templates.applicationTodo,
    page: pageOf(config, application._id),
    data: {
      thing1: { value: fitThing(application.name) },
      phrase2: { value: phrase },
      thing3: { value: fitThing(unit, '本单位') },
      time4: { value: formatShanghaiMinute(at) },
    },
  }));
}

/** The unit's reviewers: the people holding a worker or leader grant exactly at `unitPath` (at most 50). */
export async function reviewersAt(
  db: DatabasePort,
  unitPath: string,
  roles: readonly Role[] = ['worker', 'leader'],
): Promise<string[]> {
  const users = await db.find<Pick<User, '_id' | 'grants'>>(
    COLLECTIONS.users,
    { 'grants.role': db.command.in([...roles]), 'grants.orgPath': unitPath },
    { fields: ['grants'], orderBy: [['_id', 'asc']], limit: 50 },
  );
  return users
    .filter((u) => u.grants.some((g) => roles.includes(g.role) && g.orgPath === unitPath))
    .map((u) => u._id);
}

/** Write these messages to the outbox in the transaction; sent once it has committed (never on a replay). */
export async function notifyAfterCommit(
  ctx: Pick<CommandTransaction, 'tx' | 'afterCommit'>,
  ports: Pick<PlatformPorts, 'db' | 'ids' | 'notifier'>,
  subjectId: string,
  messages: readonly SubscribeMessage[],
  now: number,
): Promise<void> {
  if (messages.length === 0) return;
  const stored = await enqueueMessages(ctx.tx, ports.ids, subjectId, messages, now);
  ctx.afterCommit(async () => void (await deliverMessages(ports.db, ports.notifier, stored, now)));
}

export function statusLabelOf(status: ApplicationStatus): string {
  return APPLICATION_STATUS_LABELS[status];
}
