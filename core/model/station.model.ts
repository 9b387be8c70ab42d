/**
 * 为民红绳孵化管理中心（站） (docs/stations.md): one per community or grid (`_id` `st-<unitId>`), with its 十有
 * checklist (each item met or not, 1-3 evidence photos to be met, a note, who changed it and when), its last
 * inspection and whether a county or the city named it a 示范点; and the inspections themselves.
 */
import type { StationChecklistKey, StationInspectionResult } from '../schemas/station.schema';
import type { BaseDocument, CalendarDate, Located, Millis, Timestamps } from './common.model';

/** One of the 十有 as the station keeps it. */
export interface StationChecklistItem {
  readonly met: boolean;
  /** Evidence photos (console file ids, core/files): 1-3 when met, kept (0-3) when not. */
  readonly photos: readonly string[];
  readonly note: string;
  /** Who last changed the item (openid) and when; null for an item nobody has touched. */
  readonly updatedBy: string | null;
  readonly updatedAt: Millis | null;
}

/** The last inspection, copied onto the station for lists and the 示范点 rule. */
export interface StationInspectionRef {
  readonly inspectionId: string;
  readonly date: CalendarDate;
  readonly result: StationInspectionResult;
  readonly at: Millis;
}

/**
 * `stations`. `checklist` and `checklistMet` are kept with `items` in every write (lists filter and count by
 * them; `checklist` is what the records written before items carried).
 */
export interface Station extends BaseDocument, Timestamps, Located {
  readonly name: string;
  readonly orgUnitId: string;
  readonly address: string;
  /** The station's office telephone (not a person's). */
  readonly phone: string;
  readonly openingHours?: string;
  /** Who runs the station (a name; their own number is not kept here). */
  readonly managerName?: string;
  readonly checklist: Readonly<Record<StationChecklistKey, boolean>>;
  /** How many of the ten are met (kept with `checklist` for lists and the dashboard). */
  readonly checklistMet: number;
  /** Per item, with evidence; absent on records written before evidence was kept. */
  readonly items?: Readonly<Record<StationChecklistKey, StationChecklistItem>>;
  /** A 示范点 (demonstration station), named by a county or the city. */
  readonly demonstration: boolean;
  /** Who named or unnamed it last, when, and why. */
  readonly demonstrationBy?: string | null;
  readonly demonstrationAt?: Millis | null;
  readonly demonstrationReason?: string;
  readonly lastInspection?: StationInspectionRef | null;
  readonly note: string;
  readonly updatedBy: string | null;
}

/** One finding of an inspection, per item of the 十有 looked at. */
export interface StationFinding {
  readonly key: StationChecklistKey;
  readonly ok: boolean;
  readonly note: string;
}

/** `station_inspections`: a street's (or a higher unit's) inspection of one station. */
export interface StationInspection extends BaseDocument, Located {
  readonly stationId: string;
  /** The day of the inspection (Asia/Shanghai). */
  readonly date: CalendarDate;
  readonly result: StationInspectionResult;
  readonly findings: readonly StationFinding[];
  readonly note: string;
  /** The inspector (openid; the name is read when shown) and the unit they inspected for. */
  readonly inspectorOpenid: string;
  readonly inspectorOrgPath: string;
  readonly createdAt: Millis;
}
