/** admin-api's stations routes (docs/stations.md), typed with the core's replies. */
import type {
  StationDetailReply,
  StationListReply,
  StationStepResult,
} from '../../../../core/stations/station.replies';
import type { StationChecklistKey, StationInspectionResult } from '../../../../core/schemas/station.schema';
import type { Filters } from '../../api/console';
import { get, post, queryOf } from '../../api/http';

/** The list with its rows as `items`, as the list screens read them. */
export type StationListPage = StationListReply & { readonly items: StationListReply['rows'] };

export const stationList = async (filters: Filters): Promise<StationListPage> => {
  const reply = await get<StationListReply>(`/console/api/stations${queryOf(filters)}`);
  return { ...reply, items: reply.rows };
};

export const stationDetail = (stationId: string, page = 1) =>
  get<StationDetailReply>(
    `/console/api/stations/${encodeURIComponent(stationId)}${queryOf({ page, pageSize: 10 })}`,
  );

export interface StationDetails {
  name: string;
  address: string;
  phone: string;
  openingHours: string;
  managerName: string;
  note: string;
}

export const createStation = (orgUnitId: string, details: StationDetails, clientRequestId: string) =>
  post<StationStepResult>('/console/api/stations', { ...details, orgUnitId, clientRequestId });

export const editStation = (stationId: string, details: StationDetails, clientRequestId: string) =>
  post<StationStepResult>(`/console/api/stations/${encodeURIComponent(stationId)}`, {
    ...details,
    clientRequestId,
  });

export interface ChecklistItemInput {
  key: StationChecklistKey;
  met: boolean;
  photos: string[];
  note: string;
}

export const saveChecklist = (stationId: string, items: ChecklistItemInput[], clientRequestId: string) =>
  post<StationStepResult>(`/console/api/stations/${encodeURIComponent(stationId)}/checklist`, {
    items,
    clientRequestId,
  });

export interface InspectionInput {
  date: string;
  result: StationInspectionResult;
  findings: { key: StationChecklistKey; ok: boolean; note: string }[];
  note: string;
}

export const recordInspection = (stationId: string, inspection: InspectionInput, clientRequestId: string) =>
  post<StationStepResult>(`/console/api/stations/${encodeURIComponent(stationId)}/inspections`, {
    ...inspection,
    clientRequestId,
  });

export const setDemonstration = (
  stationId: string,
  demonstration: boolean,
  reason: string,
  clientRequestId: string,
) =>
  post<StationStepResult>(`/console/api/stations/${encodeURIComponent(stationId)}/demonstration`, {
    demonstration,
    reason,
    clientRequestId,
  });
