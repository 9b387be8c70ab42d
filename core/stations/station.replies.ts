/**
 * What the stations' console routes answer (docs/stations.md): type-only, as every capability's replies.
 */
import type { OrgLevel } from '../org/org-levels';
import type { StationChecklistKey, StationInspectionResult } from '../schemas/station.schema';

export interface StationInspectionSummary {
  readonly inspectionId: string;
  readonly date: string;
  readonly result: StationInspectionResult;
  readonly resultLabel: string;
}

/** One station in a list (and the head of its detail). */
export interface StationRow {
  readonly stationId: string;
  readonly name: string;
  readonly orgUnitId: string;
  /** 玉林市玉州区玉城街道东门社区 */
  readonly unitName: string;
  readonly orgPath: string;
  readonly address: string;
  readonly phone: string;
  readonly openingHours: string;
  readonly managerName: string;
  readonly checklistMet: number;
  readonly checklistTotal: number;
  /** All ten met. */
  readonly complete: boolean;
  readonly demonstration: boolean;
  /** A 示范点 that no longer meets the rule it was named under (an item unmet, the last inspection failed). */
  readonly demonstrationWarning: string | null;
  readonly lastInspection: StationInspectionSummary | null;
  readonly updatedAt: number;
}

/** Per unit one level below the list's unit (or the unit itself, for a community's grids): the counts. */
export interface StationGroup {
  readonly unitId: string;
  readonly name: string;
  readonly orgPath: string;
  readonly stations: number;
  /** All ten met. */
  readonly complete: number;
  readonly demonstration: number;
}

export interface StationUnitOption {
  readonly unitId: string;
  readonly fullName: string;
  readonly level: OrgLevel;
}

export interface StationListReply {
  /** The unit listed (within the caller's units). */
  readonly unit: { readonly unitId: string; readonly name: string; readonly orgPath: string } | null;
  readonly totals: { readonly stations: number; readonly complete: number; readonly demonstration: number };
  readonly groups: readonly StationGroup[];
  readonly rows: readonly StationRow[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  /** The communities and grids of the unit with no station yet (for 新建站点; the first 200). */
  readonly unitsWithout: readonly StationUnitOption[];
  readonly canCreate: boolean;
}

export interface StationPhoto {
  readonly fileId: string;
  /** A temporary URL (10 minutes); null for a file no longer in storage. */
  readonly url: string | null;
}

export interface StationItemView {
  readonly key: StationChecklistKey;
  readonly label: string;
  readonly met: boolean;
  readonly photos: readonly StationPhoto[];
  readonly note: string;
  readonly updatedByName: string | null;
  readonly updatedAt: number | null;
}

export interface StationFindingView {
  readonly key: StationChecklistKey;
  readonly label: string;
  readonly ok: boolean;
  readonly note: string;
}

export interface StationInspectionView extends StationInspectionSummary {
  readonly findings: readonly StationFindingView[];
  readonly note: string;
  readonly inspectorName: string;
  readonly inspectorUnitName: string;
  readonly createdAt: number;
}

export interface StationDetailReply {
  readonly station: StationRow & {
    readonly note: string;
    readonly demonstrationReason: string;
    readonly demonstrationAt: number | null;
  };
  readonly items: readonly StationItemView[];
  readonly inspections: {
    readonly rows: readonly StationInspectionView[];
    readonly total: number;
    readonly page: number;
    readonly pageSize: number;
  };
  /** What the caller may do here (the buttons shown). */
  readonly actions: {
    readonly manage: boolean;
    readonly inspect: boolean;
    readonly demonstrate: boolean;
  };
  /** Why it cannot be named a 示范点 now (empty: it can). */
  readonly demonstrationBlockers: readonly string[];
  /** Today in Asia/Shanghai by the platform's clock (an inspection's default day, and its latest). */
  readonly today: string;
}

/** What a write answers. */
export interface StationStepResult {
  readonly stationId: string;
  readonly checklistMet: number;
  readonly demonstration: boolean;
  readonly inspectionId?: string;
}
