/**
 * admin-api's routes for the funding ledger (经费台账, docs/funds.md): one line each, the query or body as the
 * input of one core use case. The Excel ledger is the ledgers' export (`kind: 'funds'`, ledgers.routes.ts).
 */
import { correctFund, recordFund } from '../../../core/funds/fund-entries.usecase';
import { fundSummary, listFunds } from '../../../core/funds/fund-queries';
import type { HttpRoute } from '../../../function-kit/http-function';

export const fundsRoutes: Readonly<Record<string, HttpRoute>> = {
  'GET /console/api/funds/summary': (ctx, r) => fundSummary({ ...ctx, command: r.query }),
  'GET /console/api/funds/entries': (ctx, r) => listFunds({ ...ctx, command: r.query }),
  'POST /console/api/funds/entries': (ctx, r) => recordFund({ ...ctx, command: r.body }),
  'POST /console/api/funds/entries/:entryId/correct': (ctx, r) =>
    correctFund({ ...ctx, command: { ...r.body, ...r.params } }),
};
