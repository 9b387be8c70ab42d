/**
 * concern.list and concern.detail: what each caller may see of concerns (core/auth/concern-access.ts).
 * Lists are indexed queries (database/indexes.json `concerns`): the resident's own by `residentOpenid`; the
 * wall by the community's `orgPath` prefix and status; what a claimer may claim by `levelPath` equal to each
 * unit on their branch (their community, its street, county and city); their claimed ones by assignee; a
 * unit's by `orgPath` prefix; a joint meeting office's by `jointMeetingId`.
 */
import { authorize, can } from '../auth/authorize';
import { listScope } from '../auth/list-scope';
import type { Actor } from '../auth/roles';
import { CONCERN_LIFECYCLE, CONCERN_STATUS_LABELS, type ConcernStatus } from '../lifecycle/concern.lifecycle';
import { COLLECTIONS } from '../model/collections.model';
import { CONFIRMATION_OUTCOME_LABELS, type ClaimAs, type Concern } from '../model/concern.model';
import type { EventRecord } from '../model/event.model';
import { ORG_LEVEL_LABELS } from '../org/org-levels';
import { ROLE_LABELS } from '../auth/roles';
import { parseCommand } from '../schemas/command.parser';
import { concernDetailSchema, concernListSchema } from '../schemas/concern.schema';
import type { Condition, DatabasePort, Where } from '../kernel/database.port';
import { requireIdentity } from '../kernel/identity';
import { orThrow } from '../kernel/outcome';
import type { UseCaseInput } from '../kernel/use-case';
import { ancestorPaths, isOnSameBranch, isWithin, unitIdOfPath } from '../org/org-path';
import {
  canViewWhole,
  communityPathOf,
  homeTarget,
  isUnitStaff,
  levelTarget,
  mayReadDetails,
  OPEN_STATUSES,
  WALL_STATUSES,
  listItemOf,
} from '../auth/concern-access';
import { loadConcern } from './concern-step';
import { concernError } from './concern.errors';
import type {
  ConcernActions,
  ConcernDetail,
  ConcernListResult,
  ConcernTimelineEntry,
} from './concern.replies';
import type { ConcernSupport } from '../model/concern.model';

const NEWEST = [
  ['createdAt', 'desc'],
  ['_id', 'desc'],
] as const;

/** The units the actor's claiming grants sit on, and every unit above them (where concerns are pushed to). */
function claimPaths(actor: Actor): string[] {
  const paths = new Set<string>();
  for (const g of actor.grants) {
    if (g.orgPath === undefined) continue;
    if (g.role === 'party_member' || g.role === 'volunteer') {
      const community = communityPathOf(g.orgPath);
      for (const p of ancestorPaths(community, { includeSelf: true })) paths.add(p);
    }
    if (g.role === 'worker' || g.role === 'leader') paths.add(g.orgPath);
  }
  return [...paths].sort();
}

function statusCondition(
  db: DatabasePort,
  statuses: readonly ConcernStatus[],
  only?: ConcernStatus,
): Condition {
  if (only !== undefined) return statuses.includes(only) ? only : '__none__';
  return db.command.in([...statuses]);
}

export async function listConcerns(input: UseCaseInput): Promise<ConcernListResult> {
  const { ports, actor } = input;
  const { db } = ports;
  requireIdentity(actor);
  const query = parseCommand(concernListSchema, input.command);
  const now = ports.clock.now();
  const statusOr = (statuses: readonly ConcernStatus[]) => statusCondition(db, statuses, query.status);
  let wheres: Where[];
  switch (query.view) {
    case 'mine':
      authorize(actor, 'concern.view', { ownerOpenid: actor.openid }, { roles: ['resident'] });
      wheres = [
        { residentOpenid: actor.openid, ...(query.status === undefined ? {} : { status: query.status }) },
      ];
      break;
    case 'wall': {
      authorize(actor, 'concern.browse', {});
      const home = actor.grants.find((g) => g.orgPath !== undefined && g.role !== 'system_admin')?.orgPath;
      if (home === undefined) throw concernError('CONCERN_UNIT_REQUIRED');
      wheres = [{ orgPath: db.command.prefix(communityPathOf(home)), status: statusOr(WALL_STATUSES) }];
      break;
    }
    case 'open': {
      authorize(actor, 'concern.claim', { orgPath: claimPaths(actor)[0] ?? '' });
      wheres = claimPaths(actor).map((p) => ({ levelPath: p, status: statusOr(['published', 'escalated']) }));
      break;
    }
    case 'claimed': {
      const conditions: Where[] = [{ assigneeOpenid: actor.openid }];
      for (const g of actor.grants) {
        if (g.teamId !== undefined) conditions.push({ assigneeTeamId: g.teamId });
        if (g.partyOrgId !== undefined) conditions.push({ assigneePartyOrgId: g.partyOrgId });
        if ((g.role === 'worker' || g.role === 'leader') && g.orgPath !== undefined) {
          conditions.push({ assigneeUnitId: unitIdOfPath(g.orgPath) });
        }
      }
      const handling = statusOr(['claimed', 'in_progress', 'resolved']);
      wheres = conditions.map((c) => ({ ...c, status: handling }));
      break;
    }
    case 'unit': {
      const scope = orThrow(listScope(actor, 'concern.view'));
      wheres = scope.all
        ? [{ ...(query.status === undefined ? {} : { status: query.status }) }]
        : scope.paths.map((p) => ({
            orgPath: db.command.prefix(p),
            ...(query.status === undefined ? {} : { status: query.status }),
          }));
      break;
    }
    case 'joint': {
      const offices = actor.grants.filter(
        (g) => g.role === 'joint_meeting_office' && g.orgPath !== undefined,
      );
      if (offices.length === 0)
        authorize(actor, 'joint_meeting.take', {}, { roles: ['joint_meeting_office'] });
      wheres = offices.map((g) => ({
        jointMeetingId: `jm-${unitIdOfPath(g.orgPath!)}`,
        status: statusOr(['referred', 'claimed', 'in_progress', 'resolved']),
      }));
      break;
    }
  }
  return pageOf(db, actor, wheres, query.page, query.pageSize, now);
}

