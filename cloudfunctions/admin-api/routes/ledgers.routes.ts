/** admin-api's routes for the console's ledgers screens (docs/console.md, docs/ledgers.md). */
import {
  exportLedger,
  ledgerExportJob,
  listLedgerExports,
} from '../../../core/console/ledgers/ledger-export.usecase';
import type { HttpRoute } from '../../../function-kit/http-function';
import { ledgerPorts } from '../../../function-kit/ledger-ports';

export const ledgersRoutes: Readonly<Record<string, HttpRoute>> = {
  'POST /console/api/ledgers/exports': (ctx, r) =>
    exportLedger({ ...ctx, ledgers: ledgerPorts(), command: r.body }),
  'GET /console/api/ledgers/exports': (ctx, r) => listLedgerExports({ ...ctx, command: r.query }),
  'GET /console/api/ledgers/exports/:jobId': (ctx, r) =>
    ledgerExportJob({ ...ctx, ledgers: ledgerPorts(), command: r.params }),
};
