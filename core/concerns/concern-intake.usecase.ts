/**
 * Intake: a resident submits a worry or a small wish for the grid or community they live in, or a worker
 * files one for a resident without the mini-program (代办: the resident's name, phone and consent recorded);
 * the text goes through content security; the unit's leaders are told there is one to review. Before
 * submitting, the caller may ask for similar open concerns of the community (`similarConcerns`) and add their
 * voice to one (我也关心, `supportConcern`, counted once per person) instead of filing a duplicate. The
 * resident (or the worker who filed it) may withdraw it until somebody claims it.
 */
import { authorize, can } from '../auth/authorize';
import { listScope } from '../auth/list-scope';
import { orThrow } from '../kernel/outcome';
import type { Actor } from '../auth/roles';
import { CONCERN_LIFECYCLE, CONCERN_STATUS_LABELS } from '../lifecycle/concern.lifecycle';
import { COLLECTIONS } from '../model/collections.model';
import type { Concern, ConcernSupport } from '../model/concern.model';
import type { OrgUnit } from '../model/org-unit.model';
import { residentNameOf, type User } from '../model/user.model';
import { parseCommand } from '../schemas/command.parser';
import {
  concernSimilarSchema,
  concernSubmitSchema,
  concernSupportSchema,
  concernWithdrawSchema,
  type ConcernSubmitCommand,
} from '../schemas/concern.schema';
import { recordEvent, runCommand } from '../kernel/command.runner';
import { DEFAULT_PLATFORM_CONFIG, type PlatformConfig } from '../kernel/platform.config';
import { requireIdentity } from '../kernel/identity';
import type { UseCaseInput } from '../kernel/use-case';
import { deliverMessages, enqueueMessages } from '../messaging/message-outbox';
import { isWithin, unitIdOfPath } from '../org/org-path';
import { communityPathOf, homeTarget, OPEN_STATUSES, publicTitleOf } from '../auth/concern-access';
import { concernSimilarity } from './concern-similarity';
import { CONCERN_TODO_PHRASES, recipientsAt, todoMessages } from './concern-messages';
import { concernClocks, runConcernStep, screenConcernTexts } from './concern-step';
import { concernError } from './concern.errors';
import type { ConcernSimilarResult, ConcernStepResult, ConcernSupportResult } from './concern.replies';

/** The resident's bound grid or community (their resident grant's unit), or null. */
function homePathOf(actor: Actor): string | null {
  return actor.grants.find((g) => g.role === 'resident' && g.orgPath !== undefined)?.orgPath ?? null;
}

async function grassrootsUnit(db: UseCaseInput['ports']['db'], unitId: string): Promise<OrgUnit | null> {
  const unit = await db.get<OrgUnit>(COLLECTIONS.orgUnits, unitId);
  return unit !== null && (unit.level === 'grid' || unit.level === 'community') ? unit : null;
}

/**
 * The grid or community a worker files for (代办): one within their units. A unit outside them answers like
 * one that does not exist (CONCERN_UNIT_NOT_FOUND), as every out-of-scope record does in the console.
 */
async function workersUnit(db: UseCaseInput['ports']['db'], actor: Actor, unitId: string): Promise<OrgUnit> {
  const unit = await grassrootsUnit(db, unitId);
  if (unit === null || !can(actor, 'concern.submit', { orgPath: unit.path }, { roles: ['worker'] })) {
    throw concernError('CONCERN_UNIT_NOT_FOUND', { orgUnitId: unitId });
  }
  return unit;
}

