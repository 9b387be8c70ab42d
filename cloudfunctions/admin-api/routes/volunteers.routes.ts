/**
 * admin-api's routes for the console's 志愿服务 screens (活动管理, an activity's attendance and hours, 志愿者,
 * 年度排行; docs/console.md, docs/volunteers.md): one line each over the same core use cases the `volunteers`
 * function runs, the actor from the console session; the unit's lists (activities by status, volunteers)
 * are the console's own reads (core/volunteers/activity-unit.query.ts, volunteer-unit-records.ts). The check-in
 * code comes with its QR image, drawn here as the function draws it (decision 0045). The fixed paths come
 * before the parameters: the first route that fits answers.
 */
import { activityAttendance, activityDetail } from '../../../core/volunteers/activity-queries';
import { issueCheckinCode } from '../../../core/volunteers/activity-checkin.usecase';
import { confirmHours } from '../../../core/volunteers/activity-hours.usecase';
import { cancelActivity, saveActivity } from '../../../core/volunteers/activity-save.usecase';
import { listUnitActivities } from '../../../core/volunteers/activity-unit.query';
import { volunteerRanking } from '../../../core/volunteers/volunteer-records';
import {
  addVolunteerRecord,
  listUnitVolunteers,
  volunteerRecordDetail,
} from '../../../core/volunteers/volunteer-unit-records';
import type { HttpRoute, RoutedRequest } from '../../../function-kit/http-function';
import { withQrImage } from '../../../function-kit/qr-image';

/** A write on one record: its body with the record named by the path. */
const on = (r: RoutedRequest) => ({ ...r.body, ...r.params });

/** A query's numbers (page, pageSize, year) as the numbers their decimal text spells (a URL carries text). */
function numbers(query: Readonly<Record<string, string>>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...query };
  for (const key of ['page', 'pageSize', 'year']) {
    const value = query[key];
    if (value !== undefined && /^\d{1,9}$/.test(value)) out[key] = Number(value);
  }
  return out;
}

export const volunteersRoutes: Readonly<Record<string, HttpRoute>> = {
  'GET /console/api/volunteers/activities': (ctx, r) =>
    listUnitActivities({ ...ctx, command: numbers(r.query) }),
  'POST /console/api/volunteers/activities': (ctx, r) => saveActivity({ ...ctx, command: r.body }),
  'GET /console/api/volunteers/activities/:activityId': (ctx, r) =>
    activityDetail({ ...ctx, command: r.params }),
  'POST /console/api/volunteers/activities/:activityId': (ctx, r) => saveActivity({ ...ctx, command: on(r) }),
  'POST /console/api/volunteers/activities/:activityId/cancel': (ctx, r) =>
    cancelActivity({ ...ctx, command: on(r) }),
  'GET /console/api/volunteers/activities/:activityId/attendance': (ctx, r) =>
    activityAttendance({ ...ctx, command: r.params }),
  'POST /console/api/volunteers/activities/:activityId/checkin-code': async (ctx, r) =>
    withQrImage(await issueCheckinCode({ ...ctx, command: on(r) })),
  'POST /console/api/volunteers/activities/:activityId/hours': (ctx, r) =>
    confirmHours({ ...ctx, command: on(r) }),
  'GET /console/api/volunteers/ranking': (ctx, r) => volunteerRanking({ ...ctx, command: numbers(r.query) }),
  'GET /console/api/volunteers': (ctx, r) => listUnitVolunteers({ ...ctx, command: numbers(r.query) }),
  'GET /console/api/volunteers/:volunteerNo': (ctx, r) =>
    volunteerRecordDetail({ ...ctx, command: r.params }),
  'POST /console/api/volunteers/:volunteerNo/records': (ctx, r) =>
    addVolunteerRecord({ ...ctx, command: on(r) }),
};
