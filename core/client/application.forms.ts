/**
 * The provider application form's rules that the mini-program checks before sending (provider.apply,
 * core/schemas/provider.schema.ts): the unified social credit code's format and its GB 32100-2015 check
 * character (core/schemas/credit-code.rules.ts, the rule the schema itself uses), with the schema's words.
 * The schema is zod and does not ship to phones, so its messages are written once more here;
 * tests/miniprogram/view-models/application.form.test.ts runs both on the same input.
 */
import { CREDIT_CODE_PATTERN, isValidCreditCode } from '../schemas/credit-code.rules';
import type { FieldCheck } from '../schemas/fields.rules';

/** The code trimmed and upper-cased, as the schema stores it, or the schema's message. */
export function checkCreditCode(input: unknown): FieldCheck<string> {
  if (typeof input !== 'string') return { ok: false, message: '请填写统一社会信用代码' };
  const value = input.trim().toUpperCase();
  if (!CREDIT_CODE_PATTERN.test(value)) {
    return { ok: false, message: '统一社会信用代码应为 18 位数字或大写字母' };
  }
  if (!isValidCreditCode(value)) {
    return { ok: false, message: '统一社会信用代码校验位不正确，请核对后重新填写' };
  }
  return { ok: true, value };
}
