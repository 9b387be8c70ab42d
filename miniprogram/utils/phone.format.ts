/**
 * Phone numbers on screen: masked until needed (docs/product.md section 6). Masking and the mobile-number rule
 * are the core's (`maskPhone`, `checkMobilePhone` from weimin-core); this is what only the screen needs.
 */

/** The server masks what the caller may not see; a masked number cannot be dialled. */
export function isMasked(phone: string | null | undefined): boolean {
  return typeof phone === 'string' && phone.includes('*');
}
