/** admin-api's routes for the console's dashboard screens (docs/console.md). */
import type { HttpRoute } from '../../../function-kit/http-function';

export const dashboardRoutes: Readonly<Record<string, HttpRoute>> = {};
