/**
 * provider.apply (入驻申请): a legal person applies to a community's (or grid's) party organisation to serve
 * residents on the platform, in the mini-program; or a worker or leader of that unit enters a paper form for
 * it (`paper`: when it was received and the applicant's phone; provider.apply in their unit scope). The credit code's check character is the
 * schema's (PROVIDER_CREDIT_CODE_INVALID); a blacklisted code is refused with the removal's reason
 * (APPLICATION_BLACKLISTED); a code with an application under way, or a provider on the platform, is
 * APPLICATION_DUPLICATE. The items must be in the catalogue; their categories give the application's
 * industries (whose regulators assess it). Published texts (name, introduction, rules, descriptions) go
 * through content security. The unit's workers and leaders are told there is one to review.
 *
 * With `applicationId` the applicant (or, for a paper one, the unit's worker) files their returned
 * application again, amended: the same record, back to `applied`.
 */
import { authorize, can } from '../auth/authorize';
import { listScope } from '../auth/list-scope';
import type { Actor } from '../auth/roles';
import { recordEvent, runCommand } from '../kernel/command.runner';
import type { DatabasePort, TransactionPort } from '../kernel/database.port';
import { DomainError, isDomainError } from '../kernel/errors';
import { requireIdentity } from '../kernel/identity';
import { orThrow } from '../kernel/outcome';
import { DEFAULT_PLATFORM_CONFIG } from '../kernel/platform.config';
import type { PlatformPorts, UseCaseInput } from '../kernel/use-case';
import { APPLICATION_LIFECYCLE, APPLICATION_STATUS_LABELS } from '../lifecycle/application.lifecycle';
import type { Application, ApplicationPaper } from '../model/application.model';
import type { Industry } from '../model/industry.model';
import { COLLECTIONS } from '../model/collections.model';
import type { OrgUnit } from '../model/org-unit.model';
import type { BlacklistEntry, Provider } from '../model/provider.model';
import { INVALID_INPUT, parseCommand } from '../schemas/command.parser';
import {
  CREDIT_CODE_CHECKSUM_MESSAGE,
  providerApplicationSchema,
  type ProviderApplicationCommand,
} from '../schemas/provider.schema';
import {
  APPLICATION_TODO_PHRASES,
  applicationTarget,
  industriesOfItems,
  itemFacts,
  notifyAfterCommit,
  OPEN_APPLICATION_STATUSES,
  reviewersAt,
  todoMessages,
  type ItemFacts,
} from './application-access';
import { applicationError, blacklistedError } from './application.errors';
import type { ApplicationStepResult } from './application.replies';

/** Parse; a wrong check character alone is PROVIDER_CREDIT_CODE_INVALID (still a schema error, with its issues). */
export function parseApplication(input: unknown): ProviderApplicationCommand {
  try {
    return parseCommand(providerApplicationSchema, input);
  } catch (e) {
    if (!isDomainError(e) || e.code !== INVALID_INPUT) throw e;
    const issues = (e.details?.issues ?? []) as { path: string; message: string }[];
    if (issues.length > 0 && issues.every((i) => i.message === CREDIT_CODE_CHECKSUM_MESSAGE)) {
      throw new DomainError('PROVIDER_CREDIT_CODE_INVALID', CREDIT_CODE_CHECKSUM_MESSAGE, { issues });
    }
    throw e;
  }
}

/** A community or grid: where applications are filed. */
async function grassrootsUnit(db: DatabasePort, unitId: string): Promise<OrgUnit | null> {
  const unit = await db.get<OrgUnit>(COLLECTIONS.orgUnits, unitId);
  return unit !== null && (unit.level === 'community' || unit.level === 'grid') ? unit : null;
}

/** A person's worker and leader grants only: what a paper form (纸质申请) is entered under. */
function staffGrants(actor: Actor): Actor {
  return {
    openid: actor.openid,
    grants: actor.grants.filter((g) => g.role === 'worker' || g.role === 'leader'),
  };
}

/**
 * Who files (provider.apply): the applicant for themselves (a resident, in the mini-program); or, for a paper
 * form (`paper`), a worker or leader whose units contain the unit (another unit answers like one that does not
 * exist). A worker or leader files only paper forms: without `paper` they are told to enter the form
 * (APPLICATION_PAPER_REQUIRED), never made the applicant of someone else's application.
 */