/**
 * One page over the union of the conditions (a caller's claimable levels, their several assignee keys):
 * each condition is read up to the end of the page, merged newest first, and counted.
 */
async function pageOf(
  db: DatabasePort,
  actor: Actor,
  wheres: readonly Where[],
  page: number,
  pageSize: number,
  now: number,
): Promise<ConcernListResult> {
  const end = page * pageSize;
  const parts = await Promise.all(
    wheres.map(async (where) => ({
      docs: await db.find<Concern>(COLLECTIONS.concerns, where, {
        orderBy: NEWEST,
        limit: Math.min(end, 1000),
      }),
      total: await db.count(COLLECTIONS.concerns, where),
    })),
  );
  const seen = new Set<string>();
  const merged = parts
    .flatMap((p) => p.docs)
    .filter((c) => (seen.has(c._id) ? false : (seen.add(c._id), true)))
    .sort((a, b) => b.createdAt - a.createdAt || (a._id < b._id ? 1 : -1));
  const total = parts.reduce((n, p) => n + p.total, 0);
  return {
    items: merged.slice(end - pageSize, end).map((c) => listItemOf(actor, c, now)),
    total,
    page,
    pageSize,
    hasMore: end < total,
  };
}

function claimAsOptions(actor: Actor, concern: Concern): ClaimAs[] {
  const out: ClaimAs[] = [];
  const onBranch = (p: string | undefined) => isOnSameBranch(concern.levelPath, p);
  if (actor.grants.some((g) => (g.role === 'party_member' || g.role === 'volunteer') && onBranch(g.orgPath)))
    out.push('self');
  if (actor.grants.some((g) => g.role === 'volunteer' && g.position === 'leader' && onBranch(g.orgPath)))
    out.push('team');
  if (
    actor.grants.some((g) => g.role === 'party_member' && g.position === 'secretary' && onBranch(g.orgPath))
  )
    out.push('party_org');
  if (
    actor.grants.some(
      (g) => (g.role === 'worker' || g.role === 'leader') && isWithin(concern.levelPath, g.orgPath),
    )
  )
    out.push('unit');
  return out;
}

function actionsFor(actor: Actor, concern: Concern, supportedByMe: boolean): ConcernActions {
  const step = (to: ConcernStatus, target: 'home' | 'level') =>
    CONCERN_LIFECYCLE.checkStep(
      actor,
      concern,
      to,
      target === 'home' ? homeTarget(concern) : levelTarget(concern),
    ).ok;
  const canClaim = step('claimed', 'level') && concern.status !== 'referred';
  const home = actor.grants.find((g) => g.role === 'resident' && g.orgPath !== undefined)?.orgPath;
  return {
    canWithdraw: step('withdrawn', 'home'),
    canReview: step('approved', 'home'),
    canPublish: step('published', 'level') && concern.status === 'approved',
    canClaim,
    claimAs: canClaim ? claimAsOptions(actor, concern) : [],
    canRelease:
      step(concern.level === 'community' ? 'published' : 'escalated', 'level') &&
      concern.status === 'claimed',
    canUpdate: step('in_progress', 'level') && concern.status !== 'resolved',
    canResolve: step('resolved', 'level'),
    canConfirm: step('confirmed', 'home'),
    canEscalate:
      concern.level !== 'city' &&
      (concern.status === 'published' || concern.status === 'escalated' || concern.status === 'referred') &&
      can(actor, 'concern.escalate', levelTarget(concern), { roles: ['worker', 'leader'] }),
    canRefer: step('referred', 'level') && concern.status !== 'claimed' && concern.status !== 'in_progress',
    canTake:
      concern.status === 'referred' &&
      actor.grants.some((g) => g.role === 'joint_meeting_office' && g.orgPath === concern.levelPath),
    canSupport:
      !supportedByMe &&
      OPEN_STATUSES.includes(concern.status) &&
      concern.residentOpenid !== actor.openid &&
      concern.filedBy !== actor.openid &&
      home !== undefined &&
      communityPathOf(home) === communityPathOf(concern.orgPath),
  };
}

