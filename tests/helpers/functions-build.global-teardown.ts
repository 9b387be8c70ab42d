/** Jest's global teardown: removes the functions built once for the run (functions-build.global-setup.ts). */
import { rmSync } from 'node:fs';
import { SHARED_FUNCTIONS_BUILD_ENV } from './functions-build';

export default function removeSharedBuild(): void {
  const dir = process.env[SHARED_FUNCTIONS_BUILD_ENV];
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
}
