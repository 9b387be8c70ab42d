/**
 * The command runner's clock (defect found by `npm run load`: two steps of one order racing, the loser's retry
 * committed after the winner with the time its first attempt had read, so the order's events went back in
 * time, "rated" before "followed_up"). The time a command writes is read per transaction attempt.
 */
import { actorWithResidentGrant } from '../../../core/auth/roles';
import { runCommand } from '../../../core/kernel/command.runner';
import type { StoredDocument } from '../../../core/kernel/database.port';
import type { PlatformPorts } from '../../../core/kernel/use-case';
import { MemoryDatabase } from '../support/memory-database';
import { FakeClock, GRID, T0 } from '../support/order-loop.fixture';

test('a retried attempt writes the time of the attempt that commits, after the writer it lost to', async () => {
  const db = new MemoryDatabase();
  const clock = new FakeClock(T0);
  const step: StoredDocument & { last: number } = { _id: 'order', last: T0 - 1 };
  await db.insert('steps', step);
  const ports = { db, clock } as unknown as PlatformPorts;
  const actor = actorWithResidentGrant('o-resident', GRID, []);
  let attempts = 0;
  const written = await runCommand(
    ports,
    actor,
    'order.rate',
    { clientRequestId: 'rate-request-1' },
    async ({ tx, now }) => {
      attempts += 1;
      await tx.get('steps', 'order');
      if (attempts === 1) {
        // Another step of the same order commits first, a second later.
        clock.advance(1000);
        await db.update('steps', 'order', { last: clock.now() });
      }
      await tx.update('steps', 'order', { last: now });
      return now;
    },
  );
  expect(attempts).toBe(2);
  expect(written).toBe(T0 + 1000);
  expect(await db.get('steps', 'order')).toEqual({ _id: 'order', last: T0 + 1000 });
});
