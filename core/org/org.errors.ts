/**
 * Stable error codes of reading the org tree (`catalog.list`, `org.children`, `profile.bind`). Never change an
 * existing one: the mini-program and the functions' tests read them.
 */
import { domainErrorsOf } from '../kernel/errors';

export const ORG_ERRORS = {
  /** No org unit has this id. */
  ORG_UNIT_NOT_FOUND: '所选地区不存在，请重新选择',
} as const;

export const orgError = domainErrorsOf(ORG_ERRORS);
