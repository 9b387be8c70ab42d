/**
 * The 统一社会信用代码 check character (GB 32100-2015) and the schema that uses it: well-formed codes with the
 * right check character pass, a changed character fails, with a Chinese message on `creditCode`.
 */
import { checkCommand } from '../../../core/schemas/command.parser';
import {
  CREDIT_CODE_CHARS,
  creditCodeCheckChar,
  isValidCreditCode,
} from '../../../core/schemas/credit-code.rules';
import {
  CREDIT_CODE_CHECKSUM_MESSAGE,
  providerApplicationSchema,
} from '../../../core/schemas/provider.schema';
import { parseApplication } from '../../../core/providers/application-apply.usecase';
import { VALID_SAMPLES } from '../schemas/command-samples';

/** Codes published by their holders (business licences shown on public sites). */
const REAL_CODES = ['91350100M000100Y43', '91110000802100433B', '91440300708461136T'];

describe('the check character', () => {
  test.each(REAL_CODES)('%s is valid', (code) => {
    expect(isValidCreditCode(code)).toBe(true);
    expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  test.each(REAL_CODES)('changing any one character of %s makes it invalid', (code) => {
    for (let i = 0; i < 18; i += 1) {
      for (const ch of CREDIT_CODE_CHARS) {
        if (ch === code[i]) continue;
        if (i >= 2 && i < 8 && !/\d/.test(ch)) continue;
        const changed = code.slice(0, i) + ch + code.slice(i + 1);
        expect({ changed, valid: isValidCreditCode(changed) }).toEqual({ changed, valid: false });
      }
    }
  });

  test('swapping two different neighbouring characters is caught', () => {
    const code = REAL_CODES[0]!;
    for (let i = 8; i < 16; i += 1) {
      if (code[i] === code[i + 1]) continue;
      const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
      expect(isValidCreditCode(swapped)).toBe(false);
    }
  });

  test('letters outside the set, wrong lengths and lower case are not codes', () => {
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y433')).toBe(false);
    expect(isValidCreditCode('91350100m000100y43')).toBe(false);
    expect(isValidCreditCode('9135010OM000100Y43')).toBe(false);
    expect(creditCodeCheckChar('91350100I000100Y4')).toBeNull();
  });
});

describe('the application schema', () => {
  const sample = VALID_SAMPLES['provider.apply'];

  test('accepts the sample (lower case is upper-cased)', () => {
    const result = checkCommand(providerApplicationSchema, sample);
    expect(result.ok).toBe(true);
    if (result.ok) expect(isValidCreditCode(result.data.creditCode)).toBe(true);
  });

  test('a wrong check character is a schema error on creditCode, in Chinese', () => {
    const code = String(sample.creditCode).toUpperCase();
    const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    const result = checkCommand(providerApplicationSchema, { ...sample, creditCode: wrong });
    expect(result).toEqual({
      ok: false,
      issues: [{ path: 'creditCode', message: CREDIT_CODE_CHECKSUM_MESSAGE }],
    });
    expect(() => parseApplication({ ...sample, creditCode: wrong })).toThrow(
      expect.objectContaining({
        code: 'PROVIDER_CREDIT_CODE_INVALID',
        message: CREDIT_CODE_CHECKSUM_MESSAGE,
      }),
    );
  });

  test('a malformed code keeps the format message (INVALID_INPUT), not the checksum one', () => {
    expect(() => parseApplication({ ...sample, creditCode: '12345' })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', message: '统一社会信用代码应为 18 位数字或大写字母' }),
    );
  });
});
