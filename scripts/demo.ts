/**
 * `npm run demo`: the whole order loop, narrated in Chinese, on a local cloud of its own (free port, temporary
 * data dir, removed afterwards), through the real cloud functions and the real SDK, as demo identities:
 * a resident ticks 家电维修, sees the ranked providers and orders; staff accept, finish and record the 回访;
 * the resident's 评价 moves the provider's score. Exits 0 when every step worked, 1 otherwise.
 */
import '../tests/helpers/sdk-env';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { OPENID_CREDENTIAL_PREFIX } from '../localcloud/functions/functions.actions';
import { LocalCloud } from '../localcloud/local-cloud';
import { buildFunctions } from './build-functions';
import { seedDemoData } from './seed-demo';

interface Reply<T> {
  code: string;
  message: string;
  data: T;
}

interface MatchedProvider {
  providerId: string;
  name: string;
  starLevel: number;
  reputation: number;
  widened: boolean;
  price: { free: boolean; text?: string };
}

const say = (line: string) => console.log(line);

async function main(): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'weimin-demo-'));
  const buildRoot = join(__dirname, '..', 'build', 'tmp');
  mkdirSync(buildRoot, { recursive: true });
  const buildDir = mkdtempSync(join(buildRoot, 'demo-'));
  const cloud = new LocalCloud({ port: 0, dataDir, createDeclaredCollections: true, functionsDir: buildDir });
  try {
    say('【准备】构建云函数、启动本地云、写入玉林演示数据…');
    await buildFunctions(undefined, buildDir);
    seedDemoData(cloud.db, () => cloud.clock.now());
    await cloud.start();
    say(`  本地云:${cloud.url}(数据目录 ${dataDir})`);

    const as = (openid: string) => {
      const app = tcb.init({
        env: 'local',
        serviceUrl: cloud.serviceUrl,
        secretId: `${OPENID_CREDENTIAL_PREFIX}${openid}`,
        secretKey: 'local',
      } as never);
      return async <T>(fn: string, command: string, input: unknown): Promise<T> => {
        const reply = (await app.callFunction({ name: fn, data: { command, input } })).result as Reply<T>;
        if (reply.code !== 'OK') throw new Error(`${fn}/${command} 失败:${reply.code} ${reply.message}`);
        return reply.data;
      };
    };
    const db = tcb
      .init({ env: 'local', serviceUrl: cloud.serviceUrl, secretId: 'x', secretKey: 'x' } as never)
      .database();
    const resident = as('demo-resident-1');

    say('\n【1】居民黄阿姨(金港花园小区)在小程序首页勾选“家电维修”,查看可选的服务机构:');
    const match = await resident<{
      matchId: string;
      items: Array<{ providers: MatchedProvider[]; gap: boolean }>;
    }>('orders', 'match.request', { itemIds: ['item-appliance-repair'] });
    const providers = match.items[0]!.providers;
    providers.forEach((p, i) =>
      say(
        `  ${i + 1}. ${p.name} —— ${'★'.repeat(p.starLevel)}${'☆'.repeat(5 - p.starLevel)} 信誉分 ${p.reputation.toFixed(1)},` +
          `${p.price.free ? '免费' : (p.price.text ?? '低收费')}${p.widened ? '(已扩大范围)' : ''}`,
      ),
    );
    const chosen = providers[0]!;
    say(`  平台按信誉排序给出 ${providers.length} 家;黄阿姨选择了排名第一的“${chosen.name}”。`);

    say('\n【2】居民下单:');
    const { orderId } = await resident<{ orderId: string }>('orders', 'order.create', {
      matchId: match.matchId,
      itemId: 'item-appliance-repair',
      providerId: chosen.providerId,
      serviceAddress: '金港花园 3 栋 2 单元 501',
      note: '客厅空调不制冷',
      clientRequestId: `demo-${Date.now()}-create`,
    });
    say(`  订单 ${orderId} 已创建,等待服务机构接单(已订阅的工作人员会收到新订单通知)。`);

    const staffUser = (
      (await db.collection('users').where({ 'grants.providerId': chosen.providerId }).limit(1).get())
        .data as Array<{
        openid: string;
        nickname?: string;
      }>
    )[0];
    if (!staffUser) throw new Error('演示数据中找不到该机构的工作人员');
    const staff = as(staffUser.openid);
    const staffSees = async (): Promise<string> => {
      const { order } = await staff<{
        order: { residentPhone: string | null; serviceAddress: string | null; serviceAddressHidden: boolean };
      }>('jobs', 'order.detail', { orderId });
      const address = order.serviceAddressHidden ? '(接单后可见)' : (order.serviceAddress ?? '无');
      return `居民电话 ${order.residentPhone ?? '未留'},服务地址 ${address}`;
    };
    say(`  接单前工作人员看到:${await staffSees()}。`);

    say('\n【3】服务机构人员在小程序中接单、上门服务并标记完成:');
    await staff('jobs', 'order.accept', { orderId, clientRequestId: `demo-${Date.now()}-accept` });
    say(`  已接单。工作人员现在看到:${await staffSees()}。`);
    await staff('jobs', 'order.done', { orderId, clientRequestId: `demo-${Date.now()}-done` });
    say('  服务完成,系统为该订单生成回访任务。');

    const reputationNow = async (): Promise<number> =>
      ((await db.collection('providers').doc(chosen.providerId).get()).data[0] as { reputation: number })
        .reputation;
    const beforeFollowUp = await reputationNow();
    say('\n【4】服务机构按规定完成回访(回访):');
    await staff('jobs', 'order.follow_up', {
      orderId,
      channel: 'phone',
      summary: '电话回访:空调已恢复制冷,居民满意',
      problems: [],
      suggestions: [],
      clientRequestId: `demo-${Date.now()}-follow`,
    });
    const before = await reputationNow();
    say(
      `  回访已记录:电话回访,居民表示满意。按时回访计入信誉,信誉分 ${beforeFollowUp.toFixed(1)} → ${before.toFixed(1)}。`,
    );

    say('\n【5】居民评价(评价):五星,“师傅准时,修得很好”。');
    await resident('orders', 'order.rate', {
      orderId,
      stars: 5,
      text: '师傅准时,修得很好',
      clientRequestId: `demo-${Date.now()}-rate`,
    });
    const after = await reputationNow();
    say(`  “${chosen.name}”的信誉分由 ${before.toFixed(1)} 变为 ${after.toFixed(1)}。`);
    if (after === before) throw new Error('评价后信誉分没有变化');

    const detail = await resident<{ timeline: Array<{ to: string }> }>('orders', 'order.detail', { orderId });
    say(
      `\n【完成】订单时间线共 ${detail.timeline.length} 步:${detail.timeline.map((t) => t.to).join(' → ')}`,
    );
    return 0;
  } catch (e) {
    console.error(`\n演示失败:${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    await cloud.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(buildDir, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
