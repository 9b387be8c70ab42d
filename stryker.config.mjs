// @ts-check
/**
 * Mutation testing of the core's rules: `npm run mutation` (docs/testing.md). Not part of `npm test` or CI:
 * it runs the core tests once per mutant and takes minutes. Another file set:
 * `npm run mutation -- --mutate core/auth/authorize.ts` (Stryker's `--mutate` replaces `mutate` below).
 *
 * Jest runs only the core project (plain jest on the in-memory database; no local cloud), flattened into one
 * config so Stryker's per-test coverage sees every test; each mutant then runs only the tests that cover it
 * (`perTest`) among the test files that import its file (`enableFindRelatedTests`).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const jestProjects = require('./jest.config.cjs').projects;
const core = jestProjects.find((/** @type {{ displayName: string }} */ p) => p.displayName === 'core');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  plugins: ['@stryker-mutator/jest-runner'],
  coverageAnalysis: 'perTest',
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.cjs',
    enableFindRelatedTests: true,
    // Replaces the file's `projects` with the core project's own settings (`projects: []` is one config).
    config: {
      projects: [],
      testEnvironment: core.testEnvironment,
      roots: core.roots,
      transform: core.transform,
    },
  },
  mutate: [
    'core/reputation/reputation.formula.ts',
    'core/reputation/ratings.aggregate.ts',
    'core/matching/match-selection.policy.ts',
    'core/privacy/phone-masking.policy.ts',
    'core/auth/authorize.ts',
    'core/lifecycle/state-machine.ts',
  ],
  // The sandbox is a copy of the repository without what is built or generated (the core tests read docs/,
  // database/ and a few other folders).
  ignorePatterns: ['build', 'coverage', 'reports', '.localcloud', 'miniprogram/miniprogram_npm'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  concurrency: 2,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: true },
  thresholds: { high: 90, low: 80, break: null },
};
