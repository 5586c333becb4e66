import { expect, test } from 'vitest';
import { interleave } from './interleave.js';

test('interleave merges round-robin and keeps the tail of longer lists', () => {
  expect(interleave([[1, 2, 3], [10], [20, 21]])).toEqual([1, 10, 20, 2, 21, 3]);
  expect(interleave([])).toEqual([]);
});
