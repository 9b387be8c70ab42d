/**
 * Stable error codes of `match.request`. Never change an existing one: the mini-program and the functions'
 * tests read them. INVALID_INPUT (core/schemas) and UNAUTHENTICATED / PERMISSION_DENIED (core/auth) also
 * reach callers.
 */
import { domainErrorsOf } from '../kernel/errors';

export const MATCHING_ERRORS = {
  /** The resident has not bound a grid or community yet. */
  PROFILE_UNIT_REQUIRED: '请先选择您所在的小区或社区',
  CATALOG_ITEM_NOT_FOUND: '服务项目不存在或已停用',
  CATALOG_ITEM_NOT_OFFERED_HERE: '该服务项目在您所在的地区暂未开放',
} as const;

export const matchingError = domainErrorsOf(MATCHING_ERRORS);
