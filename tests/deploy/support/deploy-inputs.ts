/**
 * The deploy script's inputs for tests: the repository's own files, built once into a temporary folder
 * inside the repository (so a function resolves wx-server-sdk from node_modules, as deployed), with copies
 * of any input file a test plants an error in.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFunctions, functionNames } from '../../../scripts/build-functions';
import { runDeploy } from '../../../scripts/deploy';
import { scanCode, type CodeScan } from '../../../scripts/deploy/code-scan';
import { defaultInputs, type DeployInputs } from '../../../scripts/deploy/plan';

export const REPO = join(__dirname, '..', '..', '..');

export interface BuiltRepo {
  inputs: DeployInputs;
  scan: CodeScan;
  remove(): void;
}

/** The repository's inputs, with its functions built into a fresh folder and its code scanned. */
export async function buildRepo(): Promise<BuiltRepo> {
  const root = join(REPO, 'build', 'tmp');
  mkdirSync(root, { recursive: true });
  const dir = mkdtempSync(join(root, 'deploy-'));
  await buildFunctions(join(REPO, 'cloudfunctions'), dir);
  return {
    inputs: { ...defaultInputs(REPO), functionsBuild: dir },
    scan: scanCode(REPO),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A writable copy of the input files (the functions' sources as config.json + index.ts + package.json). */
export function copyInputs(base: DeployInputs): { inputs: DeployInputs; dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'weimin-deploy-inputs-'));
  const functionsSrc = join(dir, 'cloudfunctions');
  for (const name of functionNames(base.functionsSrc)) {
    for (const file of ['index.ts', 'config.json', 'package.json']) {
      mkdirSync(join(functionsSrc, name), { recursive: true });
      cpSync(join(base.functionsSrc, name, file), join(functionsSrc, name, file));
    }
  }
  const inputs: DeployInputs = {
    ...base,
    functionsSrc,
    cloudbaserc: join(dir, 'cloudbaserc.json'),
    indexes: join(dir, 'indexes.json'),
    securityRules: join(dir, 'security-rules.json'),
  };
  cpSync(base.cloudbaserc, inputs.cloudbaserc);
  cpSync(base.indexes, inputs.indexes);
  cpSync(base.securityRules, inputs.securityRules);
  return { inputs, dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Replace the first `from` in a file with `to`; fails the test when `from` is not there. */
export function plant(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} does not contain ${from}`);
  writeFileSync(file, text.replace(from, to));
}

export interface DeployOutcome {
  code: number;
  output: string;
}

/** One run of the deploy script on these inputs, without building, with exactly this environment. */
export async function deploy(
  built: BuiltRepo,
  argv: string[],
  inputs: DeployInputs = built.inputs,
  env: Record<string, string> = {},
): Promise<DeployOutcome> {
  const lines: string[] = [];
  const code = await runDeploy([...argv, '--no-build'], {
    inputs,
    env,
    scan: built.scan,
    log: (l) => lines.push(l),
  });
  return { code, output: lines.join('\n') };
}
