/**
 * Acceptance: after `npm ci` every folder WeChat DevTools shows under the cloud function root is deployable
 * as it is (decision 0016). The root is build/functions, which postinstall and `npm run build` fill; each
 * folder holds a bundled index.js, a package.json whose only dependency is wx-server-sdk, and config.json.
 * Taken out of the repository with nothing but that dependency installed, as CloudBase installs it, each
 * bundle loads and answers a malformed event with a clean error reply.
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  DEPLOYED_FILES,
  FUNCTION_SDK,
  FUNCTIONS_OUT,
  buildFunctions,
  functionNames,
  sdkVersion,
} from '../../scripts/build-functions';
import { HTTP_ACCESS_PATHS } from '../../scripts/deploy/plan';
import { REPO } from './support/deploy-inputs';

const project = JSON.parse(readFileSync(join(REPO, 'project.config.json'), 'utf8')) as {
  cloudfunctionRoot: string;
};
const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};

/** Events a caller could send that name no command correctly. */
const MALFORMED = [null, 42, 'order.create', [], {}, { command: 7 }, { input: { itemIds: ['x'] } }];

/** A 32-byte personal-data key for the test only: outside the local cloud a function refuses to start without one. */
const TEST_PII_KEYS = `devtools-test:${Buffer.alloc(32, 3).toString('base64')}`;

/** Loads the bundle in a fresh Node process and calls main with each event; prints the replies as JSON. */
const CALL_MAIN = `
const { main } = require('./index.js');
(async () => {
  const replies = [];
  for (const event of ${JSON.stringify(MALFORMED)}) replies.push(await main(event, {}));
  process.stdout.write(JSON.stringify(replies));
})().catch((e) => { console.error(e); process.exit(1); });
`;

describe('the cloud function root DevTools shows', () => {
  let out: string;

  beforeAll(async () => {
    const root = join(REPO, 'build', 'tmp');
    mkdirSync(root, { recursive: true });
    out = mkdtempSync(join(root, 'devtools-'));
    // A stray folder from a function that no longer exists: the build removes it.
    mkdirSync(join(out, 'removed-function'));
    await buildFunctions(join(REPO, 'cloudfunctions'), out);
  });

  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('is the folder postinstall and `npm run build` fill', () => {
    expect(resolve(REPO, project.cloudfunctionRoot)).toBe(FUNCTIONS_OUT);
    expect(pkg.scripts['postinstall']).toContain('scripts/build.ts');
    expect(pkg.scripts['build']).toContain('scripts/build.ts');
  });

  it('holds one folder per function and nothing else', () => {
    expect(readdirSync(out).sort()).toEqual(functionNames());
  });

  describe.each(functionNames())('%s', (name) => {
    it('holds exactly index.js, package.json (wx-server-sdk only) and its config.json', () => {
      const dir = join(out, name);
      expect(readdirSync(dir).sort()).toEqual([...DEPLOYED_FILES]);
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
      expect(manifest).toMatchObject({ main: 'index.js', dependencies: { [FUNCTION_SDK]: sdkVersion() } });
      expect(Object.keys(manifest['dependencies'] as object)).toEqual([FUNCTION_SDK]);
      expect(readFileSync(join(dir, 'config.json'), 'utf8')).toBe(
        readFileSync(join(REPO, 'cloudfunctions', name, 'config.json'), 'utf8'),
      );
    });

    it('runs out of the repository with only its declared dependency and answers malformed events cleanly', () => {
      const alone = mkdtempSync(join(tmpdir(), `weimin-fn-${name}-`));
      try {
        cpSync(join(out, name), alone, { recursive: true });
        mkdirSync(join(alone, 'node_modules'));
        symlinkSync(
          join(REPO, 'node_modules', FUNCTION_SDK),
          join(alone, 'node_modules', FUNCTION_SDK),
          'dir',
        );
        writeFileSync(join(alone, 'call-main.js'), CALL_MAIN);
        const stdout = execFileSync(process.execPath, ['call-main.js'], {
          cwd: alone,
          encoding: 'utf8',
          env: { PATH: process.env['PATH'] ?? '', PII_KEYS: TEST_PII_KEYS, TENCENTCLOUD: 'true' },
          timeout: 60_000,
        });
        const replies = JSON.parse(stdout) as Array<{ code: string; message: string }>;
        expect(replies).toHaveLength(MALFORMED.length);
        // A command function refuses a malformed command (INVALID_INPUT); the console's HTTP function refuses
        // anything that is not an HTTP request (HTTP_REQUEST_REQUIRED). Never OK, never INTERNAL.
        const expected = name in HTTP_ACCESS_PATHS ? 'HTTP_REQUEST_REQUIRED' : 'INVALID_INPUT';
        for (const reply of replies) {
          expect(reply).toEqual({ code: expected, message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
        }
      } finally {
        rmSync(alone, { recursive: true, force: true });
      }
    });
  });
});
