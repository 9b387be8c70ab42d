/** admin-api's routes for the console's residents screens (docs/console.md). */
import type { HttpRoute } from '../../../function-kit/http-function';

export const residentsRoutes: Readonly<Record<string, HttpRoute>> = {};
