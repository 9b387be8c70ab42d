/**
 * The deployment plan, from the repository's files alone (offline): every input file is checked against
 * what CloudBase accepts and against the platform's posture, and what would be deployed is listed.
 * `npm run deploy -- --dry-run` prints it; `npm run deploy -- --env <id>` applies it (apply.ts).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { COLLECTION_NAMES } from '../../core/model/collections.model';
import { readFunctionConfig, type FunctionConfig } from '../../localcloud/functions/function-config';
import { DEPLOYED_FILES, FUNCTION_SDK, functionNames, sdkVersion } from '../build-functions';
import { cloudbaseManifest } from '../cloudbaserc';
import { cloudCallsOf, type CodeScan } from './code-scan';
import { triggerProblems } from './cron';
import { envConfig, envSizeProblem } from './env-config';
import { checkIndexes, type DeclaredIndex } from './indexes';
import {
  FUNCTION_BUDGET_BYTES,
  FUNCTION_HANDLER,
  MAX_CODE_BYTES,
  MAX_FUNCTIONS,
  functionNameProblem,
  memoryProblem,
  runtimeProblem,
  timeoutProblem,
} from './limits';
import { DeployProblemCode, Problems } from './problems';
import { securityRuleIssues } from './security-rules';

/**
 * The HTTP-triggered functions and the paths of CloudBase's HTTP access service that lead to them: the
 * workers' console calls `admin-api` at /console/api and /console/auth (cloudfunctions/admin-api/index.ts).
 */
export const HTTP_ACCESS_PATHS: Readonly<Record<string, readonly string[]>> = {
  'admin-api': ['/console/api', '/console/auth'],
  // The public Open311 endpoint over published concerns (cloudfunctions/open-data/index.ts, docs/open-data.md).
  'open-data': ['/open311'],
};
export const ADMIN_API_FUNCTION = 'admin-api';
/** Where the console's files go in the environment's static website: it is built for /console/ (admin/vite.config.ts). */
export const ADMIN_HOSTING_PATH = 'console/';

export interface DeployInputs {
  root: string;
  cloudbaserc: string;
  functionsSrc: string;
  functionsBuild: string;
  indexes: string;
  securityRules: string;
  messageTemplates: string;
  /** The admin console's build output (`npm run build:console`); deployed to static hosting when it exists. */
  adminStatic: string;
}

export function defaultInputs(root: string): DeployInputs {
  return {
    root,
    cloudbaserc: join(root, 'cloudbaserc.json'),
    functionsSrc: join(root, 'cloudfunctions'),
    functionsBuild: join(root, 'build', 'functions'),
    indexes: join(root, 'database', 'indexes.json'),
    securityRules: join(root, 'database', 'security-rules.json'),
    messageTemplates: join(root, 'database', 'message-templates.json'),
    adminStatic: join(root, 'build', 'console'),
  };
}

export interface FunctionPlan {
  name: string;
  runtime: string;
  handler: string;
  timeout: number;
  memorySize: number;
  triggers: Array<{ name: string; type: string; config: string }>;
  openapi: string[];
  bytes: number;
  /** The variables it gets (names only in the plan; the values may be secrets). */
  envVariables: Record<string, string>;
  /** Paths of the HTTP access service that lead to it (HTTP-triggered functions only). */
  accessPaths: string[];
}

export interface CollectionPlan {
  name: string;
  indexes: DeclaredIndex[];
  rule: Record<string, unknown>;
}

export interface DeployPlan {
  functions: FunctionPlan[];
  collections: CollectionPlan[];
  templates: { logicalIds: string[]; source: string | null };
  hosting: { dir: string; files: string[]; bytes: number } | { skipped: string };
  access: { paths: string[]; functionName: string } | { skipped: string };
  /** What a real deployment still needs from the deployer (a dry run only reports it). */
  missing: string[];
  /** What only a person can do, after the script (docs in DEPLOY.md). */
  manualSteps: string[];
}

export interface PlanOptions {
  env: Readonly<Record<string, string | undefined>>;
  templatesFile?: string;
  /** The code scan (code-scan.ts); null skips the cloud-call check (only for tests of other parts). */
  scan: CodeScan | null;
}

function rel(inputs: DeployInputs, file: string): string {
  return relative(inputs.root, file) || file;
}

function readJson(file: string, where: string, problems: Problems): Record<string, unknown> | null {
  if (!existsSync(file)) {
    problems.add(DeployProblemCode.FileInvalid, where, '文件不存在');
    return null;
  }
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (value !== null && typeof value === 'object' && !Array.isArray(value))
      return value as Record<string, unknown>;
    problems.add(DeployProblemCode.FileInvalid, where, '文件内容必须是 JSON 对象');
  } catch (e) {
    problems.add(DeployProblemCode.FileInvalid, where, `不是合法的 JSON:${(e as Error).message}`);
  }
  return null;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const bytesOf = (list: string[]): number => list.reduce((n, f) => n + statSync(f).size, 0);

