/**
 * `npm run deploy -- --env <envId> [--templates <file>]`: builds the functions, checks every input file,
 * prints the plan and deploys it to that CloudBase environment (scripts/deploy/apply.ts).
 * `npm run deploy -- --dry-run [--templates <file>]`: the same checks and plan, offline; nothing is sent.
 *
 * Exit codes: 0 deployed (or a clean dry run), 1 problems in the input files (each printed with its code),
 * 2 bad arguments or missing configuration, 3 CloudBase refused something while deploying. DEPLOY.md walks a
 * city through it.
 */
import { resolve } from 'node:path';
import { buildFunctions } from './build-functions';
import { applyPlan, credentialsFromEnv } from './deploy/apply';
import { scanCode, type CodeScan } from './deploy/code-scan';
import { formatPlan } from './deploy/format';
import { defaultInputs, planDeployment, type DeployInputs } from './deploy/plan';
import { DeployError, formatProblem } from './deploy/problems';

export interface DeployArgs {
  envId: string | null;
  dryRun: boolean;
  templatesFile?: string;
  /** Check the existing build/functions instead of building (tests). */
  noBuild: boolean;
}

/** A CloudBase environment id: letters, digits and `-`, as the console assigns them. */
const ENV_ID = /^[a-z0-9][a-z0-9-]{3,62}$/i;

const USAGE =
  '用法:npm run deploy -- --env <环境 ID> [--templates <模板 id 文件>],或 npm run deploy -- --dry-run';

export function parseArgs(argv: readonly string[]): DeployArgs {
  const args: DeployArgs = { envId: null, dryRun: false, noBuild: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--'))
        throw new DeployError('DEPLOY_ARGS_INVALID', `${a} 后面缺少取值。${USAGE}`);
      return v;
    };
    if (a === '--dry-run') args.dryRun = true;
    else if (a === '--no-build') args.noBuild = true;
    else if (a === '--env') args.envId = value();
    else if (a === '--templates') args.templatesFile = resolve(value());
    else throw new DeployError('DEPLOY_ARGS_INVALID', `不认识的参数“${a}”。${USAGE}`);
  }
  if (args.envId !== null && !ENV_ID.test(args.envId)) {
    throw new DeployError(
      'DEPLOY_ARGS_INVALID',
      `环境 ID“${args.envId}”不合法(字母、数字和 -,即云开发控制台显示的环境 ID)`,
    );
  }
  if (!args.dryRun && args.envId === null)
    throw new DeployError('DEPLOY_ARGS_INVALID', `请用 --env 指定环境,或用 --dry-run 只检查。${USAGE}`);
  return args;
}

/** One run, printing through `log`; never throws (every failure is an exit code and a message). */
export async function runDeploy(
  argv: readonly string[],
  options: {
    inputs?: DeployInputs;
    env?: Readonly<Record<string, string | undefined>>;
    log?: (line: string) => void;
    /** A code scan of the same repository, reused (tests run several plans). */
    scan?: CodeScan;
  } = {},
): Promise<number> {
  const print = options.log ?? ((line: string) => console.log(line));
  const log = (...lines: string[]): void => lines.forEach((l) => print(l));
  const env = options.env ?? process.env;
  try {
    const args = parseArgs(argv);
    const inputs = options.inputs ?? defaultInputs(resolve(__dirname, '..'));
    if (!args.noBuild) await buildFunctions(inputs.functionsSrc, inputs.functionsBuild);
    const scan = options.scan ?? scanCode(inputs.root);
    const { plan, problems } = planDeployment(inputs, {
      env,
      scan,
      ...(args.templatesFile === undefined ? {} : { templatesFile: args.templatesFile }),
    });
    log(formatPlan(plan, args.dryRun ? '仅检查,不部署' : `环境 ${args.envId}`));
    if (!problems.empty) {
      log('', `发现 ${problems.list.length} 个问题,未部署任何内容:`, ...problems.list.map(formatProblem));
      return 1;
    }
    if (args.dryRun) {
      log('', '检查通过(仅检查,未连接 CloudBase)。');
      return 0;
    }
    if (plan.missing.length > 0) {
      throw new DeployError('DEPLOY_CONFIG_MISSING', `正式部署还缺少:${plan.missing.join(';')}`);
    }
    const credentials = credentialsFromEnv(env);
    try {
      await applyPlan(plan, {
        envId: args.envId!,
        credentials,
        functionsBuild: inputs.functionsBuild,
        log: print,
      });
    } catch (e) {
      log(
        '',
        `[DEPLOY_CLOUDBASE_FAILED] CloudBase 拒绝了部署:${e instanceof Error ? e.message : String(e)}(再次运行会从头核对并补齐)`,
      );
      return 3;
    }
    log('', `已部署到环境 ${args.envId}。`);
    return 0;
  } catch (e) {
    if (e instanceof DeployError) {
      log(`[${e.code}] ${e.message}`);
      return 2;
    }
    throw e;
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === __filename) {
  runDeploy(process.argv.slice(2))
    .then((code) => process.exit(code))
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
