/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from the 31-character set
 * 0-9 A-H J-N P-R T U W-Y (no I, O, S, V, Z): registration authority (1), organisation type (1), the
 * administrative division (6 digits), the organisation's body (9), and a check character over the first 17
 * with the weights 3^i mod 31. Pure and free of zod: the schema (core/schemas/provider.schema.ts) and the
 * mini-program's form both use it.
 */

/** The schema's words (core/schemas/provider.schema.ts), for forms that check before sending. */
export const CREDIT_CODE_MESSAGES = {
  missing: '请填写统一社会信用代码',
  format: '统一社会信用代码应为 18 位数字或大写字母',
  checksum: '统一社会信用代码校验位不正确，请核对后重新填写',
} as const;

/** The character set, in value order (a character's value is its index). */
export const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights of positions 1-17: 3^(i-1) mod 31. */
export const CREDIT_CODE_WEIGHTS: readonly number[] = [
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/** 18 characters of the set, the division code (positions 3-8) digits only. */
export const CREDIT_CODE_PATTERN = /^[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}$/;

/** The check character of the first 17 characters, or null when one is outside the set. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = CREDIT_CODE_CHARS.indexOf(first17[i]!);
    if (value < 0) return null;
    sum += value * CREDIT_CODE_WEIGHTS[i]!;
  }
  return CREDIT_CODE_CHARS[(31 - (sum % 31)) % 31]!;
}

/** Whether `code` (upper case, trimmed) is well formed and its check character is right. */
export function isValidCreditCode(code: string): boolean {
  return CREDIT_CODE_PATTERN.test(code) && creditCodeCheckChar(code.slice(0, 17)) === code[17];
}
