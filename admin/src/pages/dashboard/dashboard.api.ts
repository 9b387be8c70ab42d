/** `GET /console/api/dashboard` (docs/dashboard.md), typed with the core's reply. */
import type { DashboardReply } from '../../../../core/console/dashboard.replies';
import { get, queryOf } from '../../api/http';

export interface DashboardFilters {
  orgUnitId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export const fetchDashboard = (filters: DashboardFilters) =>
  get<DashboardReply>(`/console/api/dashboard${queryOf({ ...filters })}`);
