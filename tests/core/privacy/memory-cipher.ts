/**
 * An in-memory PersonalDataCipher for the core tests: the port's contract (a value sealed for one field
 * opens only as that field, carries its key id, old keys open, blind indexes per key) with a reversible
 * encoding instead of encryption, so tests run without keys and can still see that what is stored is not
 * the plain value. function-kit/personal-data.cipher.ts is the real one (tests/functions/privacy-cipher.test.ts).
 */
import { createHash } from 'node:crypto';
import type { PersonalDataCipher } from '../../../core/kernel/personal-data.port';

const SEALED = 'mem1';
const INDEX = 'memh';

export class MemoryCipher implements PersonalDataCipher {
  /** Every value sealed, for "was it sealed" assertions. */
  readonly sealedCount = { value: 0 };

  constructor(
    readonly currentKeyId = 'k1',
    readonly keyIds: readonly string[] = [currentKeyId],
  ) {}

  /** The same keys with another one current (a rotation). */
  rotatedTo(keyId: string): MemoryCipher {
    return new MemoryCipher(keyId, [...new Set([...this.keyIds, keyId])]);
  }

  seal(field: string, plaintext: string): string {
    this.sealedCount.value += 1;
    const body = Buffer.from(JSON.stringify([field, plaintext]), 'utf8').toString('base64url');
    return `${SEALED}:${this.currentKeyId}:${body}`;
  }

  open(field: string, sealed: string): string {
    const [tag, keyId, body] = sealed.split(':');
    if (tag !== SEALED || keyId === undefined || body === undefined) throw new Error('not sealed');
    if (!this.keyIds.includes(keyId)) throw new Error(`unknown key ${keyId}`);
    const [sealedFor, plaintext] = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as [
      string,
      string,
    ];
    if (sealedFor !== field) throw new Error(`sealed for ${sealedFor}, opened as ${field}`);
    return plaintext;
  }

  isSealed(value: string): boolean {
    return value.startsWith(`${SEALED}:`) && value.split(':').length === 3;
  }

  isStale(value: string): boolean {
    return value.split(':')[1] !== this.currentKeyId;
  }

  blindIndex(field: string, value: string): string {
    return this.indexUnder(this.currentKeyId, field, value);
  }

  blindIndexCandidates(field: string, value: string): string[] {
    return this.keyIds.map((k) => this.indexUnder(k, field, value));
  }

  private indexUnder(keyId: string, field: string, value: string): string {
    const digest = createHash('sha256').update(`${keyId}/${field}/${value}`).digest('base64url');
    return `${INDEX}:${keyId}:${digest}`;
  }
}
