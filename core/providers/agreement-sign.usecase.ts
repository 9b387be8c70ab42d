/**
 * provider.application.sign (签订服务协定) and activation. After the notice (公示) has run
 * (APPLICATION_NOTICE_NOT_OVER) with every objection answered (APPLICATION_OBJECTIONS_OPEN), the applicant
 * signs the agreement in force (its version must be `config.governance.agreementVersion`:
 * AGREEMENT_VERSION_OUTDATED) in the mini-program; for a paper agreement the unit's worker records it with the
 * signer's name and date. In ONE transaction:
 * - the provider (status active, its particulars, industries, applicationId, agreementSignedAt, the
 *   reputation of a provider without ratings yet);
 * - its offerings: listed, with the copies matching filters on (servedPaths, providerStatus, reputation...),
 *   so residents of its service area are offered it from the commit on;
 * - the signer's provider_staff manager grant (signed in the mini-program; a signer already staff of another
 *   provider keeps that and gets none: `managerGranted` false);
 * - the agreement record (version, SHA-256 of the text, signer, time) and the application signed.
 */
import type { RoleGrant } from '../auth/roles';
import { recordEvent, runCommand } from '../kernel/command.runner';
import { requireIdentity } from '../kernel/identity';
import { DEFAULT_PLATFORM_CONFIG, type PlatformConfig } from '../kernel/platform.config';
import { shanghaiDayStart } from '../kernel/shanghai-time';
import type { PlatformPorts, UseCaseInput } from '../kernel/use-case';
import type { TransactionPort } from '../kernel/database.port';
import { APPLICATION_LIFECYCLE, assertNoticePeriodOver } from '../lifecycle/application.lifecycle';
import { PROVIDER_LIFECYCLE } from '../lifecycle/provider.lifecycle';
import type { Agreement, Application } from '../model/application.model';
import { COLLECTIONS } from '../model/collections.model';
import type { Offering } from '../model/offering.model';
import type { Provider } from '../model/provider.model';
import { newUser, type User } from '../model/user.model';
import { EMPTY_FOLLOW_UP_AGGREGATE } from '../reputation/ratings.aggregate';
import { providerReputation } from '../reputation/provider-reputation';
import { parseCommand } from '../schemas/command.parser';
import { applicationSignSchema, type ApplicationSignCommand } from '../schemas/provider.schema';
import {
  APPLICATION_PROGRESS_PHRASES,
  applicationTarget,
  itemFacts,
  loadApplication,
  notifyAfterCommit,
  progressMessage,
  statusLabelOf,
  unitName,
  type ItemFacts,
} from './application-access';
import { applicationError } from './application.errors';
import type { ApplicationSignResult } from './application.replies';
import { agreementTextOf, type AgreementText } from './agreement.text';

/** The agreement record of an application (one per application). */
export function agreementIdOf(applicationId: string): string {
  return `agr-${applicationId}`;
}

/** A provider on the platform from its signed application, before any rating. */
function newProvider(
  id: string,
  application: Application,
  reputation: ReturnType<typeof providerReputation>,
  now: number,
): Provider {
  return {
    _id: id,
    name: application.name,
    creditCode: application.creditCode,
    legalRepresentative: application.legalRepresentative,
    contactName: application.contactName,
    contactPhone: application.contactPhone,
    address: application.address,
    introduction: application.introduction,
    managementRules: application.managementRules,
    qualifications: application.qualifications,
    serviceAreaUnitIds: application.serviceAreaUnitIds,
    serviceAreaPaths: application.serviceAreaPaths,
    orgPath: application.orgPath,
    itemIds: application.offerings.map((o) => o.itemId),
    status: 'active',
    statusChangedAt: now,
    rectifyDeadline: null,
    blacklisted: false,
    applicationId: application._id,
    agreementSignedAt: now,
    ratingCount: 0,
    ratingSum: 0,
    starCounts: [0, 0, 0, 0, 0],
    followUpsDue: 0,
    followUpsOnTime: 0,
    latestEvaluationGrade: null,
    latestEvaluationYear: null,
    upheldComplaints: 0,
    reputation: reputation.score,
    starLevel: reputation.starLevel,
    redStar: reputation.redStar,
    reputationUpdatedAt: now,
    ...({ industries: application.industries ?? [] } as object),
    createdAt: now,
    updatedAt: now,
  };
}

