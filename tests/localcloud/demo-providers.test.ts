/**
 * `npm run demo -- providers`: its own local cloud on a free port and a temporary data dir, one provider's life
 * through the real `providers`, `orders`, `jobs` and `provider-timers` functions (application, assessment by the
 * unit and the regulator, 公示 with an objection, the agreement, a first order with a 差评 ticket and a second
 * rating, an evaluation with a rectification, removal with the regulators' report), narrated in Chinese, exit
 * 0. The narration throws on any reply that is not OK or not the refusal it expects.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/server-process';

const DEMO_TIMEOUT_MS = 240_000;

it(
  'narrates an application through 公示 and the agreement, a 差评 ticket, a rectification and the removal, and exits 0',
  () => {
    const demo = (
      JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts['demo']!;
    const [command, ...args] = demo.split(' ');
    const run = spawnSync(command!, [...args, 'providers'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: DEMO_TIMEOUT_MS - 10_000,
    });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    const out = run.stdout;
    const steps = [
      /收费高于市场价时被拒绝:低收费服务的价格必须低于市场价/,
      /状态:已提交/,
      /孵化中心评分 \d+ 分,推荐/,
      /县级行业主管部门\(.+\)评分 \d+ 分,推荐/,
      /社区负责人择优选取:公示中/,
      /申请人看到 1 条异议,看不到异议人/,
      /异议未答复前不能签约/,
      /已签署服务协定\(版本 .+\),服务机构入驻,状态:正常服务/,
      /新机构出现在可选机构中/,
      /差评回访工单已生成\(非常不满意\)/,
      /居民再次评价 4 星/,
      /考核结果:不合格,限期整改;机构状态:限期整改/,
      /下载《服务机构清退报备-玉州区暖心家庭服务中心-\d{8}\.docx》/,
      /已清退的机构不再出现/,
      /同一信用代码再次申请入驻被拒绝:.*黑名单/,
      /演示完成/,
    ];
    let from = 0;
    for (const step of steps) {
      const at = out.slice(from).search(step);
      expect({ step: step.source, found: at >= 0 }).toEqual({ step: step.source, found: true });
      from += at + 1;
    }
  },
  DEMO_TIMEOUT_MS,
);
