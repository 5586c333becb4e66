import { expect, test } from 'vitest';
import { interleave } from './interleave.js';
import { splitText } from './split-text.js';

test('splitText cuts by code points, never through an emoji', () => {
  expect(splitText('ab😀cd', 3)).toEqual(['ab😀', 'cd']);
  expect(splitText('', 4)).toEqual([]);
  expect(splitText('abc', 0)).toEqual(['a', 'b', 'c']);
});

test('interleave merges round-robin and keeps the tail of longer lists', () => {
  expect(interleave([[1, 2, 3], [10], [20, 21]])).toEqual([1, 10, 20, 2, 21, 3]);
  expect(interleave([])).toEqual([]);
});
