/**
 * Applies a checked plan to a CloudBase environment with @cloudbase/manager-node (the CloudBase CLI's own
 * library), in an order that keeps a half-done run harmless and a second run idempotent:
 *
 * 1. collections, their indexes (missing ones created, ones whose keys changed recreated; indexes the file
 *    does not declare are left and listed) and their security rules (`ModifySafeRule`: `ADMINONLY` for
 *    read/write false, `ADMINWRITE` for public read, `CUSTOM` with the rule otherwise);
 * 2. functions: code from build/functions, runtime, handler, timeout, memory, environment variables, the
 *    timer trigger (created, or updated when the function exists), and the HTTP access paths of `admin-api`
 *    (created when missing);
 * 3. the admin console's static files (build/console), when it has been built.
 *
 * Credentials come from the deployer's environment (TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY and, for
 * temporary keys, TENCENTCLOUD_SESSIONTOKEN), never from the repository.
 */
import type CloudBaseManager from '@cloudbase/manager-node';
import type { DeclaredIndex } from './indexes';
import { ADMIN_HOSTING_PATH, type CollectionPlan, type DeployPlan } from './plan';
import { DeployError } from './problems';

export interface Credentials {
  secretId: string;
  secretKey: string;
  token?: string;
}

export function credentialsFromEnv(env: Readonly<Record<string, string | undefined>>): Credentials {
  const secretId = env['TENCENTCLOUD_SECRETID'];
  const secretKey = env['TENCENTCLOUD_SECRETKEY'];
  if (!secretId || !secretKey) {
    throw new DeployError(
      'DEPLOY_CREDENTIALS_MISSING',
      '缺少腾讯云 API 密钥:请在环境变量 TENCENTCLOUD_SECRETID、TENCENTCLOUD_SECRETKEY(临时密钥另加 TENCENTCLOUD_SESSIONTOKEN)中提供,不要写进仓库',
    );
  }
  const token = env['TENCENTCLOUD_SESSIONTOKEN'];
  return { secretId, secretKey, ...(token ? { token } : {}) };
}

type Manager = InstanceType<typeof CloudBaseManager>;

function aclOf(rule: Readonly<Record<string, unknown>>): { AclTag: string; Rule?: string } {
  const keys = Object.keys(rule).sort().join(',');
  if (keys === 'read,write' && rule['write'] === false) {
    if (rule['read'] === false) return { AclTag: 'ADMINONLY' };
    if (rule['read'] === true) return { AclTag: 'ADMINWRITE' };
  }
  return { AclTag: 'CUSTOM', Rule: JSON.stringify(rule) };
}

const keysOf = (fields: DeclaredIndex['fields']) => fields.map(([f, d]) => `${f}:${d}`).join(',');

async function applyCollection(
  app: Manager,
  envId: string,
  c: CollectionPlan,
  log: (l: string) => void,
): Promise<void> {
  await app.database.createCollectionIfNotExists(c.name);
  const info = await app.database.describeCollection(c.name);
  const existing = new Map((info.Indexes ?? []).map((i) => [i.Name, i]));
  const changed = c.indexes.filter((i) => {
    const cur = existing.get(i.name);
    return (
      cur &&
      (keysOf(cur.Keys.map((k) => [k.Name ?? '', Number(k.Direction)] as [string, 1 | -1])) !==
        keysOf(i.fields) ||
        cur.Unique !== i.unique)
    );
  });
  const missing = c.indexes.filter((i) => !existing.has(i.name) || changed.includes(i));
  if (changed.length > 0) {
    await app.database.updateCollection(c.name, { DropIndexes: changed.map((i) => ({ IndexName: i.name })) });
  }
  if (missing.length > 0) {
    await app.database.updateCollection(c.name, {
      CreateIndexes: missing.map((i) => ({
        IndexName: i.name,
        MgoKeySchema: {
          MgoIndexKeys: i.fields.map(([Name, d]) => ({ Name, Direction: String(d) })),
          MgoIsUnique: i.unique,
        },
      })),
    });
  }
  const undeclared = [...existing.keys()].filter((n) => n !== '_id_' && !c.indexes.some((i) => i.name === n));
  await app
    .commonService()
    .call({ Action: 'ModifySafeRule', Param: { EnvId: envId, CollectionName: c.name, ...aclOf(c.rule) } });
  log(
    `  集合 ${c.name}:新建索引 ${missing.length} 个${changed.length > 0 ? `(其中重建 ${changed.length} 个)` : ''}` +
      `${undeclared.length > 0 ? `;未声明的索引 ${undeclared.join('、')} 保留未动` : ''};安全规则 ${aclOf(c.rule).AclTag}`,
  );
}

export async function applyPlan(
  plan: DeployPlan,
  options: { envId: string; credentials: Credentials; functionsBuild: string; log: (line: string) => void },
): Promise<void> {
  const { default: CloudBase } = await import('@cloudbase/manager-node');
  const app: Manager = new CloudBase({ ...options.credentials, envId: options.envId });
  const { log } = options;
  log(`数据库(${plan.collections.length} 个集合):`);
  for (const c of plan.collections) await applyCollection(app, options.envId, c, log);
  log(`云函数(${plan.functions.length} 个):`);
  for (const f of plan.functions) {
    await app.functions.createFunction({
      func: {
        name: f.name,
        runtime: f.runtime,
        handler: f.handler,
        timeout: f.timeout,
        memorySize: f.memorySize,
        installDependency: true,
        envVariables: f.envVariables,
        triggers: f.triggers,
      },
      functionRootPath: options.functionsBuild,
      force: true,
    });
    for (const path of f.accessPaths) {
      const existing = await app.access.getAccessList({ path });
      if (!existing.APISet.some((a) => a.Path === path))
        await app.access.createAccess({ name: f.name, path, type: 1 });
    }
    log(
      `  云函数 ${f.name}:已部署${f.triggers.length > 0 ? `,触发器 ${f.triggers.map((t) => t.name).join('、')}` : ''}${f.accessPaths.length > 0 ? `,HTTP 访问路径 ${f.accessPaths.join('、')}` : ''}`,
    );
  }
  if ('skipped' in plan.hosting) log(plan.hosting.skipped);
  else {
    await app.hosting.uploadFiles({ localPath: plan.hosting.dir, cloudPath: ADMIN_HOSTING_PATH });
    log(`管理后台静态文件:已上传 ${plan.hosting.files.length} 个到 ${ADMIN_HOSTING_PATH}`);
  }
  if ('skipped' in plan.access) log(plan.access.skipped);
}
