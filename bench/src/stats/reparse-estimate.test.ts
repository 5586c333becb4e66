import { describe, expect, it } from 'vitest';
import { estimateTotal, samplePositions } from './reparse-estimate.js';

describe('samplePositions', () => {
  it('takes the middle of equal strata', () => {
    expect(samplePositions(100, 4)).toEqual([12, 37, 62, 87]);
  });

  it('never asks for more positions than there are chunks', () => {
    expect(samplePositions(3, 10)).toEqual([0, 1, 2]);
  });
});

describe('estimateTotal', () => {
  it('sums a per-chunk cost growing linearly with the position exactly', () => {
    const chunkCount = 10_000;
    const cost = (i: number): number => 0.002 + 0.0001 * i; // ms: a re-parse of i chunks of text
    let exact = 0;
    for (let i = 0; i < chunkCount; i++) exact += cost(i + 0.5);
    const positions = samplePositions(chunkCount, 16);
    const estimate = estimateTotal(
      positions.map((p) => [cost(p + 0.5)]),
      chunkCount,
    );
    expect(estimate.median / exact).toBeCloseTo(1, 3);
    expect(estimate.estimated).toBe(true);
  });

  it('keeps the spread of the repeated measurements', () => {
    const estimate = estimateTotal([[1, 2, 3], [3, 4, 5]], 10);
    expect(estimate).toEqual({ median: 30, min: 20, max: 40, runs: 3, estimated: true });
  });
});
