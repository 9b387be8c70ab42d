/**
 * `npm run demo -- concerns`: one 忧心事 from the resident's submission to their confirmation, narrated in
 * Chinese, through the real `concerns` and `concern-timers` functions on the demo's local cloud
 * (scripts/demo.ts starts it), with the real node-sdk as each demo identity: the resident submits (after the
 * similar ones are looked up), the community leader approves, the community worker publishes; nobody claims
 * it, so the clock moves past the community's deadline and the timer pushes it to the street, then past the
 * street's and it reaches the county (each time the notices it sent, and to whom, read from the platform's
 * outbox); the party member (whose claims reach up their community's branch) claims it, posts progress and
 * resolves it; the resident confirms 已解决. Every reply must be OK and in the status and level the narration
 * expects, or it throws.
 */
import tcb from '@cloudbase/node-sdk';
import type {
  ConcernDetail,
  ConcernSimilarResult,
  ConcernStepResult,
} from '../core/concerns/concern.replies';
import { DEFAULT_PLATFORM_CONFIG } from '../core/kernel/platform.config';
import type { ConcernLevel, ConcernStatus } from '../core/lifecycle/concern.lifecycle';
import { templateTitle } from '../core/messaging/message-templates';
import type { OutboxMessage } from '../core/model/platform.model';
import { ORG_LEVEL_LABELS } from '../core/org/org-levels';
import { OPENID_CREDENTIAL_PREFIX } from '../localcloud/functions/functions.actions';
import type { LocalCloud } from '../localcloud/local-cloud';
import { DEMO_IDENTITIES } from '../demo/demo-identities';
import { DEMO_RESIDENT_OPENID, HOUR_MS } from '../demo/demo.constants';

interface Reply<T> {
  code: string;
  message: string;
  data: T;
}

const RESIDENT = DEMO_RESIDENT_OPENID;
const LEADER = 'demo-community-leader-1';
const WORKER = 'demo-community-worker-1';
const PARTY_MEMBER = 'demo-party-member-1';

const OUTBOX_STATUS: Readonly<Record<OutboxMessage['status'], string>> = {
  pending: '待发送',
  sending: '发送中',
  sent: '微信订阅消息已送达',
  refused: '未订阅微信消息,已存入消息中心',
  failed: '发送失败,已存入消息中心',
};

/** A demo identity as the narration names it: label and nickname, else the openid. */
function who(openid: string): string {
  const identity = DEMO_IDENTITIES.find((i) => i.openid === openid);
  return identity === undefined ? openid : `${identity.label}${identity.nickname}`;
}

function levelLabel(level: ConcernLevel): string {
  return `${ORG_LEVEL_LABELS[level]}级`;
}

/** Throw unless the concern is where the step should have left it. */
function expectAt(
  what: string,
  got: { status: ConcernStatus; level: ConcernLevel },
  status: ConcernStatus,
  level: ConcernLevel,
): void {
  if (got.status !== status || got.level !== level) {
    throw new Error(`${what}后应为 ${status}/${level},实际为 ${got.status}/${got.level}`);
  }
}

