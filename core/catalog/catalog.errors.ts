/**
 * Stable error codes of reading the catalog and the org tree (`catalog.list`, `org.children`; `profile.bind`
 * uses ORG_UNIT_NOT_FOUND too). Never change an existing one: the mini-program and the functions' tests read
 * them. INVALID_INPUT (core/schemas) and UNAUTHENTICATED (core/auth) also reach callers.
 */
import { domainErrorsOf } from '../shared/errors';

export const CATALOG_ERRORS = {
  /** No org unit has this id. */
  ORG_UNIT_NOT_FOUND: '所选地区不存在，请重新选择',
  /** The category asked for does not exist or is hidden. */
  CATALOG_CATEGORY_NOT_FOUND: '服务类别不存在或已停用',
} as const;

export type CatalogErrorCode = keyof typeof CATALOG_ERRORS;

export const catalogError = domainErrorsOf(CATALOG_ERRORS);
