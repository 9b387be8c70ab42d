/**
 * `npm run demo -- concerns`: its own local cloud on a free port and a temporary data dir, one 忧心事 through
 * the real `concerns` and `concern-timers` functions (review, two pushes up by the timer with the notices
 * they sent, a claim, progress, resolution, the resident's confirmation), narrated in Chinese, exit 0, and
 * nothing left behind. The narration throws on any reply that is not OK or not in the expected status.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/server-process';

const DEMO_TIMEOUT_MS = 240_000;

it(
  'narrates a concern from submission through two pushes up to the resident confirming it resolved, and exits 0',
  () => {
    const demo = (
      JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts['demo']!;
    const [command, ...args] = demo.split(' ');
    const run = spawnSync(command!, [...args, 'concerns'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: DEMO_TIMEOUT_MS - 10_000,
    });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    const out = run.stdout;

    // Each step in order, with the status and level the functions answered.
    const steps = [
      /状态:待审核,社区级/,
      /状态:审核通过,社区级/,
      /状态:已发布待认领,社区级/,
      /状态:已逐级推送,已推送至街道\(镇\)/,
      /状态:已逐级推送,已推送至县\(市、区\)/,
      /状态:已认领,县\(市、区\)级/,
      /状态:办理中,县\(市、区\)级/,
      /状态:已办结,县\(市、区\)级/,
      /状态:居民已确认,县\(市、区\)级/,
    ];
    let from = 0;
    for (const step of steps) {
      const at = out.slice(from).search(step);
      expect({ step: step.source, found: at >= 0 }).toEqual({ step: step.source, found: true });
      from += at + 1;
    }

    // Each push up told that level's workers (read from the platform's outbox).
    const toStreet = out.slice(out.indexOf('已推送至街道'), out.indexOf('【5】'));
    expect(toStreet).toMatch(/通知「待办事项提醒」→ 街道平台管理人员（玉城街道）/);
    const toCounty = out.slice(out.indexOf('已推送至县'), out.indexOf('【6】'));
    expect(toCounty).toMatch(/通知「待办事项提醒」→ 县（区）平台管理人员（玉州区）/);
    expect(toCounty).not.toMatch(/街道平台管理人员/);

    // The timeline the resident sees holds both pushes by the system and their honest confirmation.
    expect(out).toMatch(/推送上一级\(系统,街道\(镇\)\)/);
    expect(out).toMatch(/继续推送上一级\(系统,县\(市、区\)\)/);
    expect(out).toContain('居民确认结果:已解决。');

    const dataDir = /数据目录 (\S+?)\)/.exec(out)?.[1];
    expect(dataDir).toBeDefined();
    expect(existsSync(dataDir!)).toBe(false);
  },
  DEMO_TIMEOUT_MS,
);