/** Narrate the concern loop on a started local cloud holding the demo data; throws on anything unexpected. */
export async function narrateConcern(cloud: LocalCloud, say: (line: string) => void): Promise<void> {
  let requests = 0;
  const as = (openid: string) => {
    const app = tcb.init({
      env: 'local',
      serviceUrl: cloud.serviceUrl,
      secretId: `${OPENID_CREDENTIAL_PREFIX}${openid}`,
      secretKey: 'local',
    } as never);
    return async <T>(command: string, input: Record<string, unknown>, writes = true): Promise<T> => {
      requests += 1;
      const data = writes
        ? { ...input, clientRequestId: `demo-concern-${cloud.clock.now()}-${requests}` }
        : input;
      const reply = (await app.callFunction({ name: 'concerns', data: { command, input: data } }))
        .result as Reply<T>;
      if (reply.code !== 'OK') throw new Error(`concerns/${command} 失败:${reply.code} ${reply.message}`);
      return reply.data;
    };
  };
  const admin = tcb
    .init({ env: 'local', serviceUrl: cloud.serviceUrl, secretId: 'x', secretKey: 'x' } as never)
    .database();
  const resident = as(RESIDENT);
  const leader = as(LEADER);
  const worker = as(WORKER);
  const partyMember = as(PARTY_MEMBER);
  const step = (r: ConcernStepResult) => `状态:${r.statusLabel},${levelLabel(r.level)}`;

  // The notices about the concern in the platform's outbox since the last look: whom, what, how it went.
  let told = 0;
  const tellNotices = async (concernId: string): Promise<number> => {
    const { data } = await admin
      .collection('message_outbox')
      .where({ subjectId: concernId })
      .orderBy('createdAt', 'asc')
      .orderBy('_id', 'asc')
      .limit(100)
      .get();
    const messages = data as OutboxMessage[];
    const fresh = messages.slice(told);
    for (const m of fresh) {
      say(
        `  通知「${templateTitle(m.message.templateId)}」→ ${who(m.message.touser)}:${OUTBOX_STATUS[m.status]}`,
      );
    }
    told = messages.length;
    return fresh.length;
  };

  // The clock moves past the deadline of the concern's level; the timers due then run once each.
  const passDeadlineOf = async (level: ConcernLevel, concernId: string): Promise<void> => {
    const hours = DEFAULT_PLATFORM_CONFIG.concerns.deadlines.claimWithinHours[level] + 1;
    cloud.clock.advance(hours * HOUR_MS);
    const runs = await cloud.timers.runDue();
    const timer = runs.find((r) => r.functionName === 'concern-timers');
    if (timer === undefined || !timer.ok) {
      throw new Error(
        `concern-timers 定时任务没有成功运行:${JSON.stringify(timer ?? runs.map((r) => r.functionName))}`,
      );
    }
    say(
      `  时钟前进 ${hours} 小时(${levelLabel(level)}认领时限 ${hours - 1} 小时已过),定时任务 concern-timers 运行。`,
    );
    const detail = await resident<ConcernDetail>('concern.detail', { concernId }, false);
    say(`  状态:${detail.statusLabel},已推送至${detail.levelLabel}。`);
    if (detail.status !== 'escalated') throw new Error(`超时后应为 escalated,实际为 ${detail.status}`);
    if ((await tellNotices(concernId)) === 0) throw new Error('推送后没有发出任何通知');
  };

  const title = '小区路灯坏了三盏,晚上出行不安全';
  const content =
    '金港花园 3 栋到 5 栋之间的三盏路灯坏了半个多月,晚上一片漆黑,老人出门散步容易摔倒,希望尽快修好。';

  say(`\n【1】居民${who(RESIDENT)}在小程序“忧心事”里写下:“${title}”。`);
  const similar = await resident<ConcernSimilarResult>('concern.similar', { title, content }, false);
  say(
    similar.items.length === 0
      ? '  提交前系统查找本社区相似的诉求:没有找到,于是新提交一件。'
      : `  提交前系统查找本社区相似的诉求:${similar.items.map((s) => `“${s.title}”(${s.statusLabel})`).join('、')};都不是同一件事,于是新提交一件。`,
  );
  const submitted = await resident<ConcernStepResult>('concern.submit', {
    kind: 'worry',
    title,
    content,
    images: [],
    anonymous: false,
    crossDepartment: false,
    sensitive: false,
    sensitiveConsent: false,
  });
  const { concernId } = submitted;
  expectAt('提交', submitted, 'submitted', 'community');
  say(`  已提交,事项编号 ${concernId}。${step(submitted)}。`);
  await tellNotices(concernId);

  say(`\n【2】${who(LEADER)}审核:内容属实,审核通过。`);
  const reviewed = await leader<ConcernStepResult>('concern.review', {
    concernId,
    decision: 'approve',
    reason: '情况属实,请社区尽快发布认领',
  });
  expectAt('审核', reviewed, 'approved', 'community');
  say(`  ${step(reviewed)}。`);
  await tellNotices(concernId);

  say(`\n【3】${who(WORKER)}把它发布到社区心愿墙,等待认领:`);
  const published = await worker<ConcernStepResult>('concern.publish', { concernId });
  expectAt('发布', published, 'published', 'community');
  say(`  ${step(published)}。`);
  await tellNotices(concernId);

  say('\n【4】社区里没有人认领。');
  await passDeadlineOf('community', concernId);
  say('\n【5】街道里也没有人认领。');
  await passDeadlineOf('street', concernId);
  const atCounty = await resident<ConcernDetail>('concern.detail', { concernId }, false);
  expectAt('两次推送', atCounty, 'escalated', 'county');

  say(`\n【6】${who(PARTY_MEMBER)}在“可认领”列表里看到它,以个人名义认领:`);
  const open = await partyMember<{ items: Array<{ concernId: string }> }>(
    'concern.list',
    { view: 'open', page: 1, pageSize: 50 },
    false,
  );
  if (!open.items.some((i) => i.concernId === concernId)) throw new Error('在职党员的可认领列表里没有这件事');
  const claimed = await partyMember<ConcernStepResult>('concern.claim', {
    concernId,
    claimAs: 'self',
    note: '周末上门查看,联系供电部门维修',
  });
  expectAt('认领', claimed, 'claimed', 'county');
  say(`  ${step(claimed)}。`);
  await tellNotices(concernId);

  say('\n【7】认领人发布进展:');
  const updated = await partyMember<ConcernStepResult>('concern.update', {
    concernId,
    text: '已现场查看,三盏路灯灯头老化,已报供电所,约定周三更换',
    images: [],
  });
  expectAt('发布进展', updated, 'in_progress', 'county');
  say(`  “已现场查看,三盏路灯灯头老化,已报供电所,约定周三更换”。${step(updated)}。`);
  await tellNotices(concernId);

  say('\n【8】路灯修好,认领人办结:');
  const resolved = await partyMember<ConcernStepResult>('concern.resolve', {
    concernId,
    summary: '供电所已更换三盏路灯的灯头和线路,晚上已恢复照明',
    images: [],
  });
  expectAt('办结', resolved, 'resolved', 'county');
  say(`  ${step(resolved)},等待居民确认。`);
  await tellNotices(concernId);

  say(`\n【9】${who(RESIDENT)}确认:已解决。`);
  const confirmed = await resident<ConcernStepResult>('concern.confirm', {
    concernId,
    outcome: 'resolved',
    reason: '',
  });
  expectAt('确认', confirmed, 'confirmed', 'county');
  say(`  ${step(confirmed)}。`);
  await tellNotices(concernId);

  const detail = await resident<ConcernDetail>('concern.detail', { concernId }, false);
  if (detail.confirmation?.outcome !== 'resolved') throw new Error('居民确认的结果没有记录为已解决');
  say(`\n【完成】事项时间线共 ${detail.timeline.length} 步:`);
  for (const t of detail.timeline) {
    say(
      `  ${t.label}(${t.byRole}${t.levelLabel === null ? '' : `,${t.levelLabel}`})${t.reason === null || t.reason === '' ? '' : `:${t.reason}`}`,
    );
  }
  say(`  居民确认结果:${detail.confirmation.outcomeLabel}。`);
}
