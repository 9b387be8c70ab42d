/** Architecture rules checked by `npm run depcheck` (part of `npm test`). */

/** The core's kernel and rule folders: what every capability folder may import. */
const SHARED_CORE_FOLDERS = [
  'kernel',
  'model',
  'schemas',
  'auth',
  'lifecycle',
  'org',
  'reputation',
  'idempotency',
  'messaging',
  'offerings',
  'privacy',
  'files',
  'accounting',
];

module.exports = {
  forbidden: [
    {
      name: 'capabilities-share-only-the-kernel',
      severity: 'error',
      comment:
        'A capability folder of the core (catalog, matching, orders, profile, providers, moderation, console...) may import its own files, the kernel and the shared rule folders, never another capability: what two capabilities both need moves to the kernel or a rule folder (core/README.md). The kernel and the rule folders import no capability either. core/client, what the mini-program takes, may reach everything.',
      from: { path: '^core/([^/]+)/', pathNot: '^core/client/' },
      to: {
        path: '^core/',
        pathNot: ['^core/$1/', `^core/(${SHARED_CORE_FOLDERS.join('|')})/`],
      },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment:
        'The domain core is plain TypeScript: no SDK, no database driver, no Node I/O, and nothing from the mini-program, the cloud functions, the local cloud or the admin page.',
      from: { path: '^core/' },
      to: {
        pathNot: '^core/',
        path: [
          '^node_modules/(wx-server-sdk|@cloudbase|better-sqlite3|mingo|miniprogram-|tdesign)',
          '^(miniprogram|cloudfunctions|function-kit|localcloud|admin|scripts|bench|tests|demo)/',
        ],
      },
    },
    {
      name: 'core-no-node-io',
      severity: 'error',
      comment: 'The core does no I/O of its own (no fs, net, http, child_process...).',
      from: { path: '^core/' },
      to: {
        dependencyTypes: ['core'],
        path: '^(fs|net|http|https|child_process|worker_threads|dgram|cluster|os)$',
      },
    },
    {
      name: 'core-client-without-zod',
      severity: 'error',
      comment:
        'core/client is bundled into the mini-program as weimin-core; nothing it reaches may import zod, which would add about 470 KB to every phone (docs/decisions/0009).',
      from: { path: '^core/client/' },
      to: { path: '^node_modules/zod/', reachable: true },
    },
    {
      name: 'functions-do-not-reach-local-cloud',
      severity: 'error',
      comment: 'Cloud functions run unchanged in production: they must not import the local cloud emulator.',
      from: { path: '^(cloudfunctions|function-kit)/' },
      to: { path: '^(localcloud|tests|admin|scripts|bench|demo)/' },
    },
    {
      name: 'local-cloud-does-not-import-functions',
      severity: 'error',
      comment:
        'The local cloud runs functions from their built folder, like CloudBase; it does not import their source.',
      from: { path: '^localcloud/' },
      to: { path: '^cloudfunctions/' },
    },
    {
      name: 'miniprogram-stays-in-its-root',
      severity: 'error',
      comment: 'Files outside miniprogramRoot are not uploaded with the mini-program.',
      from: { path: '^miniprogram/' },
      to: { pathNot: '^miniprogram/', dependencyTypes: ['local'] },
    },
    {
      name: 'no-core-barrels',
      severity: 'error',
      comment:
        'Import a name from the file that defines it: the core has no folder index.ts barrels (core/client/index.ts is the mini-program package entry, not a barrel).',
      from: {},
      to: { path: '^core/[^/]+/index\\.ts$', pathNot: '^core/client/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^|/)(build|miniprogram_npm)/' },
  },
};
