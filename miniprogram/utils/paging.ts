/**
 * Long lists load a page at a time and append by index (`orders[20]`, `orders[21]`...), so each setData
 * carries only the new rows (docs/conventions.md rule 10: small, flat payloads).
 */

/** The setData patch that appends `rows` to the list in `field` that already holds `offset` rows. */
export function appendPatch<T>(field: string, offset: number, rows: readonly T[]): Record<string, T> {
  const patch: Record<string, T> = {};
  rows.forEach((row, i) => {
    patch[`${field}[${offset + i}]`] = row;
  });
  return patch;
}

/** More to load after this page? An empty page ends the list whatever `total` says. */
export function hasMoreRows(loadedBefore: number, received: number, total: number): boolean {
  return received > 0 && loadedBefore + received < total;
}

/** A list that stops making sense to read a page at a time past this many pages (a guard, not a limit). */
export const MAX_PAGES = 40;

/**
 * Every page of a list read to its end (`hasMore` false), in order: for lists shown whole, like the home
 * page's catalog. Stops at `maxPages` so a misbehaving server cannot keep the page loading for ever.
 */
export async function readAllPages<R extends { readonly hasMore: boolean }>(
  readPage: (page: number) => Promise<R>,
  maxPages = MAX_PAGES,
): Promise<R[]> {
  const pages: R[] = [];
  for (let page = 1; page <= maxPages; page += 1) {
    const reply = await readPage(page);
    pages.push(reply);
    if (!reply.hasMore) break;
  }
  return pages;
}
