/**
 * The node:crypto PersonalDataCipher and its keys (function-kit/personal-data.cipher.ts, personal-data.keys.ts):
 * every suite this runtime has round-trips, binds the value to its field and carries its key id; a tampered
 * value does not open; old keys open while new values use the current one; blind indexes are deterministic per
 * key; a suite OpenSSL lacks, an unusable key ring, no key outside the local cloud, and the development key
 * outside it are each refused with a clear message (the function does not start).
 */
import { randomBytes } from 'node:crypto';
import {
  availableSuites,
  CIPHER_SUITES,
  createPersonalDataCipher,
  PersonalDataConfigError,
  runtimeAvailability,
  type CipherSuite,
  type KeyRing,
} from '../../function-kit/personal-data.cipher';
import {
  DEV_KEY,
  DEV_KEY_ID,
  isLocalCloudRuntime,
  keyRingFromEnv,
  personalDataCipherFromEnv,
} from '../../function-kit/personal-data.keys';

const K1 = randomBytes(32);
const K2 = randomBytes(32);
const ring = (current = 'k1', keys: [string, Buffer][] = [['k1', K1]]): KeyRing => ({
  keys: new Map(keys),
  currentKeyId: current,
});
const b64 = (b: Buffer) => b.toString('base64');
const PHONE = '13907750001';

const suites = availableSuites();

test('this runtime offers AES-256-GCM, and SM4 with SM3 as its OpenSSL provides them', () => {
  expect(suites).toContain('aes-256-gcm');
  const { ciphers, hashes } = runtimeAvailability();
  expect(suites.includes('sm4-cbc-hmac-sm3')).toBe(ciphers.includes('sm4-cbc') && hashes.includes('sm3'));
  expect(suites.includes('sm4-gcm')).toBe(ciphers.includes('sm4-gcm') && hashes.includes('sm3'));
});

describe.each(suites)('%s', (suite: CipherSuite) => {
  const cipher = createPersonalDataCipher({ suite, ring: ring() });

  test('seals to text naming the suite and key, never the same twice, and opens it again', () => {
    const a = cipher.seal('users.phone', PHONE);
    const b = cipher.seal('users.phone', PHONE);
    expect(a).toMatch(new RegExp(`^pii1:${suite}:k1:[\\w-]+:[\\w-]+:[\\w-]+$`));
    expect(a).not.toBe(b);
    expect(a).not.toContain(PHONE);
    expect(cipher.isSealed(a)).toBe(true);
    expect(cipher.isSealed(PHONE)).toBe(false);
    expect(cipher.open('users.phone', a)).toBe(PHONE);
    expect(
      cipher.open('orders.serviceAddress', cipher.seal('orders.serviceAddress', '金港花园 3 栋 502')),
    ).toBe('金港花园 3 栋 502');
  });

  test('a value does not open as another field, nor once a byte of it changed', () => {
    const sealed = cipher.seal('users.phone', PHONE);
    expect(() => cipher.open('users.realName', sealed)).toThrow();
    const parts = sealed.split(':');
    const body = Buffer.from(parts[4]!, 'base64url');
    body[0] = body[0]! ^ 1;
    parts[4] = body.toString('base64url');
    expect(() => cipher.open('users.phone', parts.join(':'))).toThrow();
  });

  test('the blind index is the same for the same value and field, and differs otherwise', () => {
    const index = cipher.blindIndex('users.phone', PHONE);
    expect(index).toMatch(/^pii1h:hmac-(sha256|sm3):k1:[\w-]+$/);
    expect(cipher.blindIndex('users.phone', PHONE)).toBe(index);
    expect(cipher.blindIndex('users.phone', '13907750002')).not.toBe(index);
    expect(cipher.blindIndex('party_members.phone', PHONE)).not.toBe(index);
    expect(index).not.toContain(PHONE);
  });
});

describe('rotation', () => {
  const before = createPersonalDataCipher({ suite: 'aes-256-gcm', ring: ring() });
  const after = createPersonalDataCipher({
    suite: 'aes-256-gcm',
    ring: ring('k2', [
      ['k1', K1],
      ['k2', K2],
    ]),
  });

  test('old values open with the old key kept; new ones use the current key; stale ones are told apart', () => {
    const old = before.seal('users.phone', PHONE);
    expect(after.open('users.phone', old)).toBe(PHONE);
    const fresh = after.seal('users.phone', PHONE);
    expect(fresh.split(':')[2]).toBe('k2');
    expect(after.isStale(old)).toBe(true);
    expect(after.isStale(fresh)).toBe(false);
    expect(after.isStale(before.blindIndex('users.phone', PHONE))).toBe(true);
    expect(after.blindIndexCandidates('users.phone', PHONE)).toEqual([
      before.blindIndex('users.phone', PHONE),
      after.blindIndex('users.phone', PHONE),
    ]);
  });

  test('a retired key no longer opens what it sealed', () => {
    const onlyK2 = createPersonalDataCipher({ suite: 'aes-256-gcm', ring: ring('k2', [['k2', K2]]) });
    expect(() => onlyK2.open('users.phone', before.seal('users.phone', PHONE))).toThrow('unknown key "k1"');
  });

  test.each(suites.filter((s) => s !== 'aes-256-gcm'))(
    'values sealed with AES open after switching to %s',
    (suite) => {
      const switched = createPersonalDataCipher({ suite, ring: ring() });
      const old = before.seal('users.phone', PHONE);
      expect(switched.open('users.phone', old)).toBe(PHONE);
      expect(switched.isStale(old)).toBe(true);
    },
  );
});

