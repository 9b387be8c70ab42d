/**
 * Test fixtures: a local cloud of the test's own (free port, temporary data dir, removed afterwards) and the
 * two real SDKs pointed at it. Nothing here mocks an SDK.
 */
import './sdk-env';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { buildFunctions } from '../../scripts/build-functions';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalCloud, type LocalCloudOptions } from '../../localcloud/local-cloud';
import { parseIndexCatalog, type IndexCatalog } from '../../localcloud/db/index-catalog';
import tcb from '@cloudbase/node-sdk';
import type * as WxServerSdk from 'wx-server-sdk';

export interface StartedCloud {
  cloud: LocalCloud;
  dataDir: string;
  serviceUrl: string;
  stop(): Promise<void>;
}

export function tempDir(prefix = 'weimin-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function catalog(
  collections: Record<string, Array<{ name: string; fields: Array<[string, 1 | -1]>; unique?: boolean }>>,
): IndexCatalog {
  return parseIndexCatalog({
    collections: Object.fromEntries(Object.entries(collections).map(([k, indexes]) => [k, { indexes }])),
  });
}

export async function startLocalCloud(opts: Partial<LocalCloudOptions> = {}): Promise<StartedCloud> {
  const dataDir = opts.dataDir ?? tempDir();
  const cloud = new LocalCloud({ port: 0, dataDir, ...opts });
  await cloud.start();
  return {
    cloud,
    dataDir,
    serviceUrl: cloud.serviceUrl,
    async stop() {
      await cloud.stop();
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** `@cloudbase/node-sdk` as production code initialises it, pointed at the local cloud. */
export function nodeSdk(serviceUrl: string) {
  return tcb.init({ env: 'local-test', serviceUrl, secretId: 'local', secretKey: 'local' } as never);
}

/** `wx-server-sdk` as a cloud function initialises it, pointed at the local cloud. */
export function wxSdk(serviceUrl: string, credentials: { secretId?: string } = {}) {
  // Each call gets a fresh module instance: wx-server-sdk keeps its configuration in module state.
  let cloud: typeof WxServerSdk | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    cloud = require('wx-server-sdk') as typeof WxServerSdk;
  });
  cloud!.init({
    env: 'local-test',
    serviceUrl,
    secretId: credentials.secretId ?? 'local',
    secretKey: 'local',
  } as never);
  return cloud!;
}

/**
 * Build functions (the fixture functions by default) the way deployment builds them, into a fresh folder inside
 * the repo so they resolve the SDKs from node_modules as a deployed function does. Returns the folder and a
 * remover for afterAll.
 */
export async function buildTestFunctions(
  srcDir = join(__dirname, '..', 'localcloud', 'fixtures', 'functions'),
): Promise<{ dir: string; remove(): void }> {
  const root = join(__dirname, '..', '..', 'build', 'tmp');
  mkdirSync(root, { recursive: true });
  const dir = mkdtempSync(join(root, 'functions-'));
  await buildFunctions(srcDir, dir);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
