/**
 * The console's crypto port (core/console/console-crypto.port.ts) on node:crypto. Passwords are hashed with
 * scrypt (N = 2^15, r = 8, p = 1: about 32 MiB and tens of milliseconds a check, OWASP's minimum for
 * scrypt) and a 16-byte random salt, stored as `scrypt$<N>$<r>$<p>$<salt>$<hash>` (base64url), so the
 * parameters can be raised later without breaking old hashes. Tokens are 32 random bytes (base64url); a
 * session token is stored only as its SHA-256 digest.
 */
import { createHash, randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';
import type { ConsoleCrypto } from '../core/console/console-crypto.port';

const KEY_BYTES = 32;
const SALT_BYTES = 16;

export interface ScryptCost {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };

/** The same work as a real check, for an unknown account or a malformed hash. */
const DECOY_SALT = Buffer.alloc(SALT_BYTES, 7);

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem: 128 * N * r bytes plus headroom (node's default of 32 MiB is just short of N = 2^15).
    const maxmem = 256 * cost.N * cost.r;
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, { ...cost, maxmem }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

function parse(stored: string): { cost: ScryptCost; salt: Buffer; hash: Buffer } | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const valid = [N, r, p].every((n) => Number.isInteger(n) && n > 0) && N <= 2 ** 20 && r <= 32 && p <= 16;
  if (!valid) return null;
  const salt = Buffer.from(parts[4]!, 'base64url');
  const hash = Buffer.from(parts[5]!, 'base64url');
  if (salt.length < 8 || hash.length !== KEY_BYTES) return null;
  return { cost: { N, r, p }, salt, hash };
}

/** Letters and digits a person can read without mixing them up (no 0/O, 1/l/I). */
const READABLE = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function createConsoleCrypto(cost: ScryptCost = DEFAULT_SCRYPT_COST): ConsoleCrypto {
  return {
    async hashPassword(password) {
      const salt = randomBytes(SALT_BYTES);
      const hash = await derive(password, salt, cost);
      return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), hash.toString('base64url')].join(
        '$',
      );
    },
    async verifyPassword(password, stored) {
      const parsed = parse(stored);
      if (parsed === null) {
        await derive(password, DECOY_SALT, cost);
        return false;
      }
      const hash = await derive(password, parsed.salt, parsed.cost);
      return timingSafeEqual(hash, parsed.hash);
    },
    newToken: () => randomBytes(32).toString('base64url'),
    digest: (token) => createHash('sha256').update(token).digest('hex'),
    sameSecret(a, b) {
      const x = createHash('sha256').update(a).digest();
      const y = createHash('sha256').update(b).digest();
      return timingSafeEqual(x, y) && a.length === b.length;
    },
    newOneTimePassword() {
      // At least one letter and one digit, as the password rule wants of every password.
      for (;;) {
        let s = '';
        for (let i = 0; i < 12; i += 1) s += READABLE[randomInt(READABLE.length)];
        if (/[A-Za-z]/.test(s) && /[0-9]/.test(s)) return s;
      }
    },
  };
}
