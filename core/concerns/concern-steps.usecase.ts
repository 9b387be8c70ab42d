/**
 * The concern's steps after intake (docs/concerns.md): the unit's leader reviews (a rejection's reason is
 * the resident's to read; a sensitive worry needs a neutral public summary); a worker publishes it on the
 * community's wish wall (a cross-department one goes straight on to the joint meeting of its level); a party
 * member, a volunteer team's leader, a party organisation's secretary or a unit's worker claims it (one
 * winner); the claimer posts progress, may hand it back with a reason, and resolves it; the resident
 * answers honestly (resolved, partly, not resolved); workers push it up or refer it by hand. The resident
 * hears of every step; the next people to act hear of what waits for them.
 */
import type { Actor, Role, RoleGrant } from '../auth/roles';
import { escalateConcern, CONCERN_LIFECYCLE, type ConcernStatus } from '../lifecycle/concern.lifecycle';
import { ORG_LEVEL_LABELS } from '../org/org-levels';
import { COLLECTIONS } from '../model/collections.model';
import type { ClaimAs, Concern, ConcernClaim } from '../model/concern.model';
import type { PartyOrg, VolunteerTeam } from '../model/party.model';
import { parseCommand } from '../schemas/command.parser';
import {
  concernClaimSchema,
  concernConfirmSchema,
  concernEscalateSchema,
  concernPublishSchema,
  concernReferSchema,
  concernReleaseSchema,
  concernResolveSchema,
  concernReviewSchema,
  concernUpdateSchema,
} from '../schemas/concern.schema';
import { authorize, checkAccess } from '../auth/authorize';
import type { TransactionPort } from '../kernel/database.port';
import { orThrow } from '../kernel/outcome';
import type { UseCaseInput } from '../kernel/use-case';
import { isOnSameBranch, isWithin, rollUpKey, unitIdOfPath } from '../org/org-path';
import { homeTarget, levelTarget } from '../auth/concern-access';
import {
  CONCERN_PROGRESS_PHRASES,
  CONCERN_TODO_PHRASES,
  CLAIM_NOTICE_ROLES,
  claimedMessage,
  progressMessage,
  recipientsAt,
  todoMessages,
} from './concern-messages';
import {
  levelMovePatch,
  releasedAssignee,
  runConcernStep,
  stepAllowed,
  unitNameAt,
  writeConcernStep,
} from './concern-step';
import { concernError } from './concern.errors';
import { stepResult } from './concern-intake.usecase';
import type { ConcernStepResult } from './concern.replies';

/** concern.review: the unit's leader approves (a sensitive worry with its public summary) or rejects with a reason. */
export async function reviewConcern(input: UseCaseInput): Promise<ConcernStepResult> {
  const command = parseCommand(concernReviewSchema, input.command);
  const to: ConcernStatus = command.decision === 'approve' ? 'approved' : 'rejected';
  return runConcernStep(
    input,
    'concern.review',
    command,
    async ({ actor, config, concern, now, apply, notify, tx }) => {
      if (to === 'approved' && concern.sensitive && command.publicSummary.length === 0) {
        // Checked after the step is known to be the leader's, so a stranger learns nothing.
        stepOrRefuse(actor, concern, to);
        throw concernError('CONCERN_PUBLIC_SUMMARY_REQUIRED');
      }
      const { event } = await apply({
        to,
        target: homeTarget(concern),
        reason: command.reason,
        patch: {
          review: { decision: command.decision, reason: command.reason, by: actor.openid, at: now },
          ...(concern.sensitive && to === 'approved' ? { publicSummary: command.publicSummary } : {}),
        },
      });
      const unit = await unitNameAt(tx, concern.levelPath);
      const phrase =
        to === 'approved' ? CONCERN_PROGRESS_PHRASES.approved : CONCERN_PROGRESS_PHRASES.rejected;
      await notify(progressMessage(config, concern, phrase, unit, now));
      return stepResult(concern._id, event.to, concern.level, now);
    },
    {
      texts: [{ text: command.publicSummary, riskyCode: 'CONCERN_TEXT_RISKY' }],
      allowed: (c) => stepAllowed(input.actor, c, to, homeTarget(c)),
    },
  );
}