/** What the transaction works with besides the application: read outside it (queries). */
interface SignFacts {
  readonly items: ReadonlyMap<string, ItemFacts>;
  readonly userId: string;
  readonly openObjections: number;
}

/** The agreement may be signed now, in this way (the checks after the life cycle's). */
function assertSignable(
  command: ApplicationSignCommand,
  application: Application,
  byApplicant: boolean,
  openObjections: number,
  config: PlatformConfig,
  now: number,
): AgreementText {
  if (byApplicant && command.paper !== undefined) throw applicationError('AGREEMENT_PAPER_NOT_ALLOWED');
  if (!byApplicant && command.paper === undefined) throw applicationError('AGREEMENT_PAPER_REQUIRED');
  const text = agreementTextOf(config.governance.agreementVersion);
  if (command.agreementVersion !== config.governance.agreementVersion || text === null) {
    throw applicationError('AGREEMENT_VERSION_OUTDATED', {
      agreementVersion: config.governance.agreementVersion,
    });
  }
  assertNoticePeriodOver(application, now, config.governance.noticeDays);
  if (openObjections > 0 || (application.openObjections ?? 0) > 0) {
    throw applicationError('APPLICATION_OBJECTIONS_OPEN', { openObjections });
  }
  return text;
}

/** The provider and its listed offerings, with the copies matching reads. Answers the provider. */
async function activate(
  tx: TransactionPort,
  ports: PlatformPorts,
  application: Application,
  items: ReadonlyMap<string, ItemFacts>,
  config: PlatformConfig,
  now: number,
): Promise<Provider> {
  const reputation = providerReputation(
    {
      ratingCount: 0,
      ratingSum: 0,
      starCounts: [0, 0, 0, 0, 0],
      followUpsDue: EMPTY_FOLLOW_UP_AGGREGATE.due,
      followUpsOnTime: EMPTY_FOLLOW_UP_AGGREGATE.onTime,
      latestEvaluationGrade: null,
      upheldComplaints: 0,
    },
    config,
  );
  const provider = newProvider(ports.ids.next(), application, reputation, now);
  // A new provider: the timer step 'board' looks at it on its next run.
  const stored: Provider = { ...provider, boardStale: true };
  await tx.insert(COLLECTIONS.providers, stored);
  for (const o of application.offerings) {
    const offering: Offering = {
      _id: ports.ids.next(),
      providerId: provider._id,
      providerName: provider.name,
      itemId: o.itemId,
      categoryId: items.get(o.itemId)?.categoryId ?? '',
      pricing: o.pricing,
      description: o.description,
      active: true,
      servedPaths: provider.serviceAreaPaths,
      providerStatus: 'active',
      providerBlacklisted: false,
      reputation: reputation.score,
      starLevel: reputation.starLevel,
      ratingCount: 0,
      orgPath: application.orgPath,
      createdAt: now,
      updatedAt: now,
    };
    await tx.insert(COLLECTIONS.offerings, offering);
  }
  return provider;
}

/**
 * The applicant who signs in the mini-program manages the provider there (and invites its staff): the
 * manager grant, unless they are staff of a provider already. Answers the signer's name and whether granted.
 */
async function grantManager(
  tx: TransactionPort,
  openid: string,
  userId: string,
  provider: Provider,
  fallbackName: string,
  now: number,
): Promise<{ signerName: string; granted: boolean }> {
  const user = await tx.get<User>(COLLECTIONS.users, userId);
  const signerName = user?.realName ?? fallbackName;
  const grants = user?.grants ?? [];
  if (grants.some((g) => g.role === 'provider_staff')) return { signerName, granted: false };
  const grant: RoleGrant = {
    role: 'provider_staff',
    providerId: provider._id,
    position: 'manager',
    orgPath: provider.orgPath,
  };
  if (user === null) {
    const created: User = { ...newUser(openid, now), _id: userId, grants: [grant] };
    await tx.insert(COLLECTIONS.users, created);
  } else {
    await tx.update(COLLECTIONS.users, userId, { grants: [...grants, grant], updatedAt: now });
  }
  return { signerName, granted: true };
}

