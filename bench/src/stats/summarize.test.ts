import { describe, expect, it } from 'vitest';
import { scaleTiming, summarize } from './summarize.js';

describe('summarize', () => {
  it('takes the middle sample of an odd count', () => {
    expect(summarize([5, 1, 3])).toEqual({ median: 3, min: 1, max: 5, runs: 3 });
  });

  it('averages the two middle samples of an even count', () => {
    expect(summarize([4, 1, 2, 10])).toEqual({ median: 3, min: 1, max: 10, runs: 4 });
  });

  it('refuses no samples', () => {
    expect(() => summarize([])).toThrow(/no samples/);
  });

  it('scales every statistic but the count', () => {
    expect(scaleTiming(summarize([1, 2, 3]), 1000)).toEqual({ median: 2000, min: 1000, max: 3000, runs: 3 });
  });
});
