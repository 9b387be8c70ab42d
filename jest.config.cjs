/**
 * One jest run, one project per layer. Core and local-cloud tests run in Node; mini-program page tests
 * (added with the pages) run in jsdom under miniprogram-simulate.
 */
const tsTransform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }] };

/**
 * Page tests load TDesign's dist (ES modules) from the copy in miniprogram/miniprogram_npm, as the
 * mini-program does: babel turns it into CommonJS for jest (docs/testing.md).
 */
const pageTransform = {
  ...tsTransform,
  '^.+\\.js$': [
    'babel-jest',
    { configFile: false, babelrc: false, presets: [['@babel/preset-env', { targets: { node: 'current' } }]] },
  ],
};

/**
 * The mini-program imports the core as the npm package `weimin-core`, bundled into miniprogram_npm
 * (scripts/build-miniprogram-core.ts); its tests load that bundle, what ships, not the core's source. The
 * global setup builds it from the current core before any test runs.
 */
const miniprogramCore = {
  moduleNameMapper: { '^weimin-core$': '<rootDir>/miniprogram/miniprogram_npm/weimin-core/index.js' },
  globalSetup: '<rootDir>/tests/miniprogram/pages/support/copy-npm.global-setup.ts',
};

/** @type {import('jest').Config} */
module.exports = {
  reporters: ['default', '<rootDir>/tests/helpers/summary-reporter.cjs'],
  // The real cloud functions, built once for the whole run; every local cloud of a test file loads them.
  globalSetup: '<rootDir>/tests/helpers/functions-build.global-setup.ts',
  globalTeardown: '<rootDir>/tests/helpers/functions-build.global-teardown.ts',
  // Local-cloud suites start real servers and worker threads; give them room on a 2-core machine.
  testTimeout: 60000,
  // Two test files at a time: a serial run keeps about one of the two cores busy (most of a file's time is
  // spent waiting on its local cloud, Chromium or a child process), so two workers use the machine.
  maxWorkers: 2,
  projects: [
    {
      displayName: 'core',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests/core', '<rootDir>/tests/demo'],
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
      // Deployment: the DevTools cloud function root, the deploy script's checks, cloud-call declarations,
      // the security posture and the official mini-program quality scan (docs/deployment.md). No SDK
      // credentials here: every deploy run in a test is given its environment explicitly.
      displayName: 'deploy',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests/deploy'],
      transform: tsTransform,
    },
    {
      displayName: 'functions',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests/functions'],
      transform: tsTransform,
      setupFiles: ['<rootDir>/tests/helpers/sdk-env.ts'],
    },
    {
      displayName: 'miniprogram',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests/miniprogram'],
      testPathIgnorePatterns: ['/tests/miniprogram/pages/'],
      transform: tsTransform,
      setupFiles: ['<rootDir>/tests/helpers/sdk-env.ts'],
      ...miniprogramCore,
    },
    {
      // The workers' console: its API through the real admin-api on a local cloud (tests/console/api) and,
      // in headless Chromium, the built console against it (tests/console/e2e).
      displayName: 'console',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests/console'],
      transform: tsTransform,
      setupFiles: ['<rootDir>/tests/helpers/sdk-env.ts'],
    },
    {
      // Pages and components rendered from their real WXML by miniprogram-simulate.
      displayName: 'miniprogram-pages',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/tests/miniprogram/pages'],
      transform: pageTransform,
      transformIgnorePatterns: ['/node_modules/(?!tdesign-miniprogram/)'],
      // TDesign's own dependencies (tslib, dayjs...) ship inside its miniprogram_npm, as WeChat resolves them.
      moduleDirectories: ['node_modules', 'miniprogram_npm'],
      ...miniprogramCore,
      setupFiles: ['<rootDir>/tests/miniprogram/pages/support/miniprogram-globals.ts'],
    },
  ],
};
