/**
 * Who may see and act on a concern, and where it lies. Two places matter:
 * - `orgPath`, where the resident lives (grid or community): the resident's own record, the workers of that
 *   unit and above (view, withdraw, confirm for them).
 * - `levelPath`, the unit it is offered to now (its community, then the street, county, city it is pushed
 *   to): who may claim, push, refer or take it. A community's worker no longer pushes a concern the street
 *   holds; the street's does.
 * A concern the caller may not see answers CONCERN_NOT_FOUND, like one that does not exist; a concern on
 * the wall (published, and not yet closed) is public, so acting on one outside one's scope is OUT_OF_SCOPE.
 */
import { can, type AccessTarget } from './authorize';
import type { Actor, RoleGrant } from './roles';
import type { ConcernStatus } from '../lifecycle/concern.lifecycle';
import { CONCERN_STATUS_LABELS } from '../lifecycle/concern.lifecycle';
import type { ConcernLevel } from '../lifecycle/concern.lifecycle';
import { CONCERN_RECORD_KIND_LABELS, type Concern, type ConcernRecordKind } from '../model/concern.model';
import { ORG_LEVEL_LABELS } from '../org/org-levels';
import { isWithin, rollUpKey } from '../org/org-path';

/** On the wall: published and not finished with (its progress is public, its details as the wall shows them). */
export const WALL_STATUSES: readonly ConcernStatus[] = [
  'published',
  'escalated',
  'referred',
  'claimed',
  'in_progress',
  'resolved',
  'confirmed',
  'closed',
];

/** Waiting for a claimer (or, referred, for a joint meeting office). */
export const WAITING_STATUSES: readonly ConcernStatus[] = ['published', 'escalated', 'referred'];

/** Open for 我也关心 and for the duplicate suggestion: published and not yet resolved. */
export const OPEN_STATUSES: readonly ConcernStatus[] = [
  'published',
  'escalated',
  'referred',
  'claimed',
  'in_progress',
];

type Placed = Pick<
  Concern,
  'orgPath' | 'levelPath' | 'residentOpenid' | 'assigneeOpenid' | 'assigneeTeamId' | 'assigneePartyOrgId'
>;

function assignee(concern: Placed): AccessTarget {
  return {
    ...(concern.assigneeOpenid === null ? {} : { assigneeOpenid: concern.assigneeOpenid }),
    ...(concern.assigneeTeamId === null ? {} : { assigneeTeamId: concern.assigneeTeamId }),
    ...(concern.assigneePartyOrgId === null ? {} : { assigneePartyOrgId: concern.assigneePartyOrgId }),
  };
}

/** The concern as the resident's record: where they live, whose it is, who handles it. */
export function homeTarget(concern: Placed): AccessTarget {
  return {
    orgPath: concern.orgPath,
    ...(concern.residentOpenid === null ? {} : { ownerOpenid: concern.residentOpenid }),
    ...assignee(concern),
  };
}

/** The concern where it is offered now: claim, release, push up, refer, take. */
export function levelTarget(concern: Placed): AccessTarget {
  return { orgPath: concern.levelPath, ...assignee(concern) };
}

/** The community a grid's or community's path belongs to. */
export function communityPathOf(orgPath: string): string {
  return rollUpKey(orgPath, 'community') ?? orgPath;
}

/** The actor may read the whole record (its own, claimed by them, or within their unit). */
export function canViewWhole(actor: Actor, concern: Concern): boolean {
  return can(actor, 'concern.view', homeTarget(concern)) || can(actor, 'concern.view', levelTarget(concern));
}

/** The actor may see that the concern exists: the whole record, or its wall entry. */
export function isVisibleTo(actor: Actor, concern: Concern): boolean {
  return (
    canViewWhole(actor, concern) ||
    (WALL_STATUSES.includes(concern.status) && can(actor, 'concern.browse', {}))
  );
}

function grantsOf(actor: Actor, role: RoleGrant['role']): RoleGrant[] {
  return actor.grants.filter((g) => g.role === role);
}

/** A leader of the concern's unit (or above): the reviewer, who sees a sensitive worry's details. */
export function isUnitLeader(actor: Actor, concern: Pick<Concern, 'orgPath'>): boolean {
  return grantsOf(actor, 'leader').some((g) => isWithin(concern.orgPath, g.orgPath));
}

