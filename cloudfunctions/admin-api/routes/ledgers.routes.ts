/** admin-api's routes for the console's ledgers screens (docs/console.md). */
import type { HttpRoute } from '../../../function-kit/http-function';

export const ledgersRoutes: Readonly<Record<string, HttpRoute>> = {};
