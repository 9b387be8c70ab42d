/** admin-api's routes for the console's people screens (docs/console.md). */
import type { HttpRoute } from '../../../function-kit/http-function';

export const peopleRoutes: Readonly<Record<string, HttpRoute>> = {};