export async function submitConcern(input: UseCaseInput): Promise<ConcernStepResult> {
  const { ports, actor } = input;
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  requireIdentity(actor);
  const command = parseCommand(concernSubmitSchema, input.command);

  let unit: OrgUnit | null;
  let role: 'resident' | 'worker';
  if (command.onBehalfOf !== undefined) {
    // 代办: a worker of the unit files it; the unit must be named and theirs.
    if (command.orgUnitId === undefined) throw concernError('CONCERN_UNIT_NOT_FOUND');
    orThrow(listScope(actor, 'concern.submit'));
    unit = await workersUnit(ports.db, actor, command.orgUnitId);
    role = 'worker';
  } else {
    authorize(actor, 'concern.submit', { ownerOpenid: actor.openid }, { roles: ['resident'] });
    const home = homePathOf(actor);
    if (home === null) throw concernError('CONCERN_UNIT_REQUIRED');
    const unitId = command.orgUnitId ?? unitIdOfPath(home);
    unit = await grassrootsUnit(ports.db, unitId);
    if (unit === null || unit.path !== home)
      throw concernError('CONCERN_UNIT_NOT_FOUND', { orgUnitId: unitId });
    role = 'resident';
  }

  const flagged = await screenConcernTexts(ports, actor.openid, [
    { text: command.title, riskyCode: 'CONCERN_TEXT_RISKY' },
    { text: command.content, riskyCode: 'CONCERN_TEXT_RISKY' },
  ]);
  const place = unit;
  const community = communityPathOf(place.path);
  const leaders = await recipientsAt(ports.db, config, community, ['leader']);
  const communityName = community === place.path ? place.name : await unitName(ports.db, community);

  return runCommand(ports, actor, 'concern.submit', command, async ({ tx, now, afterCommit }) => {
    const user = role === 'resident' ? await tx.get<User>(COLLECTIONS.users, actor.openid) : null;
    const id = ports.ids.next();
    const concern = newConcern({ id, command, place, community, actor, role, user, flagged, now, config });
    await tx.insert(COLLECTIONS.concerns, concern);
    const event = CONCERN_LIFECYCLE.creationEvent(id, { openid: actor.openid, role }, now, {
      kind: command.kind,
      onBehalf: command.onBehalfOf !== undefined,
    });
    await recordEvent(tx, ports.ids, place.path, event);
    const stored = await enqueueMessages(
      tx,
      ports.ids,
      id,
      todoMessages(config, leaders, concern, CONCERN_TODO_PHRASES.review, communityName, now),
      now,
    );
    afterCommit(async () => void (await deliverMessages(ports.db, ports.notifier, stored, now)));
    return {
      concernId: id,
      status: concern.status,
      statusLabel: CONCERN_STATUS_LABELS[concern.status],
      level: concern.level,
      statusChangedAt: now,
    };
  });
}

interface NewConcernFacts {
  readonly id: string;
  readonly command: ConcernSubmitCommand;
  readonly place: OrgUnit;
  readonly community: string;
  readonly actor: Actor;
  readonly role: 'resident' | 'worker';
  readonly user: User | null;
  readonly flagged: boolean;
  readonly now: number;
  readonly config: PlatformConfig;
}

/** The concern as submitted: at its community, waiting for review. */
function newConcern(facts: NewConcernFacts): Concern {
  const { id, command, place, community, actor, role, user, flagged, now, config } = facts;
  return {
    _id: id,
    kind: command.kind,
    title: command.title,
    content: command.content,
    images: command.images,
    orgUnitId: place._id,
    orgPath: place.path,
    residentOpenid: role === 'resident' ? actor.openid : null,
    residentName: role === 'resident' ? residentNameOf(user) : command.onBehalfOf!.name,
    filedBy: actor.openid,
    onBehalfOf:
      command.onBehalfOf === undefined
        ? null
        : {
            name: command.onBehalfOf.name,
            ...(command.onBehalfOf.phone === undefined ? {} : { phone: command.onBehalfOf.phone }),
            consent: command.onBehalfOf.consent,
          },
    crossDepartment: command.crossDepartment,
    anonymous: command.anonymous,
    sensitive: command.sensitive,
    sensitiveConsentAt: command.sensitive ? now : null,
    publicSummary: null,
    contentFlagged: flagged,
    supportCount: 0,
    review: null,
    status: 'submitted',
    statusChangedAt: now,
    level: 'community',
    levelPath: community,
    ...concernClocks(config, { status: 'submitted', level: 'community', statusChangedAt: now }),
    claim: null,
    assigneeOpenid: null,
    assigneeTeamId: null,
    assigneePartyOrgId: null,
    assigneeUnitId: null,
    jointMeetingId: null,
    departments: [],
    leadDepartment: null,
    jointCase: null,
    taskCheckAt: null,
    unresolvedCount: 0,
    leaderAttention: false,
    confirmation: null,
    resolutionSummary: null,
    resolvedAt: null,
    confirmedAt: null,
    closedAt: null,
    createdAt: now,
    updatedAt: now,
  };
}

async function unitName(db: UseCaseInput['ports']['db'], path: string): Promise<string> {
  return (await db.get<OrgUnit>(COLLECTIONS.orgUnits, unitIdOfPath(path)))?.name ?? '';
}

/** concern.withdraw: the resident (or the worker who filed it for them) takes it back before it is claimed. */
export async function withdrawConcern(input: UseCaseInput): Promise<ConcernStepResult> {
  const command = parseCommand(concernWithdrawSchema, input.command);
  return runConcernStep(input, 'concern.withdraw', command, async ({ concern, apply, now }) => {
    const { event } = await apply({ to: 'withdrawn', target: homeTarget(concern), reason: command.reason });
    return stepResult(concern._id, event.to, concern.level, now);
  });
}

