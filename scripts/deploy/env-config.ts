/**
 * The environment configuration a city's deployment gives its functions (configuration, not code; never
 * in the repository):
 *
 * - `TEMPLATE_IDS`: the real subscribe-message template ids WeChat assigned, by the logical ids of
 *   database/message-templates.json (`{"TPL_ORDER_NEW": "<WeChat id>", …}`); from `--templates <file>` or
 *   the deployer's `TEMPLATE_IDS` environment variable. The function kit maps each send through it.
 * - `PII_KEYS`, `PII_KEY_ID`, `PII_CIPHER`: the personal-data keys (decision 0012), only from the
 *   deployer's environment.
 * - `MINIPROGRAM_STATE`: which version of the mini-program a message opens (`formal` by default).
 *
 * Every function gets the same variables, with its config.json `envVariables` first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { personalDataCipherFromEnv } from '../../function-kit/personal-data.keys';
import { MAX_ENV_VARIABLE_BYTES } from './limits';

/** WeChat's template ids are 43 characters of base64url; allow some room. */
const TEMPLATE_ID = /^[A-Za-z0-9_-]{20,64}$/;
const MINIPROGRAM_STATES = ['formal', 'trial', 'developer'];

export interface EnvConfigInput {
  /** The `--templates` file, if given. */
  templatesFile?: string;
  /** The deployer's environment (process.env). */
  env: Readonly<Record<string, string | undefined>>;
  /** Logical template ids of database/message-templates.json. */
  templates: readonly string[];
}

export interface EnvConfig {
  /** The variables every function gets (secrets included: never printed). */
  variables: Record<string, string>;
  /** What is still missing before a real deployment (a dry run only reports it). */
  missing: string[];
  issues: Array<{ where: string; message: string }>;
  /** Where the template ids came from, for the plan. */
  templateSource: string | null;
}

function readTemplateIds(input: EnvConfigInput, out: EnvConfig): Record<string, unknown> | null {
  let text: string | undefined;
  if (input.templatesFile !== undefined) {
    if (!existsSync(input.templatesFile)) {
      out.issues.push({ where: input.templatesFile, message: '找不到 --templates 指定的模板 id 文件' });
      return null;
    }
    text = readFileSync(input.templatesFile, 'utf8');
    out.templateSource = input.templatesFile;
  } else if (input.env['TEMPLATE_IDS']) {
    text = input.env['TEMPLATE_IDS'];
    out.templateSource = '环境变量 TEMPLATE_IDS';
  }
  if (text === undefined) return null;
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return parsed as Record<string, unknown>;
    }
  } catch {
    // reported below
  }
  out.issues.push({
    where: out.templateSource!,
    message: '模板 id 必须是 JSON 对象 { "TPL_…": "微信分配的模板 id" }',
  });
  return null;
}

function checkTemplateIds(ids: Record<string, unknown>, input: EnvConfigInput, out: EnvConfig): void {
  const where = out.templateSource!;
  for (const logical of input.templates) {
    const id = ids[logical];
    if (id === undefined) out.issues.push({ where, message: `缺少模板 ${logical} 的微信模板 id` });
    else if (typeof id !== 'string' || !TEMPLATE_ID.test(id)) {
      out.issues.push({
        where,
        message: `模板 ${logical} 的 id“${String(id)}”不像微信分配的模板 id(字母、数字、_、-)`,
      });
    }
  }
  for (const key of Object.keys(ids)) {
    if (!input.templates.includes(key)) {
      out.issues.push({ where, message: `未知的模板“${key}”(database/message-templates.json 中没有)` });
    }
  }
}

function checkPersonalDataKeys(input: EnvConfigInput, out: EnvConfig): void {
  const { env } = input;
  if (!env['PII_KEYS']) {
    out.missing.push('环境变量 PII_KEYS(个人信息加密密钥,见 docs/decisions/0012)');
    return;
  }
  try {
    personalDataCipherFromEnv(env, { local: false });
  } catch (e) {
    out.issues.push({ where: '环境变量 PII_KEYS / PII_KEY_ID / PII_CIPHER', message: (e as Error).message });
    return;
  }
  for (const key of ['PII_KEYS', 'PII_KEY_ID', 'PII_CIPHER'] as const) {
    const value = env[key]?.trim();
    if (value) out.variables[key] = value;
  }
}

/** The functions' variables from the deployer's configuration, with what is missing and what is wrong. */
export function envConfig(input: EnvConfigInput): EnvConfig {
  const out: EnvConfig = { variables: {}, missing: [], issues: [], templateSource: null };
  const ids = readTemplateIds(input, out);
  if (ids) {
    checkTemplateIds(ids, input, out);
    out.variables['TEMPLATE_IDS'] = JSON.stringify(ids);
  } else if (out.templateSource === null) {
    out.missing.push('订阅消息模板 id(--templates <文件> 或环境变量 TEMPLATE_IDS)');
  }
  checkPersonalDataKeys(input, out);
  const state = input.env['MINIPROGRAM_STATE'];
  if (state !== undefined && state !== '') {
    if (MINIPROGRAM_STATES.includes(state)) out.variables['MINIPROGRAM_STATE'] = state;
    else
      out.issues.push({
        where: '环境变量 MINIPROGRAM_STATE',
        message: `只能是 ${MINIPROGRAM_STATES.join('、')}`,
      });
  }
  return out;
}

/** Bytes of a function's environment variables as CloudBase counts them (names and values). */
export function envBytes(variables: Readonly<Record<string, string>>): number {
  return Object.entries(variables).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
}

export function envSizeProblem(variables: Readonly<Record<string, string>>): string | null {
  const bytes = envBytes(variables);
  return bytes > MAX_ENV_VARIABLE_BYTES
    ? `环境变量共 ${bytes} 字节,超过 CloudBase 每个云函数 ${MAX_ENV_VARIABLE_BYTES} 字节的上限`
    : null;
}
