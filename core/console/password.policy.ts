/**
 * What a console password and a login name must be. A password is 10 to 64 characters with letters and
 * digits, and does not contain the login name (the login name's own rule is the schema's,
 * core/schemas/console.schema.ts: it is the account's `_id`, typed at every sign-in).
 */
import { accepted, refused, type Outcome } from '../kernel/outcome';
import { CONSOLE_ERRORS } from './console.errors';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 64;

/** The login name as stored: trimmed and lower case (people type it in any case). */
export function normaliseLoginName(name: string): string {
  return name.trim().toLowerCase();
}

/** Whether `password` may be a worker's new password. */
export function checkNewPassword(password: string, loginName: string): Outcome<string> {
  const weak =
    password.length < PASSWORD_MIN_LENGTH ||
    password.length > PASSWORD_MAX_LENGTH ||
    !/[A-Za-z]/.test(password) ||
    !/[0-9]/.test(password) ||
    password.toLowerCase().includes(normaliseLoginName(loginName));
  return weak
    ? refused('PASSWORD_TOO_WEAK', CONSOLE_ERRORS.PASSWORD_TOO_WEAK, { minLength: PASSWORD_MIN_LENGTH })
    : accepted(password);
}
