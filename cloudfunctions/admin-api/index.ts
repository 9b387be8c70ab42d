/**
 * `admin-api`: the workers' console's only backend (docs/console.md), an HTTP-triggered function
 * (CloudBase HTTP access service at `/console/api` and `/console/auth`). Each route is one line: the HTTP
 * request's parameters, query or body as the input of one core use case, the same use cases as the
 * mini-program's functions where they exist (`order.detail`, `provider.status.change`), with the actor of
 * the console session (function-kit/http-function.ts). Every path under /console/api/ needs a session.
 */
import { createAccount, resetAccount } from '../../core/console/account.usecase';
import { listAuditEntries } from '../../core/console/audit-log.query';
import { listConsoleOrders } from '../../core/console/console-orders.query';
import { listConsoleProviders } from '../../core/console/console-providers.query';
import { providerRecords } from '../../core/console/provider-records.query';
import { workbench } from '../../core/console/workbench.query';
import { orderDetail } from '../../core/orders/order-detail.usecase';
import { changeProviderStatus } from '../../core/providers/provider-status.usecase';
import {
  CONSOLE_AUTH_ROUTES,
  consoleCrypto as crypto,
  consoleSessions,
  sessionRoute,
} from '../../function-kit/console-session';
import { httpFunction } from '../../function-kit/http-function';
import { announcementsRoutes } from './routes/announcements.routes';
import { concernsRoutes } from './routes/concerns.routes';
import { dashboardRoutes } from './routes/dashboard.routes';
import { fundsRoutes } from './routes/funds.routes';
import { governanceRoutes } from './routes/governance.routes';
import { ledgersRoutes } from './routes/ledgers.routes';
import { messagesRoutes } from './routes/messages.routes';
import { partyRoutes } from './routes/party.routes';
import { peopleRoutes } from './routes/people.routes';
import { residentsRoutes } from './routes/residents.routes';
import { stationsRoutes } from './routes/stations.routes';
import { storageRoutes } from './routes/storage.routes';
import { teamsRoutes } from './routes/teams.routes';
import { volunteersRoutes } from './routes/volunteers.routes';

export const main = httpFunction({
  protectedPrefix: '/console/api/',
  identity: consoleSessions,
  publicRoutes: CONSOLE_AUTH_ROUTES,
  routes: {
    'GET /console/api/session': (ctx) => sessionRoute(ctx),
    'GET /console/api/workbench': (ctx, r) => workbench({ ...ctx, command: r.query }),
    'GET /console/api/orders': (ctx, r) => listConsoleOrders({ ...ctx, command: r.query }),
    'GET /console/api/orders/:orderId': (ctx, r) => orderDetail({ ...ctx, command: r.params }),
    'GET /console/api/providers': (ctx, r) => listConsoleProviders({ ...ctx, command: r.query }),
    'GET /console/api/providers/:providerId': (ctx, r) => providerRecords({ ...ctx, command: r.params }),
    'POST /console/api/providers/:providerId/status': (ctx, r) =>
      changeProviderStatus({ ...ctx, command: { ...r.body, ...r.params } }),
    'GET /console/api/audit': (ctx, r) => listAuditEntries({ ...ctx, command: r.query }),
    'POST /console/api/accounts': (ctx, r) => createAccount({ ...ctx, crypto, command: r.body }),
    'POST /console/api/accounts/:loginName/reset': (ctx, r) =>
      resetAccount({ ...ctx, crypto, command: r.params }),
    ...announcementsRoutes,
    ...concernsRoutes,
    ...dashboardRoutes,
    ...fundsRoutes,
    ...governanceRoutes,
    ...ledgersRoutes,
    ...messagesRoutes,
    ...partyRoutes,
    ...peopleRoutes,
    ...residentsRoutes,
    ...stationsRoutes,
    ...storageRoutes,
    ...teamsRoutes,
    ...volunteersRoutes,
  },
});
