/**
 * `parseCommand(schema, input)`: the typed command, or DomainError INVALID_INPUT listing every field
 * path with its Chinese message. Messages come from the schema's own field builders; anything they do
 * not phrase falls back to zod's Simplified Chinese locale.
 */
import { z } from 'zod';
import { DomainError } from '../kernel/errors';

export const INVALID_INPUT = 'INVALID_INPUT';

export interface InputIssue {
  /** Dotted path to the field, e.g. `problems.0.content`; '' for the command itself. */
  readonly path: string;
  readonly message: string;
}

// Per-parse fallback, so importing the schemas never changes zod's global configuration.
const zhCN = z.locales.zhCN().localeError;

function pathOf(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}

export function inputIssues(error: z.ZodError): InputIssue[] {
  return error.issues.map((issue) => ({ path: pathOf(issue.path), message: issue.message }));
}

/** Validate without throwing: for forms in the mini-program that show messages beside fields. */
export function checkCommand<T extends z.ZodType>(
  schema: T,
  input: unknown,
): { ok: true; data: z.output<T> } | { ok: false; issues: InputIssue[] } {
  const result = schema.safeParse(input, { error: zhCN });
  return result.success ? { ok: true, data: result.data } : { ok: false, issues: inputIssues(result.error) };
}

export function parseCommand<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = checkCommand(schema, input);
  if (result.ok) return result.data;
  const first = result.issues[0]?.message ?? '输入有误';
  const message = result.issues.length > 1 ? `${first}（共 ${result.issues.length} 处需要修改）` : first;
  throw new DomainError(INVALID_INPUT, message, { issues: result.issues });
}
