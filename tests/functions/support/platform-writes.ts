/**
 * "Nothing was written" as the platform means it: no document of the platform's collections added or changed.
 * Two kinds of collection are written by every call whatever it does, and are left out: the rate limiter's
 * counters (`rate_limit_counters`: each limited call is counted before its command runs, a refused call and a
 * replay too; core/kernel/rate-limit.ts) and the local cloud's own `sys_*` collections.
 */
import type { FunctionCloud, Reply, WriteMark } from './function-cloud';

/** A collection every call may write, whatever it does. */
export const isBookkeeping = (name: string): boolean =>
  name.startsWith('sys_') || name === 'rate_limit_counters';

/** The write mark of the platform's collections: equal marks, nothing written. */
export function platformMark(cloud: FunctionCloud): WriteMark {
  return Object.fromEntries(Object.entries(cloud.writeMark()).filter(([name]) => !isBookkeeping(name)));
}

/** Run `call`; expect the code, a Chinese message, not one write to the platform's collections, no message sent. */
export async function expectRefusedWritingNothing(
  cloud: FunctionCloud,
  call: () => Promise<Reply>,
  code: string,
): Promise<Reply> {
  const before = platformMark(cloud);
  const sent = cloud.outbox().length;
  const reply = await call();
  expect({ code: reply.code, message: reply.message }).toEqual({
    code,
    message: expect.stringMatching(/[\u4e00-\u9fa5]/),
  });
  expect(platformMark(cloud)).toEqual(before);
  expect(cloud.outbox()).toHaveLength(sent);
  return reply;
}
