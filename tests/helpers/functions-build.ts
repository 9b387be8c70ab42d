/**
 * The real cloudfunctions/ as a test file's local cloud loads them: the build jest's global setup made for
 * the whole run (functions-build.global-setup.ts), or, when a file runs without it (a script, a debugger),
 * a build of its own.
 */
import { join } from 'node:path';
import { buildTestFunctions } from './local-cloud.fixture';

/** Where the global setup tells the test files its build is. */
export const SHARED_FUNCTIONS_BUILD_ENV = 'WEIMIN_TEST_FUNCTIONS_BUILD';

export async function platformFunctions(): Promise<{ dir: string; remove(): void }> {
  const shared = process.env[SHARED_FUNCTIONS_BUILD_ENV];
  // Shared by every file of the run: the teardown removes it, not the file.
  if (shared !== undefined) return { dir: shared, remove: () => undefined };
  return buildTestFunctions(join(__dirname, '..', '..', 'cloudfunctions'));
}
