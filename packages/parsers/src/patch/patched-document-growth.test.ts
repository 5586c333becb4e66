import { describe, expect, it } from 'vitest';
import { appendedSince, PatchedDocument, type PatchOperation } from './index.js';

const long = (letter: string): string => letter.repeat(300); // past 256 characters, from where growth is noted

function documentOf(value: unknown): { document: PatchedDocument; first: unknown } {
  const document = new PatchedDocument();
  document.apply([{ op: 'add', path: '', value }], 0);
  return { document, first: document.publish() };
}

function step(document: PatchedDocument, ops: PatchOperation[]): unknown {
  document.apply(ops, 0);
  return document.publish();
}

describe('PatchedDocument notes string growth', () => {
  it('notes every string appended to in one interval, with all its appends', () => {
    const { document, first } = documentOf({ a: long('a'), list: [long('b'), 'short'], nested: { c: long('c') } });
    const next = step(document, [
      { op: 'append', path: '/a', value: '1' },
      { op: 'append', path: '/list/0', value: '2' },
      { op: 'append', path: '/a', value: '3' },
      { op: 'append', path: '/nested/c', value: '4' },
      { op: 'append', path: '/list/1', value: '5' }, // short: compared, not noted
    ]) as { list: unknown[]; nested: object };
    const before = first as { list: unknown[]; nested: object };
    expect(appendedSince(before, next, 'a')).toBe('13');
    expect(appendedSince(before.list, next.list, 0)).toBe('2');
    expect(appendedSince(before.list, next.list, 1)).toBeUndefined();
    expect(appendedSince(before.nested, next.nested, 'c')).toBe('4');
    expect(appendedSince(before, next, 'nested')).toBeUndefined(); // not a string
  });

  it('notes nothing false for a string replaced after an append: no note, or one from what replaced it', () => {
    const { document, first } = documentOf({ a: long('a'), b: long('b') });
    const next = step(document, [
      { op: 'append', path: '/a', value: '1' },
      { op: 'replace', path: '/a', value: long('x') },
      { op: 'append', path: '/b', value: '2' },
      { op: 'replace', path: '/b', value: long('y') },
      { op: 'append', path: '/b', value: '3' },
    ]);
    expect(appendedSince(first as object, next as object, 'a')).toBeUndefined();
    expect(appendedSince(first as object, next as object, 'b')).toBeUndefined();
    // The note on /b is from the string that replaced it: true of a snapshot that held that one.
    expect(appendedSince({ b: long('y') }, next as object, 'b')).toBe('3');
  });

  it('notes the growth of a top-level string, and of the string that replaced it', () => {
    const { document, first } = documentOf(long('a'));
    const second = step(document, [{ op: 'append', path: '', value: 'bc' }, { op: 'append', path: '', value: 'd' }]) as string;
    expect(appendedSince(first as string, second)).toBe('bcd');
    const third = step(document, [{ op: 'append', path: '', value: 'e' }, { op: 'replace', path: '', value: long('z') }, { op: 'append', path: '', value: 'f' }]) as string;
    expect(appendedSince(second, third)).toBeUndefined();
    expect(appendedSince(long('z'), third)).toBe('f');
  });

  it('notes a growth that is true of the snapshots asked about only', () => {
    const { document, first } = documentOf({ a: long('a') });
    const next = step(document, [{ op: 'append', path: '/a', value: '!' }]);
    expect(appendedSince(first as object, next as object, 'a')).toBe('!');
    expect(appendedSince({ a: long('b') }, next as object, 'a')).toBeUndefined(); // another string before
    expect(appendedSince(first as object, next as object, 'b')).toBeUndefined(); // another key
  });
});
