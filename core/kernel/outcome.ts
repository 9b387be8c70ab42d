/**
 * Expected outcomes as values (decision 0011): a rule that may say "no" returns an `Outcome`, and the
 * caller branches on it; only a use case ends a command by throwing, with `orThrow` at its boundary, so
 * the transaction rolls back and the adapter maps the DomainError to its stable code.
 */
import { DomainError } from './errors';

/** An expected "no": the stable code, the Chinese message shown as is, machine-readable details. */
export interface Refusal {
  readonly code: string;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export type Outcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly refusal: Refusal };

export function accepted<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

export function refused<T = never>(
  code: string,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): Outcome<T> {
  return { ok: false, refusal: details === undefined ? { code, message } : { code, message, details } };
}

/** The DomainError a refusal becomes at a use case's boundary. */
export function refusalError(refusal: Refusal): DomainError {
  return new DomainError(
    refusal.code,
    refusal.message,
    refusal.details === undefined ? undefined : { ...refusal.details },
  );
}

/** The value, or the refusal thrown as a DomainError (for use cases, which end the command there). */
export function orThrow<T>(outcome: Outcome<T>): T {
  if (outcome.ok) return outcome.value;
  throw refusalError(outcome.refusal);
}
