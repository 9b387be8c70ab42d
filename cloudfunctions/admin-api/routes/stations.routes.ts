/**
 * admin-api's routes for 站点管理 (docs/stations.md): one line each over core/stations, the actor from the
 * console session. The fixed path `stations` (the list) is matched before `:stationId`.
 */
import { stationDetail, listStations } from '../../../core/stations/station.queries';
import { inspectStation, setStationDemonstration } from '../../../core/stations/station-review.usecase';
import { saveStation, updateStationChecklist } from '../../../core/stations/station-write.usecase';
import { fileStore } from '../../../function-kit/file-store';
import type { HttpRoute, RoutedRequest } from '../../../function-kit/http-function';

/** A write on one station: its body with the station named by the path. */
const on = (r: RoutedRequest) => ({ ...r.body, ...r.params });

/** A query's page numbers as the numbers their decimal text spells (a URL carries text). */
function paged(query: Readonly<Record<string, string>>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...query };
  for (const key of ['page', 'pageSize']) {
    const value = query[key];
    if (value !== undefined && /^\d{1,9}$/.test(value)) out[key] = Number(value);
  }
  return out;
}

export const stationsRoutes: Readonly<Record<string, HttpRoute>> = {
  'GET /console/api/stations': (ctx, r) => listStations({ ...ctx, command: paged(r.query) }),
  'GET /console/api/stations/:stationId': (ctx, r) =>
    stationDetail({ ...ctx, files: fileStore(), command: { ...paged(r.query), ...r.params } }),
  'POST /console/api/stations': (ctx, r) => saveStation({ ...ctx, command: r.body }),
  'POST /console/api/stations/:stationId': (ctx, r) => saveStation({ ...ctx, command: on(r) }),
  'POST /console/api/stations/:stationId/checklist': (ctx, r) =>
    updateStationChecklist({ ...ctx, command: on(r) }),
  'POST /console/api/stations/:stationId/inspections': (ctx, r) => inspectStation({ ...ctx, command: on(r) }),
  'POST /console/api/stations/:stationId/demonstration': (ctx, r) =>
    setStationDemonstration({ ...ctx, command: on(r) }),
};
