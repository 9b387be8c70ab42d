/**
 * Where the personal-data keys come from (decision 0012): the environment, never the repository.
 *
 *   PII_KEYS   = "<key id>:<32 bytes, base64>,<key id>:<base64>,…"   every key that may still open data
 *   PII_KEY_ID = "<key id>"                                           the one new values are sealed with
 *                                                                     (may be left out with a single key)
 *   PII_CIPHER = aes-256-gcm (default) | sm4-gcm | sm4-cbc-hmac-sm3
 *
 * On CloudBase they are the functions' environment variables (set in the console or by the deploy, from a
 * secret store; never in config.json, which is in the repository). Without PII_KEYS a function refuses to
 * start, except on the local cloud, where a fixed development key stands in. "Local" is decided by what
 * the runtime is, not by a flag someone could leave on: not CloudBase's SCF runtime (which sets
 * TENCENTCLOUD_RUNENV=SCF) and a database reached at a loopback address (the local cloud puts its own
 * URL in TCB_CONTEXT_CNFG). Anywhere else the development key is refused even when configured explicitly.
 */
import { createHash } from 'node:crypto';
import type { PersonalDataCipher } from '../core/kernel/personal-data.port';
import {
  createPersonalDataCipher,
  DEFAULT_CIPHER_SUITE,
  isCipherSuite,
  PersonalDataConfigError,
  type CryptoAvailability,
  type KeyRing,
} from './personal-data.cipher';

type Env = Readonly<Record<string, string | undefined>>;

/** The development key: public, so it protects nothing; only the local cloud may use it. */
export const DEV_KEY_ID = 'dev-local';
export const DEV_KEY = createHash('sha256')
  .update('weimin-hongsheng local development key: never for real residents')
  .digest();

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** Whether a URL points at this machine. */
export function isLoopbackUrl(url: string): boolean {
  try {
    return LOOPBACK.has(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** Whether this function runs on the local cloud (see the file comment). */
export function isLocalCloudRuntime(env: Env): boolean {
  if (env['TENCENTCLOUD_RUNENV'] === 'SCF') return false;
  const config = env['TCB_CONTEXT_CNFG'];
  if (config === undefined) return false;
  try {
    const url = (JSON.parse(config) as { URL?: unknown }).URL;
    return typeof url === 'string' && isLoopbackUrl(url);
  } catch {
    return false;
  }
}

/** The key ring PII_KEYS and PII_KEY_ID describe. */
export function parseKeyRing(keys: string, currentKeyId: string | undefined): KeyRing {
  const ring = new Map<string, Buffer>();
  for (const entry of keys
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e.length > 0)) {
    const at = entry.indexOf(':');
    if (at <= 0) throw new PersonalDataConfigError('PII_KEYS entries are "<key id>:<base64 key>"');
    const id = entry.slice(0, at);
    if (ring.has(id)) throw new PersonalDataConfigError(`key id "${id}" appears twice in PII_KEYS`);
    ring.set(id, Buffer.from(entry.slice(at + 1), 'base64'));
  }
  const current = currentKeyId?.trim() || (ring.size === 1 ? [...ring.keys()][0]! : undefined);
  if (current === undefined) {
    throw new PersonalDataConfigError('PII_KEY_ID must name the current key when PII_KEYS holds several');
  }
  return { keys: ring, currentKeyId: current };
}

export interface KeySource {
  /** The runtime is the local cloud (or a script working on it): the development key may stand in. */
  readonly local: boolean;
  readonly available?: CryptoAvailability;
}

/** The key ring of the environment, with the development key only where that is allowed. */
export function keyRingFromEnv(env: Env, source: KeySource): KeyRing {
  const keys = env['PII_KEYS']?.trim();
  if (keys === undefined || keys === '') {
    if (source.local) return { keys: new Map([[DEV_KEY_ID, DEV_KEY]]), currentKeyId: DEV_KEY_ID };
    throw new PersonalDataConfigError(
      'PII_KEYS is not set. Outside the local cloud the keys must come from the environment (docs/decisions/0012)',
    );
  }
  const ring = parseKeyRing(keys, env['PII_KEY_ID']);
  if (!source.local) {
    for (const [id, key] of ring.keys) {
      if (id === DEV_KEY_ID || key.equals(DEV_KEY)) {
        throw new PersonalDataConfigError(
          `key "${id}" is the public development key; it is refused outside the local cloud`,
        );
      }
    }
  }
  return ring;
}

/** The cipher the environment configures (see the file comment); throws PersonalDataConfigError. */
export function personalDataCipherFromEnv(env: Env, source: KeySource): PersonalDataCipher {
  const suite = env['PII_CIPHER']?.trim() || DEFAULT_CIPHER_SUITE;
  if (!isCipherSuite(suite)) {
    throw new PersonalDataConfigError(
      `PII_CIPHER=${suite} is not one of aes-256-gcm, sm4-gcm, sm4-cbc-hmac-sm3`,
    );
  }
  return createPersonalDataCipher({
    suite,
    ring: keyRingFromEnv(env, source),
    ...(source.available === undefined ? {} : { available: source.available }),
  });
}
