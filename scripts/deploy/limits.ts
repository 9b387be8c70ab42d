/**
 * What CloudBase accepts for a cloud function, and what the platform deploys.
 *
 * Runtimes: CloudBase's runtime page lists Node.js 16.13, 18.15, 20.19, 22.21 and 24.11 (and a current
 * 26.x); @cloudbase/manager-node 5.6 creates functions as `Nodejs20.19` by default. The platform deploys
 * Nodejs20.19: the newest runtime on which CloudBase installs a function's dependencies in the cloud
 * (`installDependency`, which every function relies on for wx-server-sdk; 22 and newer do not offer it), and
 * the Node.js the repository's own engines and CI run. The bundles target the same Node.js
 * (scripts/build-functions.ts FUNCTION_NODE_TARGET).
 *
 * The rest are Serverless Cloud Function quotas (腾讯云 云函数 配额限制): a name of 2-60 characters of
 * letters, digits, `_` and `-`, starting with a letter and ending with a letter or digit; memory 64 MB or a
 * multiple of 128 MB up to 3072; timeout 1-900 s; environment variables at most 4 KB per function; code at
 * most 500 MB before compression. The platform's own budget is far lower (FUNCTION_BUDGET_BYTES).
 */

export const FUNCTION_RUNTIME = 'Nodejs20.19';
export const CLOUDBASE_NODE_RUNTIMES: readonly string[] = [
  'Nodejs16.13',
  'Nodejs18.15',
  'Nodejs20.19',
  'Nodejs22.21',
  'Nodejs24.11',
];

export const FUNCTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,58}[A-Za-z0-9]$/;
export const FUNCTION_HANDLER = 'index.main';
export const MAX_TIMEOUT_SECONDS = 900;
export const MAX_MEMORY_MB = 3072;
export const MAX_ENV_VARIABLE_BYTES = 4 * 1024;
export const MAX_CODE_BYTES = 500 * 1024 * 1024;
/** The platform's budget for one function's folder: a bundle that grows past it has pulled in too much. */
export const FUNCTION_BUDGET_BYTES = 5 * 1024 * 1024;
/** At most this many functions in one CloudBase environment (SCF namespace quota). */
export const MAX_FUNCTIONS = 50;

export function memoryProblem(mb: unknown): string | null {
  if (typeof mb !== 'number' || !Number.isInteger(mb)) return `内存必须是整数(MB),现为 ${JSON.stringify(mb)}`;
  if (mb === 64 || (mb % 128 === 0 && mb >= 128 && mb <= MAX_MEMORY_MB)) return null;
  return `内存 ${mb} MB 不可用:只能是 64,或 128 的倍数且不超过 ${MAX_MEMORY_MB}`;
}

export function timeoutProblem(seconds: unknown): string | null {
  if (
    typeof seconds === 'number' &&
    Number.isInteger(seconds) &&
    seconds >= 1 &&
    seconds <= MAX_TIMEOUT_SECONDS
  ) {
    return null;
  }
  return `超时时间必须是 1-${MAX_TIMEOUT_SECONDS} 的整数(秒),现为 ${JSON.stringify(seconds)}`;
}

export function runtimeProblem(runtime: unknown): string | null {
  if (typeof runtime !== 'string' || !CLOUDBASE_NODE_RUNTIMES.includes(runtime)) {
    return `运行时“${String(runtime)}”不是 CloudBase 提供的 Node.js 运行时(${CLOUDBASE_NODE_RUNTIMES.join('、')})`;
  }
  if (runtime !== FUNCTION_RUNTIME) {
    return `平台的云函数统一部署在 ${FUNCTION_RUNTIME}(云端安装依赖,与构建目标一致),不是 ${runtime}`;
  }
  return null;
}

export function functionNameProblem(name: string): string | null {
  return FUNCTION_NAME.test(name)
    ? null
    : `云函数名“${name}”不合法:2-60 个字符,只能包含字母、数字、_ 和 -,以字母开头、字母或数字结尾`;
}
