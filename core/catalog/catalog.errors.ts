/**
 * Stable error codes of reading the catalog (`catalog.list`); ORG_UNIT_NOT_FOUND comes from core/org. Never change an existing one: the mini-program and the functions' tests read
 * them. INVALID_INPUT (core/schemas) and UNAUTHENTICATED (core/auth) also reach callers.
 */
import { domainErrorsOf } from '../kernel/errors';

export const CATALOG_ERRORS = {
  /** The category asked for does not exist or is hidden. */
  CATALOG_CATEGORY_NOT_FOUND: '服务类别不存在或已停用',
} as const;

export type CatalogErrorCode = keyof typeof CATALOG_ERRORS;

export const catalogError = domainErrorsOf(CATALOG_ERRORS);
