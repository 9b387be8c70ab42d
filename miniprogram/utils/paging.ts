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
