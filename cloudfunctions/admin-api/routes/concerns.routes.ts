/**
 * admin-api's routes for the concerns screens (诉求审核, 待发布, 待认领, 代办, 联席会议; docs/console.md): one line
 * each over the same core use cases the `concerns` function runs (core/concerns/*), the actor from the
 * console session; the concerns' queues and dashboard figures (core/console/concern-*.query.ts). The fixed
 * paths (`similar`, `queues`) come before `:concernId`: the first route that fits answers.
 */
import { concernDashboard } from '../../../core/console/concern-dashboard.query';
import { concernQueuesQuery } from '../../../core/console/concern-workbench.query';
import { similarConcerns, submitConcern } from '../../../core/concerns/concern-intake.usecase';
import { concernDetail, listConcerns } from '../../../core/concerns/concern-queries';
import {
  claimConcern,
  escalateConcernByHand,
  publishConcern,
  referConcern,
  resolveConcern,
  reviewConcern,
  updateConcern,
} from '../../../core/concerns/concern-steps.usecase';
import {
  addJointTasks,
  completeJointTask,
  recordJointMinutes,
  takeByJointMeeting,
} from '../../../core/concerns/joint-meeting.usecase';
import type { HttpRoute, RoutedRequest } from '../../../function-kit/http-function';

/** A write on one concern: its body with the concern (and task) named by the path. */
const on = (r: RoutedRequest) => ({ ...r.body, ...r.params });

/** A list's query: the page numbers as the numbers their decimal text spells (a URL carries text). */
function listQuery(query: Readonly<Record<string, string>>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...query };
  for (const key of ['page', 'pageSize']) {
    const value = query[key];
    if (value !== undefined && /^\d{1,9}$/.test(value)) out[key] = Number(value);
  }
  return out;
}

export const concernsRoutes: Readonly<Record<string, HttpRoute>> = {
  'GET /console/api/concerns': (ctx, r) => listConcerns({ ...ctx, command: listQuery(r.query) }),
  'GET /console/api/concerns/similar': (ctx, r) => similarConcerns({ ...ctx, command: r.query }),
  'GET /console/api/concerns/queues': (ctx, r) => concernQueuesQuery({ ...ctx, command: r.query }),
  'GET /console/api/concerns/:concernId': (ctx, r) => concernDetail({ ...ctx, command: r.params }),
  'POST /console/api/concerns': (ctx, r) => submitConcern({ ...ctx, command: r.body }),
  'POST /console/api/concerns/:concernId/review': (ctx, r) => reviewConcern({ ...ctx, command: on(r) }),
  'POST /console/api/concerns/:concernId/publish': (ctx, r) => publishConcern({ ...ctx, command: on(r) }),
  'POST /console/api/concerns/:concernId/escalate': (ctx, r) =>
    escalateConcernByHand({ ...ctx, command: on(r) }),
  'POST /console/api/concerns/:concernId/refer': (ctx, r) => referConcern({ ...ctx, command: on(r) }),
  'POST /console/api/concerns/:concernId/claim': (ctx, r) => claimConcern({ ...ctx, command: on(r) }),
  'POST /console/api/concerns/:concernId/update': (ctx, r) => updateConcern({ ...ctx, command: on(r) }),
  'POST /console/api/concerns/:concernId/resolve': (ctx, r) => resolveConcern({ ...ctx, command: on(r) }),
  'POST /console/api/concerns/:concernId/joint/take': (ctx, r) =>
    takeByJointMeeting({ ...ctx, command: on(r) }),
  'POST /console/api/concerns/:concernId/joint/tasks': (ctx, r) => addJointTasks({ ...ctx, command: on(r) }),
  'POST /console/api/concerns/:concernId/joint/tasks/:taskId/done': (ctx, r) =>
    completeJointTask({ ...ctx, command: on(r) }),
  'POST /console/api/concerns/:concernId/joint/minutes': (ctx, r) =>
    recordJointMinutes({ ...ctx, command: on(r) }),
  'GET /console/api/dashboard/concerns': (ctx, r) => concernDashboard({ ...ctx, command: r.query }),
};
