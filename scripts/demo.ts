/**
 * `npm run demo`: the whole order loop, narrated in Chinese, on a local cloud of its own (free port, temporary
 * data dir, removed afterwards), through the real cloud functions and the real SDK, as demo identities:
 * a resident ticks 家电维修, sees the providers in the order matching gives them (nearest level first,
 * reputation within a level, said from the reply itself) and orders from the first; staff accept, finish and
 * record the 回访, with each step's subscribe message that reached the outbox; the resident's 评价 moves the
 * provider's score. Exits 0 when every step worked, 1 otherwise.
 *
 * `npm run demo -- concerns` narrates a 忧心事 instead, on the same local cloud: review, two pushes up by the
 * timer, a claim, progress, resolution and the resident's confirmation (scripts/demo-concerns.ts).
 *
 * `npm run demo -- providers` narrates a provider's life: application, review with the regulator, 公示 with an
 * objection, the agreement, its first orders with a 差评 ticket, an evaluation with a rectification, and its
 * removal to the blacklist with the regulators' report (scripts/demo-providers.ts).
 */
import '../tests/helpers/sdk-env';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tcb from '@cloudbase/node-sdk';
import type { MatchedItem, MatchedProvider, MatchProvidersResult } from '../core/matching/match.reply';
import type { OrgLevel } from '../core/org/org-levels';
import { DEFAULT_PLATFORM_CONFIG } from '../core/kernel/platform.config';
import { narrateConcern } from './demo-concerns';
import { narrateProvider } from './demo-providers';
import { DEMO_IDENTITIES } from '../demo/demo-identities';
import { OPENID_CREDENTIAL_PREFIX } from '../localcloud/functions/functions.actions';
import { LocalCloud } from '../localcloud/local-cloud';
import { buildFunctions } from './build-functions';
import { seedDemoData } from './seed-demo';

interface Reply<T> {
  code: string;
  message: string;
  data: T;
}

const say = (line: string) => console.log(line);

/** How far a provider's service area is from the resident's home, as the resident says it. */
const REACH: Readonly<Record<OrgLevel, string>> = {
  grid: '本小区',
  community: '本社区',
  street: '本街道',
  county: '本县(区)',
  city: '全市',
};

/**
 * The list as matching forms it: the providers serving the resident's grid or community first, then those
 * found by widening, one level at a time; each group in reputation order.
 */
function groupsOf(providers: readonly MatchedProvider[]): { label: string; providers: MatchedProvider[] }[] {
  const groups: { key: string; label: string; providers: MatchedProvider[] }[] = [];
  for (const p of providers) {
    const key = p.widened ? p.foundAt : 'base';
    const last = groups[groups.length - 1];
    if (last?.key === key) last.providers.push(p);
    else groups.push({ key, label: REACH[p.foundAt], providers: [p] });
  }
  for (const group of groups) {
    const levels = [...new Set(group.providers.map((p) => REACH[p.foundAt]))];
    group.label = levels.join('和');
    group.providers.forEach((p, i) => {
      if (i > 0 && p.reputation > group.providers[i - 1]!.reputation)
        throw new Error('同一级内没有按信誉分排序');
    });
  }
  groups.forEach((g, i) => {
    if (i > 0 && g.providers[0]!.distance <= groups[i - 1]!.providers[0]!.distance) {
      throw new Error('没有按由近及远的顺序排列');
    }
  });
  return groups;
}

/** Why the list is in this order, in the reply's own terms: each group's level and scores. */
function explainOrder(item: MatchedItem): string[] {
  const min = DEFAULT_PLATFORM_CONFIG.matching.minProviders;
  const groups = groupsOf(item.providers);
  const told = groups.map((g, i) => {
    const scores = g.providers.map((p) => p.reputation.toFixed(1)).join('、');
    const where = i === 0 && !g.providers[0]!.widened ? g.label : `扩大到${g.label}`;
    return `${where} ${g.providers.length} 家(信誉分 ${scores})`;
  });
  const base = groups[0]?.providers[0]?.widened === false ? groups[0].providers.length : 0;
  const why = item.widened
    ? `离家最近的社区一级${base === 0 ? '没有' : `只有 ${base} 家`},不足 ${min} 家,于是逐级向外找`
    : `离家最近的一级已有 ${base} 家,够 ${min} 家,不再扩大范围`;
  return [
    `  排序方式:先排离家最近的一级(小区和社区),同一级内按信誉分从高到低,不足 ${min} 家时才逐级扩大到街道、县(区)、全市,最多 ${DEFAULT_PLATFORM_CONFIG.matching.maxProviders} 家。`,
    `  这一次:${why}——${told.join(',')},共 ${item.providers.length} 家。`,
  ];
}

const nameOf = (openid: string): string => {
  const identity = DEMO_IDENTITIES.find((i) => i.openid === openid);
  return identity === undefined ? openid : `${identity.nickname}(${openid})`;
};

async function main(): Promise<number> {
  const which = process.argv[2];
  if (which !== undefined && which !== 'concerns' && which !== 'providers') {
    console.error(
      `未知的演示:${which}(可用:npm run demo,npm run demo -- concerns,npm run demo -- providers)`,
    );
    return 2;
  }
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
    if (which === 'concerns') {
      await narrateConcern(cloud, say);
      return 0;
    }
    if (which === 'providers') {
      await narrateProvider(cloud, say);
      return 0;
    }

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
    const match = await resident<MatchProvidersResult>('orders', 'match.request', {
      itemIds: ['item-appliance-repair'],
    });
    const item = match.items[0]!;
    const providers = item.providers;
    providers.forEach((p) =>
      say(
        `  ${p.rank}. ${p.name} —— ${'★'.repeat(p.starLevel)}${'☆'.repeat(5 - p.starLevel)} 信誉分 ${p.reputation.toFixed(1)},` +
          `服务范围覆盖${REACH[p.foundAt]},${p.price.text}`,
      ),
    );
    for (const line of explainOrder(item)) say(line);
    const chosen = providers[0]!;
    say(`  黄阿姨选择了排名第一的“${chosen.name}”。`);

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
    // Subscribe messages about this order that reached the outbox since the last look.
    let told = 0;
    const tellMessages = () => {
      const page = `orderId=${encodeURIComponent(orderId)}`;
      const about = cloud.openapi
        .listOutbox({}, 0, 100)
        .messages.filter((m) => m.page.endsWith(page))
        .reverse();
      for (const m of about.slice(told))
        say(`  订阅消息「${m.title}」已送达 ${nameOf(m.touser)}(见本地云发件箱)。`);
      told = about.length;
    };
    tellMessages();

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
    tellMessages();
    await staff('jobs', 'order.done', { orderId, clientRequestId: `demo-${Date.now()}-done` });
    say('  服务完成,系统为该订单生成回访任务。');
    tellMessages();

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
