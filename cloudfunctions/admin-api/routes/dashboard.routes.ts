/** admin-api's routes for the console's dashboard screens (docs/console.md, docs/dashboard.md). */
import { dashboard } from '../../../core/console/dashboard.query';
import type { HttpRoute } from '../../../function-kit/http-function';

export const dashboardRoutes: Readonly<Record<string, HttpRoute>> = {
  'GET /console/api/dashboard': (ctx, r) => dashboard({ ...ctx, command: r.query }),
};
