import { expect, test } from 'vitest';
import { splitText } from './split-text.js';

test('splitText cuts by code points, never through an emoji', () => {
  expect(splitText('ab😀cd', 3)).toEqual(['ab😀', 'cd']);
  expect(splitText('', 4)).toEqual([]);
  expect(splitText('abc', 0)).toEqual(['a', 'b', 'c']);
  expect(splitText('abcde', 2.7)).toEqual(['ab', 'cd', 'e']);
});