/** The config.json of every source function, checked; the parsed config of those that pass. */
function functionConfigs(inputs: DeployInputs, problems: Problems): Map<string, FunctionConfig> {
  const configs = new Map<string, FunctionConfig>();
  const names = functionNames(inputs.functionsSrc);
  if (names.length > MAX_FUNCTIONS) {
    problems.add(
      DeployProblemCode.FunctionInvalid,
      rel(inputs, inputs.functionsSrc),
      `云函数超过 ${MAX_FUNCTIONS} 个`,
    );
  }
  for (const name of names) {
    const file = join(inputs.functionsSrc, name, 'config.json');
    const where = rel(inputs, file);
    const nameProblem = functionNameProblem(name);
    if (nameProblem)
      problems.add(
        DeployProblemCode.FunctionInvalid,
        rel(inputs, join(inputs.functionsSrc, name)),
        nameProblem,
      );
    const raw = readJson(file, where, problems);
    if (!raw) continue;
    const triggers = Array.isArray(raw['triggers']) ? (raw['triggers'] as Record<string, unknown>[]) : [];
    for (const t of triggerProblems(triggers))
      problems.add(DeployProblemCode.CronInvalid, `${where} ${t.where}`, t.message);
    const memory = memoryProblem(raw['memorySize'] ?? 256);
    if (memory) problems.add(DeployProblemCode.FunctionInvalid, `${where} memorySize`, memory);
    const timeout = timeoutProblem(raw['timeout'] ?? 3);
    if (timeout) problems.add(DeployProblemCode.FunctionInvalid, `${where} timeout`, timeout);
    try {
      configs.set(name, readFunctionConfig(join(inputs.functionsSrc, name)));
    } catch (e) {
      problems.add(DeployProblemCode.FunctionInvalid, where, (e as Error).message.replace(`${file}: `, ''));
    }
  }
  return configs;
}

interface ManifestEntry {
  name?: unknown;
  runtime?: unknown;
  handler?: unknown;
  installDependency?: unknown;
}

function checkManifest(inputs: DeployInputs, problems: Problems): Map<string, ManifestEntry> {
  const where = rel(inputs, inputs.cloudbaserc);
  const manifest = readJson(inputs.cloudbaserc, where, problems);
  const entries = new Map<string, ManifestEntry>();
  if (!manifest) return entries;
  const list = Array.isArray(manifest['functions']) ? (manifest['functions'] as ManifestEntry[]) : [];
  list.forEach((f, i) => {
    const runtime = runtimeProblem(f.runtime);
    if (runtime) problems.add(DeployProblemCode.RuntimeInvalid, `${where} functions[${i}].runtime`, runtime);
    if (f.handler !== FUNCTION_HANDLER) {
      problems.add(
        DeployProblemCode.FunctionInvalid,
        `${where} functions[${i}].handler`,
        `入口必须是 ${FUNCTION_HANDLER}`,
      );
    }
    if (f.installDependency !== true) {
      problems.add(
        DeployProblemCode.FunctionInvalid,
        `${where} functions[${i}].installDependency`,
        `必须为 true:CloudBase 在云端安装 ${FUNCTION_SDK}`,
      );
    }
    if (typeof f.name === 'string') entries.set(f.name, f);
  });
  if (JSON.stringify(manifest) !== JSON.stringify(cloudbaseManifest(inputs.functionsSrc))) {
    problems.add(
      DeployProblemCode.ManifestStale,
      where,
      '与各云函数的 config.json 不一致:请运行 npm run cloudbaserc 重新生成并提交',
    );
  }
  return entries;
}

