/**
 * Seeded pseudo-randomness for the demo data, on pure-rand's xoroshiro128+ (fast, the same sequence on every
 * platform). Never used for anything that must be unpredictable (ids and codes shown to users in production
 * come from the IdGenerator port).
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** A 32-bit hash of a string (FNV-1a followed by a murmur3 finaliser), to derive independent streams. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class Rng {
  private readonly generator: RandomGenerator;

  constructor(seed: number) {
    this.generator = xoroshiro128plus(seed | 0);
  }

  /** A stream derived from a seed and a name (and an index): streams do not shift when others change. */
  static derive(seed: number, stream: string, index?: number): Rng {
    return new Rng(hash32(index === undefined ? `${seed}:${stream}` : `${seed}:${stream}:${index}`));
  }

  /** Uniform in [0, 1). */
  next(): number {
    return (this.generator.next() >>> 0) / 4294967296;
  }

  /** An integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** `count` distinct entries, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i += 1) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  }

  /** `digits` decimal digits as a string. */
  digits(digits: number): string {
    let out = '';
    for (let i = 0; i < digits; i += 1) out += String(Math.floor(this.next() * 10));
    return out;
  }
}

/**
 * Weighted choice among many entries in O(log n): the cumulative weights are built once. Used to pick the
 * provider of each order (popular providers get more orders) at 100,000 providers.
 */
export class WeightedPicker {
  private readonly cumulative: Float64Array;

  constructor(weights: ArrayLike<number>) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i += 1) {
      sum += Math.max(0, weights[i]!);
      this.cumulative[i] = sum;
    }
    if (sum <= 0) throw new Error('weights must not all be zero');
  }

  pick(rng: Rng): number {
    const total = this.cumulative[this.cumulative.length - 1]!;
    const target = rng.next() * total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
