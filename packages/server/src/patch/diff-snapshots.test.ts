import { applyPatch, type PatchOperation } from '@rivulet/parsers/patch';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '../index.js';

function diff(previous: unknown, next: unknown): PatchOperation[] {
  const ops: PatchOperation[] = [];
  diffSnapshots(previous, next, '', ops);
  return ops;
}

describe('diffSnapshots', () => {
  it('appends to a string that grew and replaces one that changed otherwise', () => {
    expect(diff({ a: 'He' }, { a: 'Hello' })).toEqual([{ op: 'append', path: '/a', value: 'llo' }]);
    expect(diff({ a: 'Hello' }, { a: 'Help' })).toEqual([{ op: 'replace', path: '/a', value: 'Help' }]);
    expect(diff('He', 'Hello')).toEqual([{ op: 'append', path: '', value: 'llo' }]);
  });

  it('adds new members and elements, removes dropped ones, replaces changed scalars', () => {
    expect(diff({ a: 1, b: [1, 2, 3], c: true }, { a: 2, b: [1], d: null })).toEqual([
      { op: 'remove', path: '/c' },
      { op: 'replace', path: '/a', value: 2 },
      { op: 'remove', path: '/b/2' },
      { op: 'remove', path: '/b/1' },
      { op: 'add', path: '/d', value: null },
    ]);
    expect(diff({ days: [{ n: 1 }] }, { days: [{ n: 1 }, { n: 2 }] })).toEqual([{ op: 'add', path: '/days/1', value: { n: 2 } }]);
  });

  it('skips shared subtrees without looking inside them', () => {
    const shared = new Proxy({ x: 1 }, { ownKeys: () => expect.unreachable('read a shared subtree') as never });
    expect(diff({ shared, s: 'a' }, { shared, s: 'ab' })).toEqual([{ op: 'append', path: '/s', value: 'b' }]);
  });

  it('escapes keys as JSON Pointer segments and keeps prototype names as data', () => {
    expect(diff({}, { 'a/b': 1, 'm~n': 2, constructor: 3 })).toEqual([
      { op: 'add', path: '/a~1b', value: 1 },
      { op: 'add', path: '/m~0n', value: 2 },
      { op: 'add', path: '/constructor', value: 3 },
    ]);
    expect(diff({ toString: 'x' }, {})).toEqual([{ op: 'remove', path: '/toString' }]);
  });

  it('treats members holding undefined as absent, as JSON does', () => {
    expect(diff({ a: undefined }, { a: 1 })).toEqual([{ op: 'add', path: '/a', value: 1 }]);
    expect(diff({ a: 1 }, { a: undefined })).toEqual([{ op: 'remove', path: '/a' }]);
  });

  it('replaces values that are not plain data wholesale', () => {
    const date = new Date(0);
    expect(diff({ d: date }, { d: new Date(1) })).toEqual([{ op: 'replace', path: '/d', value: new Date(1) }]);
    expect(diff([1], { 0: 1 })).toEqual([{ op: 'replace', path: '', value: { 0: 1 } }]);
  });

  it('gives patches that rebuild any next value from any previous one, through JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (previous, next) => {
        const wire = JSON.parse(JSON.stringify(diff(previous, next))) as PatchOperation[];
        const copy: unknown = JSON.parse(JSON.stringify(previous));
        expect(applyPatch(copy, wire)).toStrictEqual(JSON.parse(JSON.stringify(next)));
      }),
      { numRuns: 500 },
    );
  });
});
