/**
 * Stable codes of the funding ledger (docs/funds.md). Never change an existing one: the console and the tests
 * read them. Codes from other modules also reach callers: INVALID_INPUT (core/schemas: amounts, sources,
 * uses, a spending without a receipt), UNAUTHENTICATED / PERMISSION_DENIED / OUT_OF_SCOPE (core/auth),
 * FILE_NOT_OF_RECORD (core/files: a receipt not uploaded for the unit), IDEMPOTENCY_KEY_REUSED.
 *
 * An entry the caller may not see is FUND_ENTRY_NOT_FOUND, the same answer as for one that does not exist.
 */
import { domainErrorsOf } from '../kernel/errors';

const RISKY = '含有不适宜发布的信息，请修改后再提交';

export const FUND_ERRORS = {
  /** Books are kept by the unit itself: a street worker does not record a community's money. */
  FUND_OWN_UNIT_ONLY: '经费只能由本单位的平台管理人员或负责人登记和更正，不能代其他单位记账',
  FUND_DATE_IN_FUTURE: '日期不能晚于今天',
  FUND_ENTRY_NOT_FOUND: '经费记录不存在或不在您的权限范围内',
  /** The entry already has its reversal (`<id>-rev`): a correction of a correction is made on the new entry. */
  FUND_ENTRY_ALREADY_CORRECTED: '该笔记录已更正过，不能重复更正；如需再调整，请更正更正后的记录',
  FUND_REVERSAL_NOT_CORRECTABLE: '冲销记录不能更正',
  /** The corrected entry keeps the original's direction, so it needs the source (income) or use (spending). */
  FUND_CATEGORY_REQUIRED: '请选择更正后的经费来源或用途（与原记录的收支方向一致）',
  FUND_RECEIPT_REQUIRED: '支出须上传凭证',
  FUND_NOTE_RISKY: `说明${RISKY}`,
  FUND_COUNTERPARTY_RISKY: `对方单位${RISKY}`,
  FUND_REASON_RISKY: `更正原因${RISKY}`,
} as const;
export type FundErrorCode = keyof typeof FUND_ERRORS;

export const fundError = domainErrorsOf(FUND_ERRORS);