/** A worker or leader of the concern's unit (or above): sees names (also of anonymous concerns) and 代办 phones. */
export function isUnitStaff(actor: Actor, concern: Pick<Concern, 'orgPath'>): boolean {
  return actor.grants.some(
    (g) => (g.role === 'worker' || g.role === 'leader') && isWithin(concern.orgPath, g.orgPath),
  );
}

/** The claimer (the person, or a member of the team or party organisation that claimed it). */
export function isClaimer(actor: Actor, concern: Concern): boolean {
  if (concern.claim === null) return false;
  if (concern.assigneeOpenid === actor.openid) return true;
  return actor.grants.some(
    (g) =>
      (g.teamId !== undefined && g.teamId === concern.assigneeTeamId) ||
      (g.partyOrgId !== undefined && g.partyOrgId === concern.assigneePartyOrgId) ||
      (concern.claim?.as === 'unit' &&
        (g.role === 'worker' || g.role === 'leader') &&
        isWithin(concern.levelPath, g.orgPath)),
  );
}

/**
 * The full text of a sensitive worry is for its resident, the reviewing leaders and the claimer only (PIPL
 * art. 28-29); everyone else reads its neutral public summary.
 */
export function mayReadDetails(actor: Actor, concern: Concern): boolean {
  if (!concern.sensitive) return true;
  return (
    (concern.residentOpenid !== null && concern.residentOpenid === actor.openid) ||
    concern.filedBy === actor.openid ||
    isUnitLeader(actor, concern) ||
    isClaimer(actor, concern)
  );
}

/** A name as the public sees it: the surname and a mask (张**). */
export function maskedName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '居民';
  return `${chars[0]}**`;
}

/** The resident's name as this actor may see it. */
export function residentNameFor(actor: Actor, concern: Concern): string {
  if (concern.residentOpenid !== null && concern.residentOpenid === actor.openid) return concern.residentName;
  if (isUnitStaff(actor, concern)) return concern.residentName;
  return concern.anonymous ? '匿名居民' : maskedName(concern.residentName);
}

/** What the wall shows as a concern's title. */
export function publicTitleOf(concern: Pick<Concern, 'sensitive' | 'publicSummary' | 'title'>): string {
  return concern.sensitive ? (concern.publicSummary ?? '一位居民的困难求助') : concern.title;
}

/** One concern in a list, as the caller may see it. */
export interface ConcernListItem {
  readonly concernId: string;
  readonly kind: ConcernRecordKind;
  readonly kindLabel: string;
  /** The title, or for a sensitive worry seen by someone else, its public summary. */
  readonly title: string;
  readonly status: ConcernStatus;
  readonly statusLabel: string;
  readonly level: ConcernLevel;
  readonly levelLabel: string;
  readonly residentName: string;
  readonly claimerName: string | null;
  readonly supportCount: number;
  readonly sensitive: boolean;
  readonly crossDepartment: boolean;
  readonly claimDeadline: number | null;
  readonly overdue: boolean;
  readonly leaderAttention: boolean;
  readonly createdAt: number;
  readonly statusChangedAt: number;
}

function claimerNameFor(actor: Actor, concern: Concern): string | null {
  if (concern.claim === null) return null;
  if (concern.claim.as !== 'self') return concern.claim.name;
  return isUnitStaff(actor, concern) || isClaimer(actor, concern)
    ? concern.claim.name
    : `党员志愿者 ${maskedName(concern.claim.name)}`;
}

/** A concern as a list shows it to this actor (concern.list, the console's queues). */
export function listItemOf(actor: Actor, concern: Concern, now: number): ConcernListItem {
  const details = mayReadDetails(actor, concern);
  return {
    concernId: concern._id,
    kind: concern.kind,
    kindLabel: CONCERN_RECORD_KIND_LABELS[concern.kind],
    title: details ? concern.title : publicTitleOf(concern),
    status: concern.status,
    statusLabel: CONCERN_STATUS_LABELS[concern.status],
    level: concern.level,
    levelLabel: ORG_LEVEL_LABELS[concern.level],
    residentName: residentNameFor(actor, concern),
    claimerName: claimerNameFor(actor, concern),
    supportCount: concern.supportCount,
    sensitive: concern.sensitive,
    crossDepartment: concern.crossDepartment,
    claimDeadline: concern.claimDeadline,
    overdue: concern.claimDeadline !== null && concern.claimDeadline <= now,
    leaderAttention: concern.leaderAttention,
    createdAt: concern.createdAt,
    statusChangedAt: concern.statusChangedAt,
  };
}