function stepOrRefuse(actor: Actor, concern: Concern, to: ConcernStatus): void {
  orThrow(CONCERN_LIFECYCLE.checkStep(actor, concern, to, homeTarget(concern)));
}

/**
 * concern.publish: on the community's wish wall, open for claims until its level's deadline; those who may
 * claim it there hear of it. One the resident marked as needing several departments goes on to the joint
 * meeting of its level at once (published, then referred: both on the timeline).
 */
export async function publishConcern(input: UseCaseInput): Promise<ConcernStepResult> {
  const command = parseCommand(concernPublishSchema, input.command);
  const { db } = input.ports;
  return runConcernStep(input, 'concern.publish', command, async (ctx) => {
    const { config, concern, now, apply, notify, tx } = ctx;
    const published = await apply({ to: 'published', target: levelTarget(concern) });
    const unit = await unitNameAt(tx, concern.levelPath);
    await notify(progressMessage(config, concern, CONCERN_PROGRESS_PHRASES.published, unit, now));
    if (!concern.crossDepartment) {
      await notify(
        todoMessages(
          config,
          await recipientsAt(db, config, concern.levelPath, CLAIM_NOTICE_ROLES),
          concern,
          CONCERN_TODO_PHRASES.claim,
          unit,
          now,
        ),
      );
      return stepResult(concern._id, 'published', concern.level, now);
    }
    const referred = CONCERN_LIFECYCLE.transition(
      { ...concern, ...published.entity },
      'referred',
      published.event.actor,
      now,
      '居民提交时标明需要多部门协调，发布后提交本级联席会议',
      { level: concern.level, levelLabel: ORG_LEVEL_LABELS[concern.level] },
    );
    await writeConcernStep(
      {
        tx,
        ids: input.ports.ids,
        config,
        concern: { ...concern, status: 'published' },
        now,
        patch: referPatch(concern.levelPath),
      },
      referred,
    );
    await notify(progressMessage(config, concern, CONCERN_PROGRESS_PHRASES.referred, unit, now));
    await notify(
      todoMessages(
        config,
        await recipientsAt(db, config, concern.levelPath, ['joint_meeting_office']),
        concern,
        CONCERN_TODO_PHRASES.take,
        unit,
        now,
      ),
    );
    return stepResult(concern._id, 'referred', concern.level, now);
  });
}

/** What a referral to the joint meeting at `levelPath` writes: its meeting's id; nobody holds the concern. */
function referPatch(levelPath: string, departments?: readonly string[]) {
  return {
    jointMeetingId: `jm-${unitIdOfPath(levelPath)}`,
    ...(departments === undefined ? {} : { departments }),
    ...releasedAssignee(),
    jointCase: null,
    taskCheckAt: null,
  };
}

/** The grant the caller claims under, and the claim (who, shown as which name). */
async function claimOf(
  tx: TransactionPort,
  actor: Actor,
  concern: Concern,
  as: ClaimAs,
  now: number,
): Promise<{ claim: ConcernClaim; patch: Record<string, string | null> }> {
  const place = concern.levelPath;
  const onBranch = (g: RoleGrant) => isOnSameBranch(place, g.orgPath);
  const person = async (): Promise<string> => {
    const user = await tx.get<{ _id: string; realName?: string | null; nickname?: string }>(
      COLLECTIONS.users,
      actor.openid,
    );
    return user?.realName || user?.nickname || '志愿者';
  };
  const base = {
    assigneeOpenid: actor.openid,
    assigneeTeamId: null,
    assigneePartyOrgId: null,
    assigneeUnitId: null,
  };
  switch (as) {
    case 'self': {
      const grant = actor.grants.find(
        (g) => (g.role === 'party_member' || g.role === 'volunteer') && onBranch(g),
      );
      if (grant === undefined) break;
      return { claim: { as, name: await person(), by: actor.openid, at: now }, patch: base };
    }
    case 'team': {
      const grant = actor.grants.find(
        (g) => g.role === 'volunteer' && g.position === 'leader' && g.teamId !== undefined && onBranch(g),
      );
      if (grant === undefined) break;
      const team = await tx.get<VolunteerTeam>(COLLECTIONS.volunteerTeams, grant.teamId!);
      if (team === null || !team.active) break;
      return {
        claim: { as, name: team.name, by: actor.openid, at: now },
        patch: { ...base, assigneeTeamId: team._id },
      };
    }
    case 'party_org': {
      const grant = actor.grants.find(
        (g) =>
          g.role === 'party_member' &&
          g.position === 'secretary' &&
          g.partyOrgId !== undefined &&
          onBranch(g),
      );
      if (grant === undefined) break;
      const org = await tx.get<PartyOrg>(COLLECTIONS.partyOrgs, grant.partyOrgId!);
      if (org === null) break;
      return {
        claim: { as, name: org.name, by: actor.openid, at: now },
        patch: { ...base, assigneePartyOrgId: org._id },
      };
    }
    case 'unit': {
      const grant = actor.grants.find(
        (g) => (g.role === 'worker' || g.role === 'leader') && isWithin(place, g.orgPath),
      );
      if (grant === undefined) break;
      const name = await unitNameAt(tx, grant.orgPath!);
      return {
        claim: { as, name: name || '本单位', by: actor.openid, at: now },
        patch: { ...base, assigneeUnitId: unitIdOfPath(grant.orgPath!) },
      };
    }
  }
  throw concernError('CONCERN_CLAIM_AS_NOT_ALLOWED', { claimAs: as });
}

