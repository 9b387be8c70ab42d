/**
 * A deployed function's config.json as CloudBase reads it: timeout (seconds), memory (MB), triggers, and the
 * cloud calls it may make (`permissions.openapi`, WeChat's 云调用 declaration: a call the function did not
 * declare fails in production with -604101, and the local cloud refuses it the same way).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const triggerSchema = z.object({
  name: z.string().min(1).max(60),
  type: z.literal('timer'),
  /** CloudBase 7-field cron: second minute hour day month weekday year, evaluated in UTC+8. */
  config: z.string().min(1).max(200),
});

/** A WeChat open API as cloud calls name it: `<category>.<method>`, e.g. `subscribeMessage.send`. */
export const OPEN_API_NAME = /^[a-z][A-Za-z0-9]*\.[a-z][A-Za-z0-9]*$/;

const permissionsSchema = z
  .object({
    openapi: z
      .array(z.string().regex(OPEN_API_NAME, '云调用接口名应为 <类别>.<方法>,如 subscribeMessage.send'))
      .refine((names) => new Set(names).size === names.length, '云调用接口名不能重复')
      .default([]),
  })
  .strict();

const configSchema = z.object({
  timeout: z.number().int().min(1).max(900).default(3),
  memorySize: z.number().int().min(64).max(3072).default(256),
  triggers: z.array(triggerSchema).default([]),
  permissions: permissionsSchema.default({ openapi: [] }),
  envVariables: z.record(z.string(), z.string()).default({}),
});

export type TimerTrigger = z.infer<typeof triggerSchema>;
export type FunctionConfig = z.infer<typeof configSchema>;

export interface DeployedFunction {
  name: string;
  dir: string;
  config: FunctionConfig;
}

export function readFunctionConfig(dir: string): FunctionConfig {
  const file = join(dir, 'config.json');
  let raw: unknown = {};
  if (existsSync(file)) {
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new Error(`${file}: 不是合法的 JSON(${(e as Error).message})`, { cause: e });
    }
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

/** Every built function folder (one with index.js) under dir. */
export function discoverFunctions(dir: string): DeployedFunction[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => statSync(join(dir, n)).isDirectory() && existsSync(join(dir, n, 'index.js')))
    .sort()
    .map((name) => ({ name, dir: join(dir, name), config: readFunctionConfig(join(dir, name)) }));
}