async function filingUnit(
  db: DatabasePort,
  actor: Actor,
  command: ProviderApplicationCommand,
): Promise<OrgUnit> {
  const unit = await grassrootsUnit(db, command.orgUnitId);
  const staff = staffGrants(actor);
  const filesPaper = listScope(staff, 'provider.apply');
  if (command.paper === undefined) {
    if (filesPaper.ok) throw applicationError('APPLICATION_PAPER_REQUIRED');
    authorize(actor, 'provider.apply', { ownerOpenid: actor.openid }, { roles: ['resident'] });
    if (unit === null) throw applicationError('APPLICATION_UNIT_NOT_FOUND', { orgUnitId: command.orgUnitId });
    return unit;
  }
  orThrow(filesPaper);
  if (unit === null || !can(staff, 'provider.apply', { orgPath: unit.path })) {
    throw applicationError('APPLICATION_UNIT_NOT_FOUND', { orgUnitId: command.orgUnitId });
  }
  return unit;
}

/** The service area's units, in the order given (APPLICATION_AREA_NOT_FOUND for one that does not exist). */
async function serviceArea(db: DatabasePort, unitIds: readonly string[]): Promise<OrgUnit[]> {
  const units: OrgUnit[] = [];
  for (const unitId of unitIds) {
    const unit = await db.get<OrgUnit>(COLLECTIONS.orgUnits, unitId);
    if (unit === null) throw applicationError('APPLICATION_AREA_NOT_FOUND', { orgUnitId: unitId });
    units.push(unit);
  }
  return units;
}

/** The items, each in the catalogue and switched on (APPLICATION_ITEM_NOT_FOUND otherwise). */
async function catalogueItems(db: DatabasePort, itemIds: readonly string[]): Promise<ItemFacts[]> {
  const facts = await itemFacts(db, itemIds, true);
  return facts.map((f, i) => {
    if (f === null) throw applicationError('APPLICATION_ITEM_NOT_FOUND', { itemId: itemIds[i] });
    return f;
  });
}

/**
 * The blacklist (APPLICATION_BLACKLISTED with the reason), then one application under way per credit code
 * and none for a provider already on the platform (APPLICATION_DUPLICATE). `ownId`: the application being
 * filed again, which does not count against itself.
 */
export async function assertCreditCodeFree(
  db: DatabasePort,
  creditCode: string,
  ownId: string | null,
): Promise<void> {
  const listed = await db.findOne<BlacklistEntry>(
    COLLECTIONS.blacklistEntries,
    { creditCode },
    { fields: ['reason', 'providerName'] },
  );
  if (listed !== null) throw blacklistedError(listed.reason, { creditCode });
  const [open, provider] = await Promise.all([
    db.find<Application>(
      COLLECTIONS.applications,
      { creditCode, status: db.command.in([...OPEN_APPLICATION_STATUSES]) },
      { fields: ['_id'], limit: 5 },
    ),
    db.findOne<Provider>(COLLECTIONS.providers, { creditCode }, { fields: ['_id', 'blacklisted'] }),
  ]);
  if (provider !== null && provider.blacklisted) throw blacklistedError('', { creditCode });
  if (provider !== null || open.some((a) => a._id !== ownId)) {
    throw applicationError('APPLICATION_DUPLICATE', { creditCode });
  }
}

/** The texts residents will read on the notice, checked as published (scene 'forum'). */
async function screenTexts(input: UseCaseInput, command: ProviderApplicationCommand): Promise<void> {
  const texts = [
    command.name,
    command.introduction,
    command.managementRules,
    ...command.offerings.map((o) => o.description),
  ];
  for (const text of texts) {
    if (text.trim().length === 0) continue;
    const verdict = await input.ports.contentSecurity.check(text, input.actor.openid, 'forum');
    if (verdict === 'risky') throw applicationError('APPLICATION_TEXT_RISKY');
  }
}

/** The application's particulars as filed (the same on a first filing and a second). */
function particularsOf(
  command: ProviderApplicationCommand,
  unit: OrgUnit,
  area: readonly OrgUnit[],
  industries: readonly Industry[],
) {
  return {
    orgUnitId: unit._id,
    orgPath: unit.path,
    name: command.name,
    creditCode: command.creditCode,
    legalRepresentative: command.legalRepresentative,
    contactName: command.contactName,
    contactPhone: command.contactPhone,
    address: command.address,
    introduction: command.introduction,
    managementRules: command.managementRules,
    qualifications: command.qualifications.map((q) => ({
      name: q.name,
      number: q.number,
      ...(q.validUntil === undefined ? {} : { validUntil: q.validUntil }),
      fileIds: q.fileIds,
    })),
    serviceAreaUnitIds: area.map((u) => u._id),
    serviceAreaPaths: area.map((u) => u.path),
    offerings: command.offerings.map((o) => ({
      itemId: o.itemId,
      pricing: o.pricing,
      description: o.description,
    })),
    industries: [...industries],
  };
}

type Particulars = ReturnType<typeof particularsOf>;

function paperOf(command: ProviderApplicationCommand, actor: Actor): ApplicationPaper | null {
  return command.paper === undefined ? null : { ...command.paper, enteredBy: actor.openid };
}