export function stepResult(
  concernId: string,
  status: Concern['status'],
  level: Concern['level'],
  at: number,
): ConcernStepResult {
  return { concernId, status, statusLabel: CONCERN_STATUS_LABELS[status], level, statusChangedAt: at };
}

/**
 * concern.support (我也关心): a resident of the concern's community adds their voice to an open concern of
 * someone else, once (`concern_supports` holds one record per person and concern).
 */
export async function supportConcern(input: UseCaseInput): Promise<ConcernSupportResult> {
  const command = parseCommand(concernSupportSchema, input.command);
  return runConcernStep(input, 'concern.support', command, async ({ tx, actor, concern, now }) => {
    authorize(actor, 'concern.support', { ownerOpenid: actor.openid }, { roles: ['resident'] });
    const home = homePathOf(actor);
    if (home === null || !OPEN_STATUSES.includes(concern.status))
      throw concernError('CONCERN_NOT_SUPPORTABLE');
    if (
      !isWithin(home, communityPathOf(concern.orgPath)) &&
      communityPathOf(home) !== communityPathOf(concern.orgPath)
    ) {
      throw concernError('CONCERN_NOT_SUPPORTABLE');
    }
    if (concern.residentOpenid === actor.openid || concern.filedBy === actor.openid)
      throw concernError('CONCERN_OWN');
    const supportId = `${concern._id}:${actor.openid}`;
    if ((await tx.get(COLLECTIONS.concernSupports, supportId)) !== null) {
      throw concernError('CONCERN_ALREADY_SUPPORTED');
    }
    const support: ConcernSupport = {
      _id: supportId,
      concernId: concern._id,
      openid: actor.openid,
      orgPath: concern.orgPath,
      createdAt: now,
    };
    await tx.insert(COLLECTIONS.concernSupports, support);
    await tx.update(COLLECTIONS.concerns, concern._id, { supportCount: concern.supportCount + 1 });
    return { concernId: concern._id, supportCount: concern.supportCount + 1 };
  });
}

/**
 * concern.similar: the open concerns of the caller's community most like the draft (title and content),
 * best first, at least `similarAtLeast` alike (core/concerns/concern-similarity.ts). A sensitive worry is
 * compared and shown by its public summary only. Reads the community's newest `similarCandidates` open
 * concerns (index `levelPath_1_status_1_createdAt_-1` does not serve a prefix: `orgPath_1_status_1_createdAt_-1`).
 */
export async function similarConcerns(input: UseCaseInput): Promise<ConcernSimilarResult> {
  const { ports, actor } = input;
  const config = input.config ?? DEFAULT_PLATFORM_CONFIG;
  requireIdentity(actor);
  const query = parseCommand(concernSimilarSchema, input.command);
  let path: string | null;
  if (query.orgUnitId !== undefined) {
    orThrow(listScope(actor, 'concern.submit'));
    path = (await workersUnit(ports.db, actor, query.orgUnitId)).path;
  } else {
    authorize(actor, 'concern.submit', { ownerOpenid: actor.openid }, { roles: ['resident'] });
    path = homePathOf(actor);
    if (path === null) throw concernError('CONCERN_UNIT_REQUIRED');
  }
  if (`${query.title}${query.content}`.trim().length === 0) return { items: [] };
  const { db } = ports;
  const candidates = await db.find<Concern>(
    COLLECTIONS.concerns,
    { orgPath: db.command.prefix(communityPathOf(path)), status: db.command.in([...OPEN_STATUSES]) },
    {
      orderBy: [
        ['createdAt', 'desc'],
        ['_id', 'desc'],
      ],
      limit: config.concerns.similarCandidates,
      fields: ['title', 'content', 'sensitive', 'publicSummary', 'status', 'supportCount'],
    },
  );
  const draft = { title: query.title, content: query.content };
  const scored = candidates
    .map((c) => {
      const shown = publicTitleOf(c);
      const text = c.sensitive ? { title: shown, content: '' } : { title: c.title, content: c.content };
      return { c, shown, similarity: concernSimilarity(draft, text) };
    })
    .filter((s) => s.similarity >= config.concerns.similarAtLeast)
    .sort((a, b) => b.similarity - a.similarity || b.c.supportCount - a.c.supportCount)
    .slice(0, config.concerns.similarShown);
  return {
    items: scored.map(({ c, shown, similarity }) => ({
      concernId: c._id,
      title: shown,
      statusLabel: CONCERN_STATUS_LABELS[c.status],
      supportCount: c.supportCount,
      similarity: Math.round(similarity * 100) / 100,
    })),
  };
}
