/**
 * The deploy manifest cloudbaserc.json, derived from each function's config.json so the two never disagree
 * (tests/functions/cloudbaserc.test.ts checks the committed file, `npm run deploy -- --dry-run` refuses a
 * stale one). `npm run cloudbaserc` rewrites it. It is what the CloudBase CLI reads (`tcb fn deploy`), and
 * what `npm run deploy` deploys: runtime, handler, timeout, memory, triggers.
 */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFunctionConfig } from '../localcloud/functions/function-config';
import { FUNCTION_HANDLER, FUNCTION_RUNTIME } from './deploy/limits';

export const REPO = join(__dirname, '..');
export const CLOUDBASERC = join(REPO, 'cloudbaserc.json');

export function cloudbaseManifest(srcDir = join(REPO, 'cloudfunctions')): Record<string, unknown> {
  const names = readdirSync(srcDir)
    .filter((n) => statSync(join(srcDir, n)).isDirectory() && existsSync(join(srcDir, n, 'index.ts')))
    .sort();
  return {
    version: '2.0',
    envId: '{{env.ENV_ID}}',
    functionRoot: './build/functions',
    functions: names.map((name) => {
      const config = readFunctionConfig(join(srcDir, name));
      return {
        name,
        handler: FUNCTION_HANDLER,
        runtime: FUNCTION_RUNTIME,
        installDependency: true,
        timeout: config.timeout,
        memorySize: config.memorySize,
        ...(Object.keys(config.envVariables).length > 0 ? { envVariables: config.envVariables } : {}),
        ...(config.triggers.length > 0 ? { triggers: config.triggers } : {}),
      };
    }),
  };
}

export function manifestText(): string {
  return `${JSON.stringify(cloudbaseManifest(), null, 2)}\n`;
}

export function writeManifest(): void {
  writeFileSync(CLOUDBASERC, manifestText());
}

export function committedManifest(): string {
  return readFileSync(CLOUDBASERC, 'utf8');
}
