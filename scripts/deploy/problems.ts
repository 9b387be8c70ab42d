/**
 * What the deploy script found wrong, as a list: every input file is checked before anything is sent, and
 * every problem is reported at once, each with a stable code, the file (and place in it) and a Chinese
 * message saying what CloudBase would refuse and why.
 */
export const DeployProblemCode = {
  /** An input file is missing or is not JSON. */
  FileInvalid: 'DEPLOY_FILE_INVALID',
  /** A timer trigger: name or 7-field cron expression CloudBase would refuse. */
  CronInvalid: 'DEPLOY_CRON_INVALID',
  /** database/indexes.json: a collection or index CloudBase would refuse, or one that disagrees with its name. */
  IndexInvalid: 'DEPLOY_INDEX_INVALID',
  /** database/security-rules.json: a rule CloudBase's rule language would refuse. */
  RuleInvalid: 'DEPLOY_RULE_INVALID',
  /** A rule gives the mini-program access to a collection that holds personal data, or any write access. */
  RuleTooOpen: 'DEPLOY_RULE_TOO_OPEN',
  /** The collections of the code, of indexes.json and of security-rules.json differ. */
  CollectionsMismatch: 'DEPLOY_COLLECTIONS_MISMATCH',
  /** A runtime name CloudBase does not offer, or not the one the platform deploys. */
  RuntimeInvalid: 'DEPLOY_RUNTIME_INVALID',
  /** A function's name, memory, timeout or handler CloudBase would refuse. */
  FunctionInvalid: 'DEPLOY_FUNCTION_INVALID',
  /** A built function that is not deployable as it is (missing file, too large, wrong dependencies). */
  FunctionPackageInvalid: 'DEPLOY_FUNCTION_PACKAGE_INVALID',
  /** cloudbaserc.json is not what the functions' config.json files give (`npm run cloudbaserc`). */
  ManifestStale: 'DEPLOY_MANIFEST_STALE',
  /** A function makes a cloud call it does not declare, or declares one it never makes. */
  CloudCallsMismatch: 'DEPLOY_CLOUD_CALLS_MISMATCH',
  /** The environment configuration (template ids, personal-data keys) is malformed or too large. */
  EnvConfigInvalid: 'DEPLOY_ENV_CONFIG_INVALID',
} as const;

export type DeployProblemCodeValue = (typeof DeployProblemCode)[keyof typeof DeployProblemCode];

export interface DeployProblem {
  code: DeployProblemCodeValue;
  /** The file, relative to the repository, and where in it (`triggers[0].config`). */
  where: string;
  message: string;
}

export class Problems {
  readonly list: DeployProblem[] = [];

  add(code: DeployProblemCodeValue, where: string, message: string): void {
    this.list.push({ code, where, message });
  }

  get empty(): boolean {
    return this.list.length === 0;
  }
}

export function formatProblem(p: DeployProblem): string {
  return `[${p.code}] ${p.where}:${p.message}`;
}

/** A refusal of the whole run (bad arguments, missing credentials): a stable code and a Chinese message. */
export class DeployError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DeployError';
  }
}