/**
 * concern.claim: exactly one claimer wins. The step and the claim are written in one transaction that
 * read the concern waiting; of racing claims the others conflict, are retried, read it claimed and are told
 * CONCERN_ALREADY_CLAIMED.
 */
export async function claimConcern(input: UseCaseInput): Promise<ConcernStepResult> {
  const command = parseCommand(concernClaimSchema, input.command);
  return runConcernStep(
    input,
    'concern.claim',
    command,
    async ({ tx, actor, config, concern, now, apply, notify }) => {
      if (concern.status === 'claimed' || concern.status === 'in_progress') {
        // Only someone who may claim here learns it was claimed; anyone else is refused as before.
        const access = checkAccess(actor, 'concern.claim', levelTarget(concern));
        if (access.ok) throw concernError('CONCERN_ALREADY_CLAIMED');
      }
      orThrow(CONCERN_LIFECYCLE.checkStep(actor, concern, 'claimed', levelTarget(concern)));
      const { claim, patch } = await claimOf(tx, actor, concern, command.claimAs, now);
      const { event } = await apply({
        to: 'claimed',
        target: levelTarget(concern),
        reason: command.note.length > 0 ? command.note : null,
        patch: { ...patch, claim },
        details: { claimAs: claim.as, claimerName: claim.name },
      });
      await notify(claimedMessage(config, concern, claim.name, now));
      return stepResult(concern._id, event.to, concern.level, now);
    },
    {
      texts: [{ text: command.note, riskyCode: 'CONCERN_REASON_RISKY' }],
      allowed: (c) => stepAllowed(input.actor, c, 'claimed', levelTarget(c)),
    },
  );
}

/** concern.release: the claimer hands it back with a reason; it waits at its level again (a fresh deadline). */
export async function releaseConcern(input: UseCaseInput): Promise<ConcernStepResult> {
  const command = parseCommand(concernReleaseSchema, input.command);
  return runConcernStep(
    input,
    'concern.release',
    command,
    async ({ tx, config, concern, now, apply, notify }) => {
      const to: ConcernStatus = concern.level === 'community' ? 'published' : 'escalated';
      const { event } = await apply({
        to,
        target: levelTarget(concern),
        reason: command.reason,
        patch: releasedAssignee(),
      });
      const unit = await unitNameAt(tx, concern.levelPath);
      await notify(progressMessage(config, concern, CONCERN_PROGRESS_PHRASES.released, unit, now));
      return stepResult(concern._id, event.to, concern.level, now);
    },
    {
      texts: [{ text: command.reason, riskyCode: 'CONCERN_REASON_RISKY' }],
      allowed: (c) =>
        stepAllowed(input.actor, c, c.level === 'community' ? 'published' : 'escalated', levelTarget(c)),
    },
  );
}

