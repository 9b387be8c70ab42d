/** Phone numbers on screen: masked until needed (DESIGN.md section 6). */

const MOBILE = /^1[3-9]\d{9}$/;

/** A mainland mobile number, as profile.phone.set accepts it when typed. */
export function isMobilePhone(phone: string): boolean {
  return MOBILE.test(phone.trim());
}

/** '13812341234' -> '138****1234'; shorter numbers keep only their last two digits. */
export function maskPhone(phone: string): string {
  const p = phone.trim();
  if (p.length >= 11) return `${p.slice(0, 3)}****${p.slice(-4)}`;
  if (p.length <= 2) return '*'.repeat(p.length);
  return `${'*'.repeat(p.length - 2)}${p.slice(-2)}`;
}

/** The server masks what the caller may not see; a masked number cannot be dialled. */
export function isMasked(phone: string | null | undefined): boolean {
  return typeof phone === 'string' && phone.includes('*');
}
