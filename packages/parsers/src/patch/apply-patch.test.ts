import { describe, expect, it } from 'vitest';
import { applyPatch } from '../index.js';

describe('applyPatch', () => {
  const doc = Object.freeze({ a: Object.freeze({ b: 'x' }), list: Object.freeze([1, 2]), keep: Object.freeze({ k: 1 }) });

  it('applies add, replace, remove and append without mutating the input', () => {
    const next = applyPatch<Record<string, unknown>>(doc, [
      { op: 'append', path: '/a/b', value: 'yz' },
      { op: 'add', path: '/list/-', value: 3 },
      { op: 'add', path: '/list/0', value: 0 },
      { op: 'remove', path: '/list/1' },
      { op: 'replace', path: '/keep/k', value: 2 },
      { op: 'add', path: '/new', value: null },
      { op: 'remove', path: '/new' },
    ]);
    expect(next).toStrictEqual({ a: { b: 'xyz' }, list: [0, 2, 3], keep: { k: 2 } });
    expect(doc).toStrictEqual({ a: { b: 'x' }, list: [1, 2], keep: { k: 1 } });
  });

  it('shares unchanged subtrees and copies a container once per call', () => {
    const next = applyPatch<typeof doc>(doc, [{ op: 'add', path: '/list/2', value: 3 }]);
    expect(next.a).toBe(doc.a);
    expect(next.keep).toBe(doc.keep);
    expect(next.list).not.toBe(doc.list);
    const many = Array.from({ length: 5 }, (_, i) => ({ op: 'add' as const, path: `/list/${i + 2}`, value: i }));
    expect(applyPatch<typeof doc>(doc, many).list).toStrictEqual([1, 2, 0, 1, 2, 3, 4]);
  });

  it('replaces and appends at the root', () => {
    let d = applyPatch<unknown>(undefined, [{ op: 'add', path: '', value: 'He' }]);
    d = applyPatch(d, [{ op: 'append', path: '', value: 'llo' }]);
    expect(d).toBe('Hello');
    expect(applyPatch(d, [{ op: 'replace', path: '', value: [1] }])).toStrictEqual([1]);
  });

  it('unescapes pointers and keeps __proto__ as data', () => {
    const next = applyPatch<Record<string, unknown>>({}, [
      { op: 'add', path: '/a~1b', value: 1 },
      { op: 'add', path: '/m~0n', value: 2 },
      { op: 'add', path: '/__proto__', value: { polluted: true } },
    ]);
    expect(Object.keys(next)).toStrictEqual(['a/b', 'm~n', '__proto__']);
    expect(Object.getPrototypeOf(next)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    [{ op: 'replace', path: '/missing', value: 1 }, /No member/],
    [{ op: 'add', path: '/list/5', value: 1 }, /No array element/],
    [{ op: 'append', path: '/list', value: 'x' }, /No string/],
    [{ op: 'add', path: '/a/b/c', value: 1 }, /No container/],
    [{ op: 'add', path: 'a', value: 1 }, /Invalid JSON Pointer/],
  ] as const)('rejects %o', (op, message) => {
    expect(() => applyPatch(doc, [op])).toThrow(message);
  });
});