/** concern.update: progress (text and photos) on the timeline; the first one starts the work. */
export async function updateConcern(input: UseCaseInput): Promise<ConcernStepResult> {
  const command = parseCommand(concernUpdateSchema, input.command);
  return runConcernStep(
    input,
    'concern.update',
    command,
    async ({ tx, actor, config, concern, now, apply, notify }) => {
      // The command's own action first: in_progress is also where a resident's "not resolved" leads.
      authorize(actor, 'concern.update', levelTarget(concern));
      const { event } = await apply({
        to: 'in_progress',
        target: levelTarget(concern),
        reason: command.text,
        details: { images: command.images },
      });
      const unit = await unitNameAt(tx, concern.levelPath);
      await notify(progressMessage(config, concern, CONCERN_PROGRESS_PHRASES.in_progress, unit, now));
      return stepResult(concern._id, event.to, concern.level, now);
    },
    {
      texts: [{ text: command.text, riskyCode: 'CONCERN_PROGRESS_RISKY' }],
      allowed: (c) => stepAllowed(input.actor, c, 'in_progress', levelTarget(c)),
    },
  );
}

/** concern.resolve: the claimer's summary (and photos); the resident is asked to confirm. */
export async function resolveConcern(input: UseCaseInput): Promise<ConcernStepResult> {
  const command = parseCommand(concernResolveSchema, input.command);
  return runConcernStep(
    input,
    'concern.resolve',
    command,
    async ({ tx, config, concern, now, apply, notify }) => {
      const { event } = await apply({
        to: 'resolved',
        target: levelTarget(concern),
        reason: command.summary,
        patch: { resolutionSummary: command.summary, resolvedAt: now, taskCheckAt: null },
        details: { images: command.images },
      });
      const unit = await unitNameAt(tx, concern.levelPath);
      await notify(progressMessage(config, concern, CONCERN_PROGRESS_PHRASES.resolved, unit, now));
      return stepResult(concern._id, event.to, concern.level, now);
    },
    {
      texts: [{ text: command.summary, riskyCode: 'CONCERN_PROGRESS_RISKY' }],
      allowed: (c) => stepAllowed(input.actor, c, 'resolved', levelTarget(c)),
    },
  );
}

/**
 * concern.confirm, the resident's honest answer (or the worker's for a resident they filed for): resolved or
 * partly resolved confirm it (the outcome kept as said); not resolved reopens it to the same claimer with
 * the reason, and a second "not resolved" also sends it to the unit's leaders (`leaderAttention`).
 */
export async function confirmConcern(input: UseCaseInput): Promise<ConcernStepResult> {
  const command = parseCommand(concernConfirmSchema, input.command);
  const { db } = input.ports;
  const to: ConcernStatus = command.outcome === 'unresolved' ? 'in_progress' : 'confirmed';
  return runConcernStep(
    input,
    'concern.confirm',
    command,
    async ({ tx, actor, config, concern, now, apply, notify }) => {
      const confirmation = { outcome: command.outcome, reason: command.reason, by: actor.openid, at: now };
      const unit = await unitNameAt(tx, concern.levelPath);
      if (command.outcome !== 'unresolved') {
        const { event } = await apply({
          to: 'confirmed',
          target: homeTarget(concern),
          reason: command.reason.length > 0 ? command.reason : null,
          patch: { confirmation, confirmedAt: now },
          details: { outcome: command.outcome },
        });
        return stepResult(concern._id, event.to, concern.level, now);
      }
      const unresolvedCount = concern.unresolvedCount + 1;
      const toLeader = unresolvedCount >= 2;
      const { event } = await apply({
        to: 'in_progress',
        target: homeTarget(concern),
        reason: command.reason,
        patch: {
          confirmation,
          unresolvedCount,
          leaderAttention: concern.leaderAttention || toLeader,
          resolvedAt: null,
        },
        details: { outcome: command.outcome, toLeader },
      });
      const claimers = concern.assigneeOpenid === null ? [] : [concern.assigneeOpenid];
      await notify(todoMessages(config, claimers, concern, CONCERN_TODO_PHRASES.reopened, unit, now));
      if (toLeader) {
        const community = rollUpKey(concern.orgPath, 'community') ?? concern.orgPath;
        const leaders = await recipientsAt(db, config, community, ['leader']);
        await notify(todoMessages(config, leaders, concern, CONCERN_TODO_PHRASES.supervise, unit, now));
      }
      return stepResult(concern._id, event.to, concern.level, now);
    },
    {
      texts: [{ text: command.reason, riskyCode: 'CONCERN_REASON_RISKY' }],
      allowed: (c) => stepAllowed(input.actor, c, to, homeTarget(c)),
    },
  );
}

