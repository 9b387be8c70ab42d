/**
 * The ledgers' ports as admin-api hands them to core/console/ledgers: exceljs's streaming writer into the
 * instance's temporary folder, and wx-server-sdk's cloud storage. Built per call, after the command kit has
 * initialised the SDK (runRoute's ports come first).
 */
import cloud from 'wx-server-sdk';
import type { LedgerPorts } from '../core/console/ledgers/ledger.ports';
import { createLedgerWorkbooks } from './ledger-workbook.adapter';
import { createWxFileStorage, type WxStorageCloud } from './wx-storage.adapter';

export function ledgerPorts(): LedgerPorts {
  return {
    workbooks: createLedgerWorkbooks(),
    files: createWxFileStorage(cloud as unknown as WxStorageCloud),
  };
}
