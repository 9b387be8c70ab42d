/**
 * The PersonalDataCipher port: field-level encryption of residents' personal data at rest (phone numbers,
 * names, service addresses; the list is core/privacy/personal-data.fields.ts). The core never holds a key
 * and never imports a cipher: the cloud functions hand it the node:crypto implementation
 * (function-kit/personal-data.cipher.ts: AES-256-GCM, or SM4 where the runtime's OpenSSL has it), the core
 * tests an in-memory one. Decision 0012 says which algorithms, where the keys come from and how they rotate.
 *
 * `field` names what a value is (`users.phone`): it is bound into the ciphertext, so a value sealed for one
 * field does not open as another, and it keys the blind index, so equal phones give equal hashes and
 * nothing else does. Synchronous on purpose: the keys are loaded once per instance (a key service would
 * unwrap data keys at start), and every read of a user or an order opens a few short values.
 */
export interface PersonalDataCipher {
  /** The key new values are sealed with. */
  readonly currentKeyId: string;
  /** `plaintext` sealed for `field`: text that carries its format version, algorithm and key id. */
  seal(field: string, plaintext: string): string;
  /**
   * The plaintext of a value sealed for `field`. Throws when it cannot be opened (unknown key, wrong field,
   * tampered): a bug or an attack, never an expected refusal.
   */
  open(field: string, sealed: string): string;
  /** Whether a stored value is sealed (anything else is plaintext written before encryption). */
  isSealed(value: string): boolean;
  /** Whether a sealed value (or blind index) was made with another key or algorithm than new ones are. */
  isStale(sealedOrIndex: string): boolean;
  /** The keyed hash of `value` for equality lookups of `field`, under the current key. */
  blindIndex(field: string, value: string): string;
  /** The hashes of `value` under every key that still opens data: a lookup during a rotation finds both. */
  blindIndexCandidates(field: string, value: string): string[];
}