/** The built folder of a function, checked as DevTools and the deploy upload it. */
function checkPackage(inputs: DeployInputs, name: string, problems: Problems): number {
  const dir = join(inputs.functionsBuild, name);
  const where = rel(inputs, dir);
  if (!existsSync(join(dir, 'index.js'))) {
    problems.add(DeployProblemCode.FunctionPackageInvalid, where, '没有构建结果:请先运行 npm run build');
    return 0;
  }
  const present = readdirSync(dir).sort();
  if (JSON.stringify(present) !== JSON.stringify([...DEPLOYED_FILES])) {
    problems.add(
      DeployProblemCode.FunctionPackageInvalid,
      where,
      `应只含 ${DEPLOYED_FILES.join('、')},现为 ${present.join('、')}`,
    );
  }
  try {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: unknown };
    const expected = { [FUNCTION_SDK]: sdkVersion(inputs.root) };
    if (JSON.stringify(pkg.dependencies) !== JSON.stringify(expected)) {
      problems.add(
        DeployProblemCode.FunctionPackageInvalid,
        `${where}/package.json`,
        `依赖只能是 ${JSON.stringify(expected)}`,
      );
    }
  } catch {
    problems.add(DeployProblemCode.FunctionPackageInvalid, `${where}/package.json`, '不是合法的 JSON');
  }
  const bytes = bytesOf(files(dir));
  if (bytes > MAX_CODE_BYTES) {
    problems.add(
      DeployProblemCode.FunctionPackageInvalid,
      where,
      `代码 ${bytes} 字节,超过 CloudBase 的 ${MAX_CODE_BYTES} 字节上限`,
    );
  } else if (bytes > FUNCTION_BUDGET_BYTES) {
    problems.add(
      DeployProblemCode.FunctionPackageInvalid,
      where,
      `代码 ${(bytes / 1024 / 1024).toFixed(1)} MB,超过平台 ${FUNCTION_BUDGET_BYTES / 1024 / 1024} MB 的预算:打包进了不该有的东西`,
    );
  }
  return bytes;
}

function checkCloudCalls(
  inputs: DeployInputs,
  name: string,
  declared: readonly string[],
  scan: CodeScan,
  problems: Problems,
): void {
  const where = rel(inputs, join(inputs.functionsSrc, name, 'config.json'));
  const used = cloudCallsOf(join(inputs.functionsBuild, name, 'index.js'), scan);
  const undeclared = used.filter((a) => !declared.includes(a));
  const unused = declared.filter((a) => !used.includes(a));
  if (undeclared.length > 0) {
    problems.add(
      DeployProblemCode.CloudCallsMismatch,
      `${where} permissions.openapi`,
      `代码会调用 ${undeclared.join('、')},但未声明:线上调用会以 -604101 失败`,
    );
  }
  if (unused.length > 0) {
    problems.add(
      DeployProblemCode.CloudCallsMismatch,
      `${where} permissions.openapi`,
      `声明了 ${unused.join('、')},但代码从不调用:请删去`,
    );
  }
}

function planFunctions(
  inputs: DeployInputs,
  options: PlanOptions,
  variables: Record<string, string>,
  problems: Problems,
): FunctionPlan[] {
  const configs = functionConfigs(inputs, problems);
  const manifest = checkManifest(inputs, problems);
  if (options.scan) {
    for (const stray of options.scan.strayOpenApiCalls) {
      problems.add(
        DeployProblemCode.CloudCallsMismatch,
        stray,
        '云调用只能写在 function-kit 中返回核心端口的适配器里(如 createWxNotifier),否则无法核对哪个云函数需要声明它',
      );
    }
  }
  const built = existsSync(inputs.functionsBuild) ? readdirSync(inputs.functionsBuild) : [];
  for (const extra of built.filter(
    (n) => !configs.has(n) && !functionNames(inputs.functionsSrc).includes(n),
  )) {
    problems.add(
      DeployProblemCode.FunctionPackageInvalid,
      rel(inputs, join(inputs.functionsBuild, extra)),
      '没有对应源码的构建结果:请运行 npm run build',
    );
  }
  const plans: FunctionPlan[] = [];
  for (const [name, config] of configs) {
    const bytes = checkPackage(inputs, name, problems);
    if (options.scan && bytes > 0)
      checkCloudCalls(inputs, name, config.permissions.openapi, options.scan, problems);
    const env = { ...config.envVariables, ...variables };
    const size = envSizeProblem(env);
    if (size) problems.add(DeployProblemCode.EnvConfigInvalid, name, size);
    const entry = manifest.get(name);
    plans.push({
      name,
      runtime: typeof entry?.runtime === 'string' ? entry.runtime : '(cloudbaserc.json 中缺失)',
      handler: FUNCTION_HANDLER,
      timeout: config.timeout,
      memorySize: config.memorySize,
      triggers: config.triggers,
      openapi: [...config.permissions.openapi],
      bytes,
      envVariables: env,
      accessPaths: [...(HTTP_ACCESS_PATHS[name] ?? [])],
    });
    if (!entry)
      problems.add(
        DeployProblemCode.ManifestStale,
        rel(inputs, inputs.cloudbaserc),
        `没有云函数 ${name}:请运行 npm run cloudbaserc`,
      );
  }
  return plans;
}

