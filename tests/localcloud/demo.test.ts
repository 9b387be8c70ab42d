/**
 * `npm run demo`: its own local cloud on a free port and a temporary data dir, the whole
 * order loop through the real functions, narrated in Chinese, exit 0, and nothing left behind.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/server-process';

it('walks the order loop through the real functions, narrating each step, and exits 0', () => {
  const demo = (
    JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  ).scripts['demo']!;
  const [command, ...args] = demo.split(' ');
  const run = spawnSync(command!, args, { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });
  expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  const out = run.stdout;

  // The ranked list: 3 to 5 providers for 家电维修, best first.
  const listed = [...out.matchAll(/^ {2}\d\. .+ 信誉分 (\d+\.\d)/gm)].map((m) => Number(m[1]));
  expect(listed.length).toBeGreaterThanOrEqual(3);
  expect(listed.length).toBeLessThanOrEqual(5);
  // Staff see the phone masked and no address before accepting, both in full after.
  expect(out).toMatch(/接单前工作人员看到:居民电话 1\d{2}\*{4}\d{4},服务地址 \(接单后可见\)/);
  expect(out).toMatch(/工作人员现在看到:居民电话 1\d{10},服务地址 金港花园/);
  // The rating moves the provider's score, and the timeline is complete.
  const moved = /信誉分由 (\d+\.\d) 变为 (\d+\.\d)/.exec(out);
  expect(moved).not.toBeNull();
  expect(Number(moved![2])).not.toBe(Number(moved![1]));
  expect(out).toContain('created → accepted → done → followed_up → rated → closed');

  const dataDir = /数据目录 (\S+?)\)/.exec(out)?.[1];
  expect(dataDir).toBeDefined();
  expect(existsSync(dataDir!)).toBe(false);
});
