/**
 * The DatabasePort contract: what every adapter must do, as jest tests. The core tests run it against the
 * in-memory double; the wx-server-sdk and node-sdk adapters can run the very same suite against the local
 * cloud (`describeDatabasePortContract('wx-server-sdk', () => adapterOnLocalCloud())`).
 * Each test uses collections of its own name, so a shared database needs no cleanup between tests.
 */
import type { DatabasePort, StoredDocument } from '../../../core/kernel/database.port';

/** A test document (object literals with extra fields are still stored documents). */
const d = (doc: StoredDocument & Record<string, unknown>): StoredDocument => doc;

export function describeDatabasePortContract(
  name: string,
  makeDb: () => Promise<DatabasePort> | DatabasePort,
): void {
  describe(`DatabasePort contract: ${name}`, () => {
    let db: DatabasePort;
    let seq = 0;
    const coll = (): string => `contract_${name.replace(/\W/g, '_')}_${Date.now()}_${(seq += 1)}`;

    beforeEach(async () => {
      db = await makeDb();
    });

    test('get answers null for a missing document and a copy for a stored one', async () => {
      const c = coll();
      expect(await db.get(c, 'nope')).toBeNull();
      expect(await db.insert(c, d({ _id: 'a', n: 1, nested: { x: [1, 2] } }))).toBe(true);
      const doc = await db.get<{ _id: string; n: number; nested: { x: number[] } }>(c, 'a');
      expect(doc).toEqual({ _id: 'a', n: 1, nested: { x: [1, 2] } });
      doc!.nested.x.push(3);
      expect((await db.get<{ _id: string; nested: { x: number[] } }>(c, 'a'))!.nested.x).toEqual([1, 2]);
    });

    test('insert refuses an existing _id without writing', async () => {
      const c = coll();
      await db.insert(c, d({ _id: 'a', v: 1 }));
      expect(await db.insert(c, d({ _id: 'a', v: 2 }))).toBe(false);
      expect(await db.get(c, 'a')).toEqual({ _id: 'a', v: 1 });
    });

    test('find filters, sorts, skips, limits and projects', async () => {
      const c = coll();
      for (let i = 1; i <= 6; i += 1) {
        await db.insert(c, d({ _id: `d${i}`, group: i % 2 === 0 ? 'even' : 'odd', n: i, extra: 'x' }));
      }
      const _ = db.command;
      const evens = await db.find<{ _id: string; n: number }>(
        c,
        { group: 'even' },
        { orderBy: [['n', 'desc']] },
      );
      expect(evens.map((d) => d._id)).toEqual(['d6', 'd4', 'd2']);
      const page = await db.find(
        c,
        { n: _.gt(1) },
        { orderBy: [['n', 'asc']], skip: 1, limit: 2, fields: ['n'] },
      );
      expect(page).toEqual([
        { _id: 'd3', n: 3 },
        { _id: 'd4', n: 4 },
      ]);
      expect(await db.count(c, { n: _.and([_.gte(2), _.lt(5)]) })).toBe(3);
      expect(await db.count(c, { n: _.in([1, 6, 9]) })).toBe(2);
      expect(await db.count(c, { n: _.nin([1, 6]) })).toBe(4);
      expect(await db.count(c, { group: _.neq('odd') })).toBe(3);
      expect(
        (await db.findOne<{ _id: string }>(c, { group: 'odd' }, { orderBy: [['n', 'desc']] }))?._id,
      ).toBe('d5');
      expect(await db.findOne(c, { group: 'none' })).toBeNull();
    });

    test('array fields match any element; dotted paths reach into arrays of objects', async () => {
      const c = coll();
      await db.insert(c, d({ _id: 'a', paths: ['/x/', '/x/y/'], grants: [{ role: 'r', providerId: 'p1' }] }));
      await db.insert(c, d({ _id: 'b', paths: ['/z/'], grants: [{ role: 'r' }] }));
      const _ = db.command;
      expect((await db.find(c, { paths: _.in(['/x/y/', '/q/']) })).map((d) => d._id)).toEqual(['a']);
      expect((await db.find(c, { 'grants.providerId': 'p1' })).map((d) => d._id)).toEqual(['a']);
      expect(await db.count(c, { paths: '/z/' })).toBe(1);
    });

    test('prefix matches from the start of the string only', async () => {
      const c = coll();
      await db.insert(c, d({ _id: 'a', orgPath: '/1/2/3/' }));
      await db.insert(c, d({ _id: 'b', orgPath: '/1/23/' }));
      await db.insert(c, d({ _id: 'c', orgPath: '/0/1/2/' }));
      const ids = (await db.find(c, { orgPath: db.command.prefix('/1/2/') })).map((d) => d._id);
      expect(ids).toEqual(['a']);
    });

    test('update replaces fields, increments atomically, reaches array elements, honours ifMatch', async () => {
      const c = coll();
      await db.insert(c, d({ _id: 'a', status: 'pending', n: 1, counts: [0, 0, 0], obj: { a: 1, b: 2 } }));
      const _ = db.command;
      expect(await db.update(c, 'a', { n: _.inc(2), 'counts.1': _.inc(1), obj: { c: 3 } })).toBe(true);
      expect(await db.get(c, 'a')).toEqual({
        _id: 'a',
        status: 'pending',
        n: 3,
        counts: [0, 1, 0],
        obj: { c: 3 },
      });
      expect(await db.update(c, 'a', { status: 'done' }, { ifMatch: { status: 'other' } })).toBe(false);
      expect(await db.update(c, 'a', { status: 'done' }, { ifMatch: { status: 'pending' } })).toBe(true);
      expect(await db.update(c, 'a', { status: 'again' }, { ifMatch: { status: 'pending' } })).toBe(false);
      expect(await db.update(c, 'missing', { status: 'x' })).toBe(false);
      expect((await db.get<{ _id: string; status: string }>(c, 'a'))?.status).toBe('done');
    });

    test('updateWhere updates every match and says how many', async () => {
      const c = coll();
      for (const id of ['a', 'b', 'c']) await db.insert(c, d({ _id: id, p: id === 'c' ? 'q' : 'p', v: 0 }));
      expect(await db.updateWhere(c, { p: 'p' }, { v: 7 })).toBe(2);
      expect(
        (await db.find<{ _id: string; v: number }>(c, {}, { orderBy: [['_id', 'asc']] })).map((d) => d.v),
      ).toEqual([7, 7, 0]);
    });

    test('removeWhere deletes every match and says how many', async () => {
      const c = coll();
      for (const id of ['a', 'b', 'c']) await db.insert(c, d({ _id: id, n: id === 'b' ? 5 : 1 }));
      expect(await db.removeWhere(c, { n: db.command.lt(3) })).toBe(2);
      expect((await db.find<{ _id: string }>(c, {})).map((x) => x._id)).toEqual(['b']);
      expect(await db.removeWhere(c, { n: 9 })).toBe(0);
    });

    test('a transaction commits all its writes, and a throw writes none', async () => {
      const c = coll();
      await db.insert(c, d({ _id: 'a', n: 1 }));
      await db.runTransaction(async (tx) => {
        await tx.update(c, 'a', { n: db.command.inc(1) });
        await tx.insert(c, d({ _id: 'b', n: 10 }));
        // Reads see the transaction's own writes.
        expect(await tx.get(c, 'a')).toEqual({ _id: 'a', n: 2 });
        expect(await tx.get(c, 'b')).toEqual({ _id: 'b', n: 10 });
      });
      await expect(
        db.runTransaction(async (tx) => {
          await tx.update(c, 'a', { n: 100 });
          await tx.insert(c, d({ _id: 'z', n: 0 }));
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await db.get(c, 'a')).toEqual({ _id: 'a', n: 2 });
      expect(await db.get(c, 'z')).toBeNull();
    });

    test('a transaction reads a snapshot: writes committed after its start stay invisible to it', async () => {
      const c = coll();
      await db.insert(c, d({ _id: 'a', n: 1 }));
      let attempts = 0;
      const seen = await db.runTransaction(async (tx) => {
        attempts += 1;
        const first = await tx.get(c, 'a');
        await db.update(c, 'a', { n: 2 });
        await db.insert(c, d({ _id: 'b', n: 1 }));
        return [first, await tx.get(c, 'a'), await tx.get(c, 'b')];
      });
      // Repeatable reads; a read-only transaction commits at once (reads never conflict).
      expect(seen).toEqual([{ _id: 'a', n: 1 }, { _id: 'a', n: 1 }, null]);
      expect(attempts).toBe(1);
      expect(await db.get(c, 'a')).toEqual({ _id: 'a', n: 2 });
    });

    test('a transaction writing only documents nobody else wrote commits, whatever it read', async () => {
      const c = coll();
      await db.insert(c, d({ _id: 'a', n: 1 }));
      let attempts = 0;
      await db.runTransaction(async (tx) => {
        attempts += 1;
        const a = await tx.get<{ _id: string; n: number }>(c, 'a');
        await db.update(c, 'a', { n: db.command.inc(1) });
        await tx.insert(c, d({ _id: 'log', sawA: a!.n }));
      });
      expect(attempts).toBe(1);
      expect(await db.get(c, 'log')).toEqual({ _id: 'log', sawA: 1 });
    });

    test('a write to a document changed since the start runs the callback again on fresh data', async () => {
      const c = coll();
      await db.insert(c, d({ _id: 'order', status: 'accepted' }));
      let attempts = 0;
      const outcome = await db.runTransaction(async (tx) => {
        attempts += 1;
        const order = await tx.get<{ _id: string; status: string }>(c, 'order');
        if (order!.status !== 'accepted') return `refused: ${order!.status}`;
        // Another writer finishes the order first (only during the first attempt).
        if (attempts === 1) await db.update(c, 'order', { status: 'done' });
        await tx.update(c, 'order', { status: 'done', by: 'me' });
        return 'done';
      });
      expect({ outcome, attempts }).toEqual({ outcome: 'refused: done', attempts: 2 });
      expect(await db.get(c, 'order')).toEqual({ _id: 'order', status: 'done' });
    });

    test('an insert colliding with a document committed since the start, never read, runs the callback again', async () => {
      // order.done's shape: read the order, write it, insert the follow-up `fu-<orderId>` without reading
      // it. A concurrent winner committed both: the insert is a write conflict (not a duplicate), and the
      // second attempt sees the winner's order.
      const c = coll();
      await db.insert(c, d({ _id: 'order', status: 'accepted' }));
      let attempts = 0;
      const outcome = await db.runTransaction(async (tx) => {
        attempts += 1;
        const order = await tx.get<{ _id: string; status: string }>(c, 'order');
        if (order!.status !== 'accepted') return `refused: ${order!.status}`;
        if (attempts === 1) {
          await db.insert(c, d({ _id: 'fu-order', by: 'winner' }));
          await db.update(c, 'order', { status: 'done' });
        }
        await tx.insert(c, d({ _id: 'fu-order', by: 'me' }));
        await tx.update(c, 'order', { status: 'done' });
        return 'done';
      });
      expect({ outcome, attempts }).toEqual({ outcome: 'refused: done', attempts: 2 });
      expect(await db.get(c, 'fu-order')).toEqual({ _id: 'fu-order', by: 'winner' });
    });

    test('an insert of an _id the transaction can see fails it at once, without another attempt', async () => {
      const c = coll();
      await db.insert(c, d({ _id: 'a', n: 1 }));
      let attempts = 0;
      await expect(
        db.runTransaction(async (tx) => {
          attempts += 1;
          await tx.insert(c, d({ _id: 'b', n: 1 }));
          await tx.insert(c, d({ _id: 'a', n: 2 }));
        }),
      ).rejects.toThrow(/duplicate/);
      expect(attempts).toBe(1);
      expect(await db.get(c, 'a')).toEqual({ _id: 'a', n: 1 });
      expect(await db.get(c, 'b')).toBeNull();
    });

    test('concurrent transactions storing one key: one stores it, every other replays it', async () => {
      // The idempotency pattern (core/kernel/command.runner.ts): read the key; absent, do the work and insert
      // the key with the result. Twenty copies at once: the work happens once, all answer the first result.
      const c = coll();
      await db.insert(c, d({ _id: 'counter', n: 0 }));
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          db.runTransaction(async (tx) => {
            const stored = await tx.get<{ _id: string; result: string }>(c, 'key');
            if (stored) return stored.result;
            const counter = await tx.get<{ _id: string; n: number }>(c, 'counter');
            await tx.update(c, 'counter', { n: counter!.n + 1 });
            await tx.insert(c, d({ _id: 'key', result: `copy ${i}` }));
            return `copy ${i}`;
          }),
        ),
      );
      expect(new Set(results).size).toBe(1);
      expect(await db.get(c, 'key')).toEqual({ _id: 'key', result: results[0] });
      expect(await db.get(c, 'counter')).toEqual({ _id: 'counter', n: 1 });
    });

    test('concurrent read-modify-write transactions do not lose an update', async () => {
      const c = coll();
      await db.insert(c, d({ _id: 'counter', n: 0 }));
      await Promise.all(
        Array.from({ length: 5 }, () =>
          db.runTransaction(async (tx) => {
            const doc = await tx.get<{ _id: string; n: number }>(c, 'counter');
            await tx.update(c, 'counter', { n: doc!.n + 1 });
          }),
        ),
      );
      expect(await db.get(c, 'counter')).toEqual({ _id: 'counter', n: 5 });
    });
  });
}
