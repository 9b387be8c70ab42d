/**
 * What the console's sign-in needs of cryptography, as a port (the core does no I/O and has no crypto of its
 * own): password hashing with scrypt, fresh random tokens, and a one-way digest of a session token.
 * function-kit/console-crypto.adapter.ts implements it with node:crypto.
 */
export interface ConsoleCrypto {
  /** A scrypt hash of the password, with a fresh salt, in a self-describing string. */
  hashPassword(password: string): Promise<string>;
  /**
   * Whether the password matches the stored hash (constant time). False for a malformed hash (also `''`),
   * after the same work as a real check: an unknown account takes as long to refuse as a wrong password.
   */
  verifyPassword(password: string, stored: string): Promise<boolean>;
  /** A fresh random token (at least 256 bits), URL- and cookie-safe. */
  newToken(): string;
  /** The SHA-256 digest of a token, hex: what is stored instead of a session token. */
  digest(token: string): string;
  /** Equality of two secrets in constant time (CSRF tokens). */
  sameSecret(a: string, b: string): boolean;
  /** A one-time password a person can type: 12 characters, letters and digits. */
  newOneTimePassword(): string;
}
