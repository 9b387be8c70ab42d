/**
 * What a unit's workers and a team's leader are answered about their volunteers and activities
 * (core/volunteers/volunteer-unit-records.ts, activity-unit.query.ts; the console's 志愿服务 screens). Types only.
 */
import type { VolunteerRecordKind } from '../model/volunteer.model';
import type { ActivitySummary, VolunteerMeResult } from './volunteer.replies';

export interface VolunteerRecordAddResult {
  readonly recordId: string;
  readonly kind: Exclude<VolunteerRecordKind, 'basic' | 'service'>;
  readonly volunteerNo: string;
  readonly correctsRecordId: string | null;
}

export interface UnitVolunteerRow {
  readonly volunteerNo: string;
  /** In full: the unit's workers keep the record (民政部令第67号). */
  readonly name: string;
  readonly communityId: string;
  readonly teamIds: readonly string[];
  readonly totalMinutes: number;
  readonly totalHours: number;
  readonly serviceCount: number;
  readonly starLevel: number;
  readonly since: number;
}

export interface UnitVolunteerList {
  readonly items: readonly UnitVolunteerRow[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/** A volunteer's record as they see it, and which of its records a later one corrected. */
export interface VolunteerRecordDetail extends VolunteerMeResult {
  readonly correctedRecordIds: readonly string[];
}

export interface UnitActivityRow extends ActivitySummary {
  readonly capacity: number;
  readonly volunteerPlaces: number;
  readonly residentCount: number;
  readonly volunteerCount: number;
  readonly hoursConfirmed: boolean;
  readonly orgUnitId: string;
}

export interface UnitActivityList {
  readonly items: readonly UnitActivityRow[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}
