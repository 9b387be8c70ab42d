/**
 * Re-seals residents' personal data with the current key (decision 0012): after a new key is made current
 * (PII_KEY_ID, with the old key still in PII_KEYS), after PII_CIPHER changed, or to seal values written
 * before encryption. Every collection of core/privacy/personal-data.fields.ts is read a page at a time and
 * each stale document rewritten with a compare-and-set (core/privacy/reseal.ts); a document changed
 * meanwhile is left for the next run. Once a run reports nothing stale and nothing skipped, the old key
 * can leave PII_KEYS.
 *
 *   # the local cloud (npm start): the development key unless PII_KEYS is set
 *   node --import tsx scripts/pii-rotate.ts --service-url http://127.0.0.1:3910/admin [--dry-run]
 *   # a CloudBase environment: TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY and the PII_* variables set
 *   node --import tsx scripts/pii-rotate.ts --env <envId> [--collection users] [--dry-run]
 */
import { parseArgs } from 'node:util';
import cloud from 'wx-server-sdk';
import type { DatabasePort } from '../core/kernel/database.port';
import { PERSONAL_DATA_FIELDS } from '../core/privacy/personal-data.fields';
import { resealCollection, type ResealReport } from '../core/privacy/reseal';
import { isLoopbackUrl, personalDataCipherFromEnv } from '../function-kit/personal-data.keys';
import { createWxDatabasePort, type WxCloud } from '../function-kit/wx-database.adapter';

interface Target {
  readonly db: DatabasePort;
  readonly local: boolean;
  readonly where: string;
}

function connect(serviceUrl: string | undefined, env: string | undefined): Target {
  if (serviceUrl !== undefined) {
    // No cloud metadata host to probe on this machine.
    process.env['TENCENTCLOUD'] ??= 'true';
    cloud.init({ env: env ?? 'local', serviceUrl, secretId: 'admin', secretKey: 'local' } as never);
    return {
      db: createWxDatabasePort(cloud as unknown as WxCloud),
      local: isLoopbackUrl(serviceUrl),
      where: serviceUrl,
    };
  }
  if (env === undefined)
    throw new Error('give --service-url (the local cloud) or --env (a CloudBase environment)');
  const secretId = process.env['TENCENTCLOUD_SECRETID'];
  const secretKey = process.env['TENCENTCLOUD_SECRETKEY'];
  if (!secretId || !secretKey)
    throw new Error('TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY must be set');
  cloud.init({ env, secretId, secretKey } as never);
  return { db: createWxDatabasePort(cloud as unknown as WxCloud), local: false, where: `CloudBase ${env}` };
}

function line(r: ResealReport): string {
  return `${r.collection.padEnd(24)} 检查 ${r.scanned}，重新加密 ${r.resealed}（其中明文 ${r.hadPlaintext}），跳过 ${r.skipped}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'service-url': { type: 'string' },
      env: { type: 'string' },
      collection: { type: 'string', multiple: true },
      'dry-run': { type: 'boolean', default: false },
      'batch-size': { type: 'string', default: '500' },
    },
    strict: true,
  });
  const target = connect(values['service-url'], values.env);
  const cipher = personalDataCipherFromEnv(process.env, { local: target.local });
  const names = values.collection ?? Object.keys(PERSONAL_DATA_FIELDS);
  const dryRun = values['dry-run'];
  console.log(`${dryRun ? '[试运行] ' : ''}${target.where}：用密钥 ${cipher.currentKeyId} 重新加密个人信息`);
  let pending = 0;
  for (const name of names) {
    const report = await resealCollection(target.db, cipher, name, {
      dryRun,
      batchSize: Number(values['batch-size']),
    });
    console.log(line(report));
    pending += report.skipped + (dryRun ? report.resealed : 0);
  }
  console.log(
    pending === 0 ? '完成：没有遗留旧密钥或明文的数据。' : `还有 ${pending} 条待处理，请再运行一次。`,
  );
}

main().catch((e: unknown) => {
  console.error(`重新加密失败：${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
