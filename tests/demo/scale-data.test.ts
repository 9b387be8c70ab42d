/**
 * The scale path: the same generator streams batches of bounded size, so 100,000 providers and 1,000,000
 * orders fit in memory (measured in docs/data-model.md). Here at a size a unit test can afford.
 */
import { generateDemoDataset, iterateDemoData, type DemoBatch } from '../../demo/demo-dataset';
import { COLLECTION_NAMES, type CollectionName } from '../../core/model/collections.model';

describe('iterateDemoData', () => {
  test('yields N orders in batches no larger than batchSize, with the providers asked for', () => {
    const batchSize = 2500;
    const counts = new Map<CollectionName, number>();
    let orderBatches = 0;
    let largest = 0;
    for (const batch of iterateDemoData({ providers: 3000, orders: 40_000, events: false, batchSize })) {
      counts.set(batch.collection, (counts.get(batch.collection) ?? 0) + batch.documents.length);
      largest = Math.max(largest, batch.documents.length);
      expect(batch.documents.length).toBeGreaterThan(0);
      if (batch.collection === 'orders') orderBatches += 1;
    }
    expect(largest).toBeLessThanOrEqual(batchSize);
    expect(counts.get('orders')).toBe(40_000);
    expect(orderBatches).toBe(16);
    expect(counts.get('providers')).toBe(3000);
    expect(counts.get('events') ?? 0).toBe(0);
    expect(counts.get('ratings')).toBeGreaterThan(15_000);
    expect(counts.get('follow_ups')).toBeGreaterThan(30_000);
  });

  test('collecting the batches gives exactly generateDemoDataset', () => {
    const options = { seed: 99, providers: 40, orders: 500, batchSize: 64 };
    const collected = Object.fromEntries(COLLECTION_NAMES.map((n) => [n, [] as unknown[]]));
    for (const batch of iterateDemoData(options) as Iterable<DemoBatch>)
      collected[batch.collection]!.push(...batch.documents);
    expect(JSON.stringify(collected)).toBe(JSON.stringify(generateDemoDataset(options)));
  });

  test('orders are generated lazily: stopping early does not generate the rest', () => {
    const iterator = iterateDemoData({ providers: 100, orders: 10_000_000, events: false, batchSize: 1000 });
    let orders = 0;
    for (const batch of iterator) {
      if (batch.collection !== 'orders') continue;
      orders += batch.documents.length;
      if (orders >= 3000) break;
    }
    expect(orders).toBe(3000);
  });
});
