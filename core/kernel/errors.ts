/**
 * Expected failures carry a stable code (for callers and tests) and a Chinese message (for people).
 * Throwing a DomainError is how the core says "no" to a command; any other exception is a bug.
 */
export class DomainError extends Error {
  constructor(
    /** Stable, upper-snake code, e.g. `ORDER_ILLEGAL_TRANSITION`. Never change an existing one. */
    readonly code: string,
    /** Simplified Chinese, shown to the user as is. */
    message: string,
    /** Optional machine-readable detail (field paths, limits...). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/**
 * The error factory of one module's table of stable codes and their Chinese messages:
 *   export const catalogError = domainErrorsOf(CATALOG_ERRORS);  ...  throw catalogError('ORG_UNIT_NOT_FOUND');
 */
export function domainErrorsOf<T extends Readonly<Record<string, string>>>(
  messages: T,
): (code: keyof T & string, details?: Record<string, unknown>) => DomainError {
  return (code, details) => new DomainError(code, messages[code]!, details);
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
