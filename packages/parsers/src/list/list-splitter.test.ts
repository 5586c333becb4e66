import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ListSplitter, type ListSeparator } from '../index.js';
import { split } from '../test-support/json-arbitraries.js';

function splitAll(text: string, sizes: readonly number[] = [1000], separator?: ListSeparator): string[] {
  const s = new ListSplitter(separator);
  const items = split(text, sizes).flatMap((c) => s.push(c));
  return [...items, ...s.end()];
}

describe('ListSplitter', () => {
  it.each([
    ['commas', 'red, green,blue ', ['red', 'green', 'blue']],
    ['lines', 'red\ngreen\r\n\nblue\n', ['red', 'green', 'blue']],
    ['a line list whose items hold commas', 'Paris\nBerlin, Germany', ['Paris', 'Berlin, Germany']],
    ['a bulleted list', '- Paris, France\n- Berlin\n* Rome\n• Oslo', ['Paris, France', 'Berlin', 'Rome', 'Oslo']],
    ['a numbered list', '1. one, uno\n2) two\n10. ten', ['one, uno', 'two', 'ten']],
    ['a preamble line', 'Here are the items:\n- a\n- b', ['a', 'b']],
    ['an inline preamble', 'Fruits: apple, pear', ['apple', 'pear']],
    ['empty items', ', a,, ,b,', ['a', 'b']],
    ['commas and newlines', 'a, b,\nc, d', ['a', 'b', 'c', 'd']],
    ['nothing', '  \n ', []],
  ])('splits %s', (_name, text, expected) => {
    expect(splitAll(text)).toStrictEqual(expected);
  });

  it('honours a fixed separator', () => {
    expect(splitAll('a, b\nc', undefined, 'newline')).toStrictEqual(['a, b', 'c']);
    expect(splitAll('- a, b', undefined, 'comma')).toStrictEqual(['a', 'b']);
  });

  it('emits each item as soon as its separator arrives', () => {
    const s = new ListSplitter();
    expect(s.push('red, gr')).toStrictEqual(['red']);
    expect(s.push('een')).toStrictEqual([]);
    expect(s.push(',')).toStrictEqual(['green']);
    expect(s.end()).toStrictEqual([]);
  });

  it('gives the same items for any chunking', () => {
    const word = fc.stringMatching(/^[a-z ]{0,6}$/);
    const text = fc.tuple(fc.array(word, { maxLength: 8 }), fc.constantFrom(', ', '\n', ',', '\n- ', '\n1. '));
    fc.assert(
      fc.property(text, fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1 }), ([words, sep], sizes) => {
        const joined = words.join(sep);
        expect(splitAll(joined, sizes)).toStrictEqual(splitAll(joined));
      }),
    );
  });
});