function planCollections(inputs: DeployInputs, scan: CodeScan | null, problems: Problems): CollectionPlan[] {
  const indexWhere = rel(inputs, inputs.indexes);
  const rulesWhere = rel(inputs, inputs.securityRules);
  const indexFile = readJson(inputs.indexes, indexWhere, problems);
  const rulesFile = readJson(inputs.securityRules, rulesWhere, problems);
  if (!indexFile || !rulesFile) return [];
  const { issues, declared } = checkIndexes(indexFile['collections']);
  for (const i of issues) problems.add(DeployProblemCode.IndexInvalid, `${indexWhere} ${i.where}`, i.message);
  const rules = rulesFile['collections'];
  if (rules === null || typeof rules !== 'object' || Array.isArray(rules)) {
    problems.add(
      DeployProblemCode.RuleInvalid,
      `${rulesWhere} collections`,
      'collections 必须是 { 集合名: { "read", "write" } } 对象',
    );
    return [];
  }
  for (const i of securityRuleIssues(rules as Record<string, unknown>)) {
    problems.add(
      i.kind === 'syntax' ? DeployProblemCode.RuleInvalid : DeployProblemCode.RuleTooOpen,
      `${rulesWhere} ${i.where}`,
      i.message,
    );
  }
  const ruleNames = Object.keys(rules);
  const sets: Array<[string, readonly string[]]> = [
    [indexWhere, [...declared.keys()]],
    [rulesWhere, ruleNames],
  ];
  for (const [where, names] of sets) {
    const missing = COLLECTION_NAMES.filter((c) => !names.includes(c));
    const extra = names.filter((c) => !(COLLECTION_NAMES as readonly string[]).includes(c));
    const unusedByModel = scan ? scan.collections.filter((c) => !names.includes(c)) : [];
    if (missing.length + extra.length + unusedByModel.length > 0) {
      const parts = [
        missing.length > 0 ? `缺少 ${missing.join('、')}` : '',
        extra.length > 0 ? `多出 core/model/collections.model.ts 没有的 ${extra.join('、')}` : '',
        unusedByModel.length > 0 ? `代码用到却未声明 ${unusedByModel.join('、')}` : '',
      ].filter(Boolean);
      problems.add(DeployProblemCode.CollectionsMismatch, where, parts.join(';'));
    }
  }
  return [...declared.keys()].map((name) => ({
    name,
    indexes: declared.get(name) ?? [],
    rule: (rules as Record<string, Record<string, unknown>>)[name] ?? { read: false, write: false },
  }));
}

function planHosting(inputs: DeployInputs): DeployPlan['hosting'] {
  const dir = inputs.adminStatic;
  const list = existsSync(dir) && statSync(dir).isDirectory() ? files(dir) : [];
  if (list.length === 0) {
    return { skipped: `管理后台尚无构建结果(${rel(inputs, dir)} 不存在或为空),跳过静态网站托管` };
  }
  return { dir, files: list.map((f) => relative(dir, f)), bytes: bytesOf(list) };
}

export function planDeployment(
  inputs: DeployInputs,
  options: PlanOptions,
): { plan: DeployPlan; problems: Problems } {
  const problems = new Problems();
  const templatesFile = readJson(inputs.messageTemplates, rel(inputs, inputs.messageTemplates), problems);
  const logicalIds = Object.keys((templatesFile?.['templates'] as Record<string, unknown> | undefined) ?? {});
  const env = envConfig({
    env: options.env,
    templates: logicalIds,
    ...(options.templatesFile === undefined ? {} : { templatesFile: options.templatesFile }),
  });
  for (const i of env.issues) problems.add(DeployProblemCode.EnvConfigInvalid, i.where, i.message);
  const functions = planFunctions(inputs, options, env.variables, problems);
  const collections = planCollections(inputs, options.scan, problems);
  const adminApi = functions.find((f) => f.name === ADMIN_API_FUNCTION);
  const withCloudCalls = functions.filter((f) => f.openapi.length > 0);
  const plan: DeployPlan = {
    functions,
    collections,
    templates: { logicalIds, source: env.templateSource },
    hosting: planHosting(inputs),
    access: adminApi
      ? { paths: adminApi.accessPaths, functionName: ADMIN_API_FUNCTION }
      : {
          skipped: `云函数 ${ADMIN_API_FUNCTION} 尚不存在(管理后台的接口随管理后台一起提供),不创建 HTTP 访问路径 ${(HTTP_ACCESS_PATHS[ADMIN_API_FUNCTION] ?? []).join('、')}`,
        },
    missing: env.missing,
    manualSteps:
      withCloudCalls.length > 0
        ? [
            `在微信开发者工具中对 ${withCloudCalls.map((f) => f.name).join('、')} 右键“上传并部署:云端安装依赖”一次,登记 config.json 中声明的云调用权限(命令行部署不登记云调用权限;见 DEPLOY.md)`,
          ]
        : [],
  };
  return { plan, problems };
}
