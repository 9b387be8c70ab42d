// @ts-check
/**
 * Mutation testing of the core's rules: `npm run mutation` (docs/testing.md). Not part of `npm test` or CI:
 * it runs the core tests once per mutant and takes minutes. Another file set:
 * `npm run mutation -- --mutate core/auth/authorize.ts` (Stryker's `--mutate` replaces `mutate` below).
 *
 * Jest runs the rules' own tests: the core test folders of the mutated files (plain jest on the in-memory
 * database; no local cloud), flattened into one config so Stryker's per-test coverage sees every test; each
 * mutant then runs only the tests that cover it (`perTest`) among those files that import its file
 * (`enableFindRelatedTests`). The score is what the rules' own tests catch, not the use cases' tests
 * besides: a rule must be pinned where it is written. (It also keeps a static mutant, which runs every related
 * test, to seconds: with all core tests as roots the state machine's alone ran the whole suite each.)
 * Another folder for another file: `MUTATION_TESTS=tests/core/orders npm run mutation -- --mutate core/...`.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const jestProjects = require('./jest.config.cjs').projects;
const core = jestProjects.find((/** @type {{ displayName: string }} */ p) => p.displayName === 'core');
const RULE_TESTS = process.env.MUTATION_TESTS
  ? process.env.MUTATION_TESTS.split(',')
  : ['reputation', 'matching', 'privacy', 'auth', 'lifecycle'].map((d) => `tests/core/${d}`);

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
      roots: RULE_TESTS.map((d) => `<rootDir>/${d}`),
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
