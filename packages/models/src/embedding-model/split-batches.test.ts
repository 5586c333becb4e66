import { describe, expect, it } from 'vitest';
import { splitBatches } from './split-batches.js';

describe('splitBatches', () => {
  it('cuts values into consecutive batches of at most the limit', () => {
    expect(splitBatches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(splitBatches([1, 2, 3, 4], 2)).toEqual([[1, 2], [3, 4]]);
  });

  it('keeps one batch without a limit, or with one at least as large', () => {
    expect(splitBatches([1, 2, 3], undefined)).toEqual([[1, 2, 3]]);
    expect(splitBatches([1, 2, 3], Infinity)).toEqual([[1, 2, 3]]);
    expect(splitBatches([1, 2, 3], 3)).toEqual([[1, 2, 3]]);
  });

  it('gives no batch for no values, and batches of one for a limit below 1', () => {
    expect(splitBatches([], 2)).toEqual([]);
    expect(splitBatches([1, 2], 0)).toEqual([[1], [2]]);
    expect(splitBatches([1, 2], 1.5)).toEqual([[1], [2]]);
  });
});
