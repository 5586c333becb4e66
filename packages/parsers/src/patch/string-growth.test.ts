import { describe, expect, it } from 'vitest';
import { appendedSince, noteStringGrowth } from './index.js';

const long = (letter: string, length = 300): string => letter.repeat(length);

describe('string growth notes', () => {
  it('answers for the key, container and string before that were noted, and for no other', () => {
    const previous = { a: long('a'), b: long('b'), n: 1 };
    const next = { a: `${previous.a}1`, b: `${previous.b}2`, n: 2 };
    noteStringGrowth(next, previous, 'a', '1');
    noteStringGrowth(next, previous, 'b', '2'); // several strings of one container
    noteStringGrowth(next, previous, 'n', '3'); // not a string before: no note
    expect(appendedSince(previous, next, 'a')).toBe('1');
    expect(appendedSince(previous, next, 'b')).toBe('2');
    expect(appendedSince(previous, next, 'n')).toBeUndefined();
    expect(appendedSince({ a: long('x') }, next, 'a')).toBeUndefined(); // another string before
    expect(appendedSince({ a: long('a') }, next, 'a')).toBe('1'); // the same text before: still true
    expect(appendedSince(previous, { ...next }, 'a')).toBeUndefined(); // a container nobody noted
  });

  it('answers for a top-level string by its text, whichever copy of it is asked about', () => {
    const before = long('r', 401);
    const next = `${before}!`;
    noteStringGrowth(next, before, '!');
    expect(appendedSince(before, next)).toBe('!');
    expect(appendedSince(long('r', 401), [...next].join(''))).toBe('!'); // equal copies, not the noted objects
    expect(appendedSince(long('s', 401), next)).toBeUndefined(); // another string before
    expect(appendedSince(before, `${long('r', 400)}?!`)).toBeUndefined(); // another string of that length
  });

  it('drops a top-level note once the next one of the same string is made', () => {
    const first = long('q', 402);
    const second = `${first}1`;
    const third = `${second}2`;
    noteStringGrowth(second, first, '1');
    noteStringGrowth(third, second, '2');
    expect(appendedSince(first, second)).toBeUndefined();
    expect(appendedSince(second, third)).toBe('2');
  });

  it('keeps a bounded number of top-level notes, the newest: streams that never complete leave no more', () => {
    const notes = Array.from({ length: 100 }, (_, i) => ({ before: long('t', 1_000 + 2 * i), appended: 'x' }));
    for (const { before, appended } of notes) noteStringGrowth(before + appended, before, appended);
    const kept = notes.filter(({ before, appended }) => appendedSince(before, before + appended) === appended).length;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(32);
    const newest = notes.at(-1)!;
    expect(appendedSince(newest.before, newest.before + newest.appended)).toBe('x');
    expect(appendedSince(notes[0]!.before, notes[0]!.before + 'x')).toBeUndefined();
  });
});