/** The agreement record a signature writes (the sign use case; the demo data's signed applications too). */
export function agreementRecord(
  application: Pick<Application, '_id' | 'orgPath'>,
  provider: Pick<Provider, '_id'>,
  text: AgreementText,
  command: Pick<ApplicationSignCommand, 'paper'>,
  signer: { readonly openid: string | null; readonly name: string; readonly recordedBy: string },
  now: number,
): Agreement {
  const paper = command.paper;
  return {
    _id: agreementIdOf(application._id),
    applicationId: application._id,
    providerId: provider._id,
    version: text.version,
    textHash: text.hash,
    signerOpenid: signer.openid,
    signerName: signer.name,
    paper:
      paper === undefined
        ? null
        : { signerName: paper.signerName, signedOn: paper.signedOn, recordedBy: signer.recordedBy },
    signedAt: paper === undefined ? now : Math.min(now, shanghaiDayStart(paper.signedOn)),
    orgPath: application.orgPath,
  };
}

async function signFacts(ports: PlatformPorts, openid: string, applicationId: string): Promise<SignFacts> {
  const { db } = ports;
  const before = await db.get<Application>(COLLECTIONS.applications, applicationId);
  const facts = await itemFacts(db, before?.offerings.map((o) => o.itemId) ?? []);
  const userRef = await db.findOne<User>(COLLECTIONS.users, { openid }, { fields: ['_id'] });
  const openObjections = await db.count(COLLECTIONS.applicationObjections, { applicationId, status: 'open' });
  return {
    items: new Map(facts.filter((f): f is ItemFacts => f !== null).map((f) => [f.itemId, f])),
    userId: userRef?._id ?? openid,
    openObjections,
  };
}

export async function signAgreement(input: UseCaseInput): Promise<ApplicationSignResult> {
  const { ports, actor } = input;
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  requireIdentity(actor);
  const command = parseCommand(applicationSignSchema, input.command);
  const facts = await signFacts(ports, actor.openid, command.applicationId);

  return runCommand(ports, actor, 'provider.application.sign', command, async (ctx) => {
    const { tx, now } = ctx;
    const application = await loadApplication(tx, actor, command.applicationId);
    const target = applicationTarget(application);
    const step = APPLICATION_LIFECYCLE.authorizeAndTransition(
      actor,
      application,
      'agreement_signed',
      target,
      now,
    );
    const byApplicant = step.event.actor.role === 'resident';
    const text = assertSignable(command, application, byApplicant, facts.openObjections, config, now);
    const provider = await activate(tx, ports, application, facts.items, config, now);
    const signer = byApplicant
      ? await grantManager(tx, actor.openid, facts.userId, provider, application.contactName, now)
      : { signerName: command.paper!.signerName, granted: false };
    const agreement = agreementRecord(
      application,
      provider,
      text,
      command,
      { openid: byApplicant ? actor.openid : null, name: signer.signerName, recordedBy: actor.openid },
      now,
    );
    await tx.insert(COLLECTIONS.agreements, agreement);
    await tx.update(COLLECTIONS.applications, application._id, {
      status: 'agreement_signed',
      statusChangedAt: now,
      agreementSignedAt: now,
      providerId: provider._id,
      agreementId: agreement._id,
      updatedAt: now,
    });
    const details = { providerId: provider._id, agreementVersion: text.version, paper: !byApplicant };
    await recordEvent(tx, ports.ids, application.orgPath, { ...step.event, details });
    const created = PROVIDER_LIFECYCLE.creationEvent(provider._id, step.event.actor, now, {
      applicationId: application._id,
    });
    await recordEvent(tx, ports.ids, application.orgPath, created);
    const unit = await unitName(tx, application.orgUnitId);
    const phrase = APPLICATION_PROGRESS_PHRASES.signed;
    await notifyAfterCommit(
      ctx,
      ports,
      application._id,
      progressMessage(config, application, phrase, unit, now),
      now,
    );
    ctx.audit({
      entityType: 'application',
      entityId: application._id,
      orgPath: application.orgPath,
      role: step.event.actor.role,
      summary: `${byApplicant ? '签订' : '录入纸质'}服务协定（${text.version}），服务机构入驻：${application.name}`,
    });
    return {
      applicationId: application._id,
      providerId: provider._id,
      status: 'agreement_signed',
      statusLabel: statusLabelOf('agreement_signed'),
      agreementId: agreement._id,
      agreementVersion: text.version,
      signedAt: agreement.signedAt,
      offerings: application.offerings.length,
      managerGranted: signer.granted,
    };
  });
}
