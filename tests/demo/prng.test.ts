/** The seeded generator behind the demo data. */
import { Rng, WeightedPicker, hash32 } from '../../demo/prng';

describe('Rng', () => {
  test('the same seed gives the same sequence, another seed another one', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const seqA = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(seqA);
  });

  test('derived streams are independent of each other and stable', () => {
    expect(Rng.derive(1, 'provider', 7).next()).toBe(Rng.derive(1, 'provider', 7).next());
    expect(Rng.derive(1, 'provider', 7).next()).not.toBe(Rng.derive(1, 'provider', 8).next());
    expect(Rng.derive(1, 'orders').next()).not.toBe(Rng.derive(2, 'orders').next());
    expect(hash32('abc')).toBe(hash32('abc'));
  });

  test('values stay in range and cover it', () => {
    const rng = new Rng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 10_000; i += 1) {
      const x = rng.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      const n = rng.int(3, 8);
      expect(Number.isInteger(n) && n >= 3 && n <= 8).toBe(true);
      seen.add(n);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7, 8]);
    expect(rng.digits(11)).toMatch(/^\d{11}$/);
  });

  test('sample returns distinct entries', () => {
    const picked = new Rng(3).sample([1, 2, 3, 4, 5, 6], 4);
    expect(new Set(picked).size).toBe(4);
  });

  test('WeightedPicker follows the weights', () => {
    const picker = new WeightedPicker([1, 0, 3]);
    const rng = new Rng(11);
    const counts = [0, 0, 0];
    for (let i = 0; i < 20_000; i += 1) counts[picker.pick(rng)]! += 1;
    expect(counts[1]).toBe(0);
    expect(counts[2]! / counts[0]!).toBeGreaterThan(2.7);
    expect(counts[2]! / counts[0]!).toBeLessThan(3.3);
    expect(() => new WeightedPicker([0, 0])).toThrow();
  });
});
