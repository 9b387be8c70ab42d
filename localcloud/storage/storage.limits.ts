/**
 * What the local cloud's storage accepts (docs/wire-protocol.md section 9): the file types the platform
 * stores (photos of concerns and complaints, Excel ledgers, PDF and CSV) by the cloud path's extension, each
 * checked again against the file's first bytes when it arrives, and a size limit. CloudBase itself takes any
 * file; the limits are the platform's, enforced where every upload passes, so a wrong type or an oversized
 * file fails with a clear error locally exactly where a client would otherwise store it.
 */

// The types themselves are the platform's rule, kept in the core (core/files/file-types.ts): the console's
// upload checks files with the same table.
export {
  MAGIC_BYTES,
  STORAGE_TYPES,
  allowedExtensions,
  extensionOf,
  headFits,
  sizeText,
  typeOf,
  type StorageType,
} from '../../core/files/file-types';

export interface StorageLimits {
  /** Largest file accepted, in bytes. */
  readonly maxFileBytes: number;
  /** How long an upload's metadata (its signed URL) may be used, in ms. */
  readonly uploadValidMs: number;
  /** The longest validity a temporary download URL may be given, in seconds (`maxAge`). */
  readonly maxUrlAgeSeconds: number;
  /** A temporary URL's validity when the caller names none, in seconds. */
  readonly defaultUrlAgeSeconds: number;
}

export const DEFAULT_STORAGE_LIMITS: StorageLimits = {
  // A 100,000-row orders ledger is about 11 MB (bench/ledger-export.ts); photos are compressed on the phone to well under 2 MB.
  maxFileBytes: 50 * 1024 * 1024,
  uploadValidMs: 10 * 60_000,
  maxUrlAgeSeconds: 7 * 24 * 3600,
  defaultUrlAgeSeconds: 2 * 3600,
};
