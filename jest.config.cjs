/**
 * One jest run, one project per layer. Core and local-cloud tests run in Node; mini-program page tests
 * (added with the pages) run in jsdom under miniprogram-simulate.
 */
const tsTransform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }] };

/** @type {import('jest').Config} */
module.exports = {
  reporters: ['default', '<rootDir>/tests/helpers/summary-reporter.cjs'],
  // Local-cloud suites start real servers and worker threads; give them room on a 2-core machine.
  testTimeout: 60000,
  projects: [
    {
      displayName: 'core',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests/core'],
      transform: tsTransform,
    },
    {
      displayName: 'localcloud',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests/localcloud'],
      transform: tsTransform,
      setupFiles: ['<rootDir>/tests/helpers/sdk-env.ts'],
    },
    {
      displayName: 'miniprogram',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests/miniprogram'],
      transform: tsTransform,
      setupFiles: ['<rootDir>/tests/helpers/sdk-env.ts'],
    },
  ],
};