/** A returned application filed again, amended (the applicant's own, or a paper one of the worker's unit). */
async function refile(
  tx: TransactionPort,
  ports: PlatformPorts,
  actor: Actor,
  command: ProviderApplicationCommand,
  particulars: Particulars,
  now: number,
): Promise<void> {
  const applicationId = command.applicationId!;
  const current = await tx.get<Application>(COLLECTIONS.applications, applicationId);
  const own =
    current !== null &&
    ((current.paper ?? null) === null
      ? current.applicantOpenid === actor.openid && command.paper === undefined
      : command.paper !== undefined && current.orgPath === particulars.orgPath);
  if (current === null || !own) throw applicationError('APPLICATION_NOT_FOUND', { applicationId });
  if (current.status !== 'returned') {
    throw applicationError('APPLICATION_NOT_RESUBMITTABLE', { status: current.status });
  }
  const step = APPLICATION_LIFECYCLE.authorizeAndTransition(
    actor,
    current,
    'applied',
    applicationTarget(current),
    now,
  );
  const paper = paperOf(command, actor);
  await tx.update(COLLECTIONS.applications, current._id, {
    ...particulars,
    ...(paper === null ? {} : { paper }),
    status: 'applied',
    statusChangedAt: now,
    updatedAt: now,
  });
  await recordEvent(tx, ports.ids, particulars.orgPath, step.event);
}

/** A new application, with its creation event. Answers its id. */
async function file(
  tx: TransactionPort,
  ports: PlatformPorts,
  actor: Actor,
  command: ProviderApplicationCommand,
  particulars: Particulars,
  now: number,
): Promise<string> {
  const applicationId = ports.ids.next();
  const paper = paperOf(command, actor);
  const application: Application = {
    _id: applicationId,
    applicantOpenid: paper === null ? actor.openid : '',
    ...particulars,
    status: 'applied',
    statusChangedAt: now,
    noticeStartedAt: null,
    noticeEndsAt: null,
    agreementSignedAt: null,
    agreementFileId: null,
    providerId: null,
    paper,
    lastReason: null,
    openObjections: 0,
    noticeEndToldAt: null,
    agreementId: null,
    createdAt: now,
    updatedAt: now,
  };
  await tx.insert(COLLECTIONS.applications, application);
  const details = { paper: paper !== null, industries: particulars.industries };
  // A paper form is entered by the unit's worker (or leader): the event says who, in which role.
  const role = paper === null ? 'resident' : filingRole(actor, particulars.orgPath);
  const event = APPLICATION_LIFECYCLE.creationEvent(
    applicationId,
    { openid: actor.openid, role },
    now,
    details,
  );
  await recordEvent(tx, ports.ids, particulars.orgPath, event);
  return applicationId;
}

export async function applyForProvider(input: UseCaseInput): Promise<ApplicationStepResult> {
  const { ports, actor } = input;
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  requireIdentity(actor);
  const command = parseApplication(input.command);
  const { db } = ports;
  const unit = await filingUnit(db, actor, command);
  const area = await serviceArea(db, command.serviceAreaOrgUnitIds);
  const items = await catalogueItems(
    db,
    command.offerings.map((o) => o.itemId),
  );
  await assertCreditCodeFree(db, command.creditCode, command.applicationId ?? null);
  await screenTexts(input, command);
  const particulars = particularsOf(command, unit, area, industriesOfItems(items));
  const reviewers = await reviewersAt(db, unit.path);

  return runCommand(ports, actor, 'provider.apply', command, async (ctx) => {
    const { tx, now } = ctx;
    const again = command.applicationId !== undefined;
    let applicationId: string;
    if (again) {
      await refile(tx, ports, actor, command, particulars, now);
      applicationId = command.applicationId!;
    } else {
      applicationId = await file(tx, ports, actor, command, particulars, now);
    }
    const phrase = again ? APPLICATION_TODO_PHRASES.resubmitted : APPLICATION_TODO_PHRASES.review;
    const named = { _id: applicationId, name: command.name };
    await notifyAfterCommit(
      ctx,
      ports,
      applicationId,
      todoMessages(config, reviewers, named, phrase, unit.name, now),
      now,
    );
    ctx.audit({
      entityType: 'application',
      entityId: applicationId,
      orgPath: unit.path,
      summary: `${command.paper === undefined ? '提交' : '录入纸质'}入驻申请：${command.name}`,
    });
    return {
      applicationId,
      status: 'applied',
      statusLabel: APPLICATION_STATUS_LABELS.applied,
      statusChangedAt: now,
    };
  });
}

/** The role a worker entering a paper form acts in at the unit: worker, else leader. */
function filingRole(actor: Actor, unitPath: string): 'worker' | 'leader' {
  return can(actor, 'provider.apply', { orgPath: unitPath }, { roles: ['worker'] }) ? 'worker' : 'leader';
}