export async function concernDetail(input: UseCaseInput): Promise<ConcernDetail> {
  const { ports, actor } = input;
  const { db } = ports;
  requireIdentity(actor);
  const query = parseCommand(concernDetailSchema, input.command);
  const concern = await loadConcern(db, actor, query.concernId);
  const now = ports.clock.now();
  const whole = canViewWhole(actor, concern);
  const details = mayReadDetails(actor, concern);
  const staff = isUnitStaff(actor, concern);
  const [events, support] = await Promise.all([
    db.find<EventRecord>(
      COLLECTIONS.events,
      { entityType: 'concern', entityId: concern._id },
      {
        orderBy: [
          ['at', 'asc'],
          ['_id', 'asc'],
        ],
        limit: 200,
      },
    ),
    db.get<ConcernSupport>(COLLECTIONS.concernSupports, `${concern._id}:${actor.openid}`),
  ]);
  return {
    ...listItemOf(actor, concern, now),
    content: details ? concern.content : null,
    images: details ? concern.images : [],
    anonymous: concern.anonymous,
    publicSummary: concern.publicSummary,
    onBehalfOf:
      concern.onBehalfOf === null || !staff
        ? null
        : {
            name: concern.onBehalfOf.name,
            phone: can(actor, 'resident.phone.view', { orgPath: concern.orgPath })
              ? (concern.onBehalfOf.phone ?? null)
              : null,
            consent: `${concern.onBehalfOf.consent.method === 'phone' ? '电话' : '当面'}同意：${concern.onBehalfOf.consent.statement}`,
          },
    reviewReason: concern.review?.decision === 'reject' && (whole || staff) ? concern.review.reason : null,
    contentFlagged: staff && concern.contentFlagged,
    resolutionSummary: concern.resolutionSummary,
    confirmation:
      concern.confirmation === null
        ? null
        : {
            outcome: concern.confirmation.outcome,
            outcomeLabel: CONFIRMATION_OUTCOME_LABELS[concern.confirmation.outcome],
            reason: whole ? concern.confirmation.reason : '',
            at: concern.confirmation.at,
          },
    unresolvedCount: concern.unresolvedCount,
    jointCase: jointCaseView(concern, whole, now),
    supportedByMe: support !== null,
    timeline: events.map((e) => timelineEntry(e, whole, details)),
    actions: actionsFor(actor, concern, support !== null),
  };
}

function jointCaseView(concern: Concern, whole: boolean, now: number): ConcernDetail['jointCase'] {
  const jc = concern.jointCase;
  if (jc === null) {
    if (concern.jointMeetingId === null) return null;
    return {
      levelLabel: ORG_LEVEL_LABELS[concern.level],
      leadDepartment: concern.leadDepartment,
      departments: concern.departments,
      tasks: [],
      minutes: [],
    };
  }
  return {
    levelLabel: ORG_LEVEL_LABELS[jc.level],
    leadDepartment: concern.leadDepartment,
    departments: concern.departments,
    tasks: jc.tasks.map((t) => ({
      taskId: t.taskId,
      department: t.department,
      task: t.task,
      dueAt: t.dueAt,
      doneAt: t.doneAt,
      doneNote: t.doneNote,
      overdue: t.doneAt === null && t.dueAt <= now,
    })),
    // The minutes are for those who see the whole record.
    minutes: whole
      ? jc.minutes.map((m) => ({
          minutesId: m.minutesId,
          heldOn: m.heldOn,
          attendees: m.attendees,
          minutes: m.minutes,
          decisions: m.decisions,
        }))
      : [],
  };
}

function timelineEntry(e: EventRecord, whole: boolean, details: boolean): ConcernTimelineEntry {
  const level = e.details?.levelLabel;
  const images = e.details?.images;
  // A step's reason is public progress, except the resident's answer (for the whole record only) and,
  // for a sensitive worry, what its submission said.
  const hidden = (!whole && e.action === 'concern.confirm') || (!details && e.action === 'concern.submit');
  return {
    at: e.at,
    from: e.from as ConcernStatus | null,
    to: e.to as ConcernStatus,
    label: timelineLabel(e),
    byRole: ROLE_LABELS[e.actor.role],
    reason: hidden ? null : e.reason,
    levelLabel: typeof level === 'string' ? level : null,
    images: details && Array.isArray(images) ? (images as string[]) : [],
  };
}

function timelineLabel(e: EventRecord): string {
  if (e.from === null) return '提交诉求';
  const rule = CONCERN_LIFECYCLE.rulesFor(e.from as ConcernStatus, e.to as ConcernStatus).find(
    (r) => r.action === e.action && r.roles.includes(e.actor.role),
  );
  return rule?.label ?? CONCERN_STATUS_LABELS[e.to as ConcernStatus];
}