/** The notices of a concern arriving at a level: to the resident, and to those who may claim (or take) it there. */
export async function arrivalMessages(
  db: UseCaseInput['ports']['db'],
  config: UseCaseInput['config'] & object,
  concern: Concern,
  status: ConcernStatus,
  levelPath: string,
  unitName: string,
  now: number,
  /** Who to tell at a unit; a timer run passes one that reads each unit once. */
  recipients: RecipientsLookup = (path, roles) => recipientsAt(db, config, path, roles),
) {
  const referred = status === 'referred';
  const roles = referred ? (['joint_meeting_office'] as const) : CLAIM_NOTICE_ROLES;
  return [
    ...progressMessage(
      config,
      concern,
      referred ? CONCERN_PROGRESS_PHRASES.referred : CONCERN_PROGRESS_PHRASES.escalated,
      unitName,
      now,
    ),
    ...todoMessages(
      config,
      await recipients(levelPath, roles),
      concern,
      referred ? CONCERN_TODO_PHRASES.take : CONCERN_TODO_PHRASES.claim,
      unitName,
      now,
    ),
  ];
}

/** The people holding one of `roles` at a unit (concern-messages.ts `recipientsAt`). */
export type RecipientsLookup = (unitPath: string, roles: readonly Role[]) => Promise<string[]>;

/** concern.escalate by hand: a worker or leader of its level pushes it one level up, with a reason. */
export async function escalateConcernByHand(input: UseCaseInput): Promise<ConcernStepResult> {
  const command = parseCommand(concernEscalateSchema, input.command);
  const { db, ids } = input.ports;
  return runConcernStep(
    input,
    'concern.escalate',
    command,
    async ({ tx, actor, config, concern, now, notify }) => {
      // A person pushes by hand as a worker or leader ("escalated" is also where a claimer's release leads).
      authorize(actor, 'concern.escalate', levelTarget(concern), { roles: ['worker', 'leader'] });
      const to = concern.status === 'referred' ? 'referred' : 'escalated';
      const acting = orThrow(CONCERN_LIFECYCLE.checkStep(actor, concern, to, levelTarget(concern)));
      const result = escalateConcern(concern, acting, now, command.reason);
      const patch = levelMovePatch(concern, result.entity.level, result.entity.status);
      const levelPath = patch['levelPath'] as string;
      const moved = await writeConcernStep({ tx, ids, config, concern, now, patch }, result as never);
      const unit = await unitNameAt(tx, levelPath);
      await notify(await arrivalMessages(db, config, concern, moved.entity.status, levelPath, unit, now));
      return stepResult(concern._id, moved.entity.status, result.entity.level, now);
    },
    {
      texts: [{ text: command.reason, riskyCode: 'CONCERN_REASON_RISKY' }],
      allowed: (c) =>
        stepAllowed(input.actor, c, c.status === 'referred' ? 'referred' : 'escalated', levelTarget(c)),
    },
  );
}

/** concern.refer: a worker sends it to the joint meeting of its level, naming the departments involved. */
export async function referConcern(input: UseCaseInput): Promise<ConcernStepResult> {
  const command = parseCommand(concernReferSchema, input.command);
  const { db } = input.ports;
  return runConcernStep(
    input,
    'concern.refer',
    command,
    async ({ tx, config, concern, now, apply, notify }) => {
      const { event } = await apply({
        to: 'referred',
        target: levelTarget(concern),
        reason: command.reason,
        patch: referPatch(concern.levelPath, command.departments),
        details: { departments: command.departments },
      });
      const unit = await unitNameAt(tx, concern.levelPath);
      await notify(await arrivalMessages(db, config, concern, 'referred', concern.levelPath, unit, now));
      return stepResult(concern._id, event.to, concern.level, now);
    },
    {
      texts: [{ text: command.reason, riskyCode: 'CONCERN_REASON_RISKY' }],
      allowed: (c) => stepAllowed(input.actor, c, 'referred', levelTarget(c)),
    },
  );
}
