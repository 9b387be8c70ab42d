/**
 * Jest's global setup: the real cloudfunctions/ built once per run, as deployment builds them, into a folder
 * every test file's local cloud loads (read-only) instead of building its own: the build is the same for
 * every file of one run, and about two seconds each on 2 cores (docs/testing.md). The teardown removes it.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { buildFunctions } from '../../scripts/build-functions';
import { SHARED_FUNCTIONS_BUILD_ENV } from './functions-build';

const REPO = join(__dirname, '..', '..');

export default async function buildFunctionsOnce(): Promise<void> {
  const root = join(REPO, 'build', 'tmp');
  mkdirSync(root, { recursive: true });
  const dir = mkdtempSync(join(root, 'functions-run-'));
  await buildFunctions(join(REPO, 'cloudfunctions'), dir);
  process.env[SHARED_FUNCTIONS_BUILD_ENV] = dir;
}
