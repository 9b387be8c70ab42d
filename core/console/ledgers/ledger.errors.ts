/** Stable codes of the ledgers' export (docs/ledgers.md). Never change an existing one. */
import { domainErrorsOf } from '../../kernel/errors';

export const LEDGER_ERRORS = {
  /** A ledger kind the schema knows but no screen exports yet (concerns, volunteer services, funds). */
  LEDGER_KIND_NOT_AVAILABLE: '该类台账暂不支持导出',
  /** Another worker's export, or none: one answer for both. */
  LEDGER_EXPORT_NOT_FOUND: '导出任务不存在或不在您的权限范围内',
  /** The export's file is not ready (still running, or it failed). */
  LEDGER_EXPORT_NOT_READY: '台账尚未导出完成',
} as const;

export const ledgerError = domainErrorsOf(LEDGER_ERRORS);
