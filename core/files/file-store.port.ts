/**
 * Cloud storage as the use cases see it (CloudBase storage in production, the local cloud's emulation
 * locally; the adapter is function-kit/wx-storage.adapter.ts `createWxFileStore`): put a file's bytes at a
 * cloud path, and temporary download URLs of stored files.
 */
export interface FileStore {
  /** Stores the bytes at `cloudPath`; resolves the file id (`cloud://<env>.<bucket>/<cloudPath>`). */
  put(cloudPath: string, content: Uint8Array): Promise<string>;
  /**
   * Temporary URLs valid for `maxAgeSeconds`, by file id; a file that does not exist (any more) is left out.
   * At most 50 ids a call.
   */
  temporaryUrls(fileIds: readonly string[], maxAgeSeconds: number): Promise<ReadonlyMap<string, string>>;
}

/** The most file ids one `temporaryUrls` call takes (CloudBase's getTempFileURL). */
export const MAX_URLS_PER_CALL = 50;

/** Temporary URLs of any number of files, 50 at a time. */
export async function temporaryUrlsOf(
  store: FileStore,
  fileIds: readonly string[],
  maxAgeSeconds: number,
): Promise<ReadonlyMap<string, string>> {
  const unique = [...new Set(fileIds)];
  const out = new Map<string, string>();
  for (let i = 0; i < unique.length; i += MAX_URLS_PER_CALL) {
    const urls = await store.temporaryUrls(unique.slice(i, i + MAX_URLS_PER_CALL), maxAgeSeconds);
    for (const [id, url] of urls) out.set(id, url);
  }
  return out;
}
