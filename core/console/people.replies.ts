/**
 * What admin-api answers for the people and places screens (docs/people-and-places.md): people of a unit with
 * their grants, a grant given or withdrawn, the org tree a level at a time, a unit saved or moved. Type-only.
 */
import type { Role } from '../auth/roles';
import type { OrgLevel } from '../org/org-levels';
import type { Paged, UnitRef } from './console.replies';

/** One grant of a person as the console shows it. */
export interface PersonGrantView {
  readonly role: Role;
  readonly roleLabel: string;
  readonly orgPath: string | null;
  /** The unit's name (玉林市玉州区玉城街道东门社区); '' when unknown. */
  readonly unitName: string;
  /** The caller may withdraw it (core/console/role-grant.policy.ts). */
  readonly withdrawable: boolean;
}

export interface PersonRow {
  readonly openid: string;
  /** The real name where known, else the nickname. */
  readonly name: string;
  /** Always masked (138****0001); null without a number. */
  readonly phoneMasked: string | null;
  /** The grid or community the person bound as a resident; '' when none. */
  readonly homeUnitName: string;
  /** Every stored grant but the resident's. */
  readonly grants: readonly PersonGrantView[];
  /** Their console account's login name, or null. */
  readonly loginName: string | null;
}

export interface PeopleListReply extends Paged<PersonRow> {
  readonly unit: UnitRef | null;
  /** `residents`: people bound to the unit; `staff`: people holding a role in it. */
  readonly kind: 'staff' | 'residents';
  /**
   * A name search reads at most this many people of the unit (names are sealed at rest, so they are compared
   * after reading); `truncated` says the unit has more and the search may have missed someone (search by
   * phone number then, which is exact).
   */
  readonly scanned: number;
  readonly truncated: boolean;
  /** The roles the caller may grant somewhere, with the levels each exists at. */
  readonly grantableRoles: readonly {
    readonly role: Role;
    readonly label: string;
    readonly levels: readonly OrgLevel[];
  }[];
}

export interface RoleGrantResult {
  readonly op: 'grant' | 'revoke';
  readonly openid: string;
  readonly name: string;
  readonly role: Role;
  readonly roleLabel: string;
  readonly unit: UnitRef;
  /** The person's grants after the change (the resident's left out). */
  readonly grants: readonly { readonly role: Role; readonly orgPath: string | null }[];
  /** Console sessions ended because the person no longer holds a console role (withdrawal only). */
  readonly sessionsEnded: number;
}

/** One unit of the tree, as the places screen lists it. */
export interface PlaceRow extends UnitRef {
  readonly kind: string | null;
  readonly kindLabel: string;
  readonly childCount: number;
  /** The caller may rename it (below their own level, within their unit; communities and grids only). */
  readonly renamable: boolean;
  /** The caller may move it: a grid whose community lies below the caller's unit (a street's worker, not the community's). */
  readonly movable: boolean;
  /** The caller may add a unit under it. */
  readonly canAddChild: boolean;
  /** A move whose records are still being carried over (resume it by moving it again to the same community). */
  readonly moving: { readonly fromPath: string; readonly toPath: string } | null;
}

export interface PlacesReply {
  /** The unit whose children these are; null for the caller's top units. */
  readonly parent: PlaceRow | null;
  readonly units: readonly PlaceRow[];
}

export interface OrgUnitSaveResult {
  readonly created: boolean;
  readonly unit: UnitRef;
  /** Units below it whose full names were updated (a rename). */
  readonly descendantsRenamed: number;
}

/** What a move carried over, per collection and field (e.g. `users.homeOrgPath`). */
export interface OrgMoveResult {
  readonly unit: UnitRef;
  readonly fromPath: string;
  readonly toPath: string;
  readonly moved: Readonly<Record<string, number>>;
  readonly complete: boolean;
}