describe('a configuration the cipher cannot use is refused', () => {
  test.each(CIPHER_SUITES.filter((s) => s !== 'aes-256-gcm'))(
    '%s where OpenSSL lacks SM4 or SM3, naming what is available',
    (suite) => {
      const withoutSm = { ciphers: ['aes-256-gcm'], hashes: ['sha256'] };
      expect(() => createPersonalDataCipher({ suite, ring: ring(), available: withoutSm })).toThrow(
        new PersonalDataConfigError(
          `PII_CIPHER=${suite} needs ${suite === 'sm4-gcm' ? 'sm4-gcm' : 'sm4-cbc'} and sm3, which this runtime's OpenSSL does not provide (available here: aes-256-gcm)`,
        ),
      );
    },
  );

  test.each([
    ['an unknown suite', { PII_CIPHER: 'des', PII_KEYS: `k1:${b64(K1)}` }, 'PII_CIPHER=des is not one of'],
    ['a short key', { PII_KEYS: `k1:${b64(randomBytes(16))}` }, 'must be 32 bytes, got 16'],
    ['several keys and no current one', { PII_KEYS: `k1:${b64(K1)},k2:${b64(K2)}` }, 'PII_KEY_ID must name'],
    [
      'a current key not in the ring',
      { PII_KEYS: `k1:${b64(K1)}`, PII_KEY_ID: 'k9' },
      '"k9" (PII_KEY_ID) is not in PII_KEYS',
    ],
    ['a malformed entry', { PII_KEYS: b64(K1) }, 'entries are "<key id>:<base64 key>"'],
    ['no key outside the local cloud', {}, 'PII_KEYS is not set'],
    [
      'the development key outside the local cloud',
      { PII_KEYS: `prod:${b64(DEV_KEY)}` },
      'public development key',
    ],
  ])('%s', (_label, env, message) => {
    expect(() => personalDataCipherFromEnv(env, { local: false })).toThrow(PersonalDataConfigError);
    expect(() => personalDataCipherFromEnv(env, { local: false })).toThrow(message);
  });

  test('the message says what is wrong in Chinese and in the variables’ own names', () => {
    expect(() => personalDataCipherFromEnv({}, { local: false })).toThrow(
      /^个人信息加密配置错误.*PII_KEYS is not set/,
    );
  });
});

describe('where the keys come from', () => {
  test('the environment’s keys, the one named current', () => {
    const env = { PII_KEYS: ` k1:${b64(K1)}, k2:${b64(K2)} `, PII_KEY_ID: 'k2', PII_CIPHER: 'aes-256-gcm' };
    expect(personalDataCipherFromEnv(env, { local: false }).currentKeyId).toBe('k2');
    expect([...keyRingFromEnv(env, { local: false }).keys.keys()]).toEqual(['k1', 'k2']);
  });

  test('the local cloud without keys: the development key', () => {
    expect(keyRingFromEnv({}, { local: true })).toEqual({
      keys: new Map([[DEV_KEY_ID, DEV_KEY]]),
      currentKeyId: DEV_KEY_ID,
    });
  });

  test.each([
    [
      'the local cloud: no SCF runtime, the database on a loopback address',
      { TCB_CONTEXT_CNFG: '{"URL":"http://127.0.0.1:3910/admin"}' },
      true,
    ],
    ['localhost', { TCB_CONTEXT_CNFG: '{"URL":"http://localhost:3910/admin"}' }, true],
    [
      'CloudBase (SCF), whatever the URL',
      { TENCENTCLOUD_RUNENV: 'SCF', TCB_CONTEXT_CNFG: '{"URL":"http://127.0.0.1:1/admin"}' },
      false,
    ],
    [
      'a database elsewhere',
      { TCB_CONTEXT_CNFG: '{"URL":"https://tcb-api.tencentcloudapi.com/admin"}' },
      false,
    ],
    ['no SDK configuration at all', {}, false],
    ['a configuration that is not JSON', { TCB_CONTEXT_CNFG: '127.0.0.1' }, false],
  ])('%s', (_label, env, local) => {
    expect(isLocalCloudRuntime(env)).toBe(local);
  });
});
