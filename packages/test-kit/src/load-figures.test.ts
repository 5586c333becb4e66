import { describe, expect, it } from 'vitest';
import { between, inPool, mib, ms, percentile, seededRandom } from './index.js';

describe('seededRandom', () => {
  it('draws the same numbers for the same seed, others for another, all in [0, 1)', () => {
    const draw = (seed: number): number[] => Array.from({ length: 50 }, seededRandom(seed));
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(7).every((n) => n >= 0 && n < 1)).toBe(true);
  });

  it('between gives whole numbers from min to max, both reached', () => {
    const random = seededRandom(1);
    const drawn = new Set(Array.from({ length: 200 }, () => between(random, 2, 5)));
    expect([...drawn].sort()).toEqual([2, 3, 4, 5]);
  });
});

describe('inPool', () => {
  it('keeps at most `limit` tasks in flight and the results in order', async () => {
    let active = 0;
    let peak = 0;
    const results = await inPool(20, 3, async (index) => {
      peak = Math.max(peak, ++active);
      // Later tasks finish first: the order of the results must not follow.
      for (let i = 0; i < 20 - index; i++) await Promise.resolve();
      active--;
      return index * 2;
    });
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i * 2));
    expect(peak).toBe(3);
  });
});

describe('figures', () => {
  it('percentile by nearest rank, NaN for none', () => {
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile([5, 1, 4, 2, 3], 100)).toBe(5);
    expect(percentile([5, 1, 4, 2, 3], 0)).toBe(1);
    expect(percentile([], 50)).toBeNaN();
  });

  it('ms and mib format figures for summary lines', () => {
    expect(ms(12.345)).toBe('12.3 ms');
    expect(mib(3 * 2 ** 20)).toBe('+3.00 MiB');
    expect(mib(-(2 ** 19))).toBe('-0.50 MiB');
  });
});
