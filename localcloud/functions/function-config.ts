/**
 * A deployed function's config.json as CloudBase reads it: timeout (seconds), memory (MB) and triggers.
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

const configSchema = z.object({
  timeout: z.number().int().min(1).max(900).default(3),
  memorySize: z.number().int().min(64).max(3072).default(256),
  triggers: z.array(triggerSchema).default([]),
  permissions: z.unknown().optional(),
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
  const raw: unknown = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
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
