import type { ConcernLevel, ConcernStatus } from '../lifecycle/concern.lifecycle';
import type { CLAIM_AS } from '../schemas/concern.schema';
import type { BaseDocument, Located, Millis, Timestamps } from './common.model';

/**
 * The kinds of concern the platform stores: 忧心事 (a worry), 微心愿 (a small wish), and 急难愁盼 (an urgent
 * hardship, which workers may mark a worry as). Named apart from the command schema's CONCERN_KINDS, which
 * lists what a resident may submit.
 */
export const CONCERN_RECORD_KINDS = ['worry', 'wish', 'urgent'] as const;
export type ConcernRecordKind = (typeof CONCERN_RECORD_KINDS)[number];

export const CONCERN_RECORD_KIND_LABELS: Readonly<Record<ConcernRecordKind, string>> = {
  worry: '忧心事',
  wish: '微心愿',
  urgent: '急难愁盼',
};

/** Who claimed a concern: the person, their volunteer team, their party organisation, or their unit. */
export type ClaimAs = (typeof CLAIM_AS)[number];

export interface ConcernClaim {
  readonly as: ClaimAs;
  /** The claimer's display name (person, team, party organisation or unit). */
  readonly name: string;
  readonly by: string;
  readonly at: Millis;
}

/**
 * `concerns`: 忧心事 / 微心愿 / 急难愁盼. `orgPath` is where the resident lives (grid or community) and never
 * changes; `levelPath` is the unit it is currently offered to (its community, then its street, county and
 * city as it is pushed up), so "open concerns of my level" is an equality query on `levelPath`.
 * The assignee fields are flat copies of `claim` so scope checks and "my claimed concerns" are indexed.
 */
export interface Concern extends BaseDocument, Timestamps, Located {
  readonly kind: ConcernRecordKind;
  readonly title: string;
  readonly content: string;
  readonly images: readonly string[];
  /** The unit of `orgPath` (the grid or community). */
  readonly orgUnitId: string;
  /** The resident it belongs to; null when a worker filed it for someone without the mini-program. */
  readonly residentOpenid: string | null;
  /** Shown name of the resident (masked in public lists, hidden when anonymous). */
  readonly residentName: string;
  /** Who submitted it: the resident, or the worker who filed it for them (代办). */
  readonly filedBy: string;
  readonly onBehalfOf: { readonly name: string; readonly phone?: string } | null;
  readonly crossDepartment: boolean;
  readonly anonymous: boolean;

  /** Owned by the concern life cycle (core/lifecycle/concern.lifecycle.ts). */
  readonly status: ConcernStatus;
  readonly statusChangedAt: Millis;
  readonly level: ConcernLevel;
  readonly levelPath: string;
  /** When it must be claimed at its current level; null when not waiting for a claimer. */
  readonly claimDeadline: Millis | null;

  readonly claim: ConcernClaim | null;
  readonly assigneeOpenid: string | null;
  readonly assigneeTeamId: string | null;
  readonly assigneePartyOrgId: string | null;
  readonly assigneeUnitId: string | null;

  /** The joint meeting it was referred to, the departments involved and the one leading. */
  readonly jointMeetingId: string | null;
  readonly departments: readonly string[];
  readonly leadDepartment: string | null;

  readonly resolutionSummary: string | null;
  readonly resolvedAt: Millis | null;
  readonly confirmedAt: Millis | null;
  readonly closedAt: Millis | null;
}
