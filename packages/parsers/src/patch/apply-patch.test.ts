import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { applyPatch, type PatchOperation } from './apply-patch.js';

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

  it('shares untouched subtrees through move, copy and test', () => {
    const deep = Object.freeze({ x: Object.freeze({ y: Object.freeze([1]) }), z: Object.freeze({}) });
    const next = applyPatch<Record<string, unknown>>(deep, [
      { op: 'test', path: '/x', value: { y: [1] } },
      { op: 'move', from: '/x', path: '/moved' },
      { op: 'copy', from: '/z', path: '/copied' },
    ]);
    expect(next).toStrictEqual({ moved: { y: [1] }, z: {}, copied: {} });
    expect(next.moved).toBe(deep.x);
    expect(next.z).toBe(deep.z);
    // Copying a container the caller owns may share it: nothing mutates it in place.
    expect(next.copied).toBe(deep.z);
  });

  it('copies a list once for a long run of appends in one call', () => {
    let reads = 0;
    const list = new Proxy([1, 2, 3], {
      get(target, key, receiver) {
        reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const ops = Array.from({ length: 1000 }, (_, i): PatchOperation => ({ op: 'add', path: '/list/-', value: i }));
    const slice = vi.spyOn(Array.prototype, 'slice'); // how arrays are copied
    let next: { list: number[] };
    let copies: number;
    try {
      next = applyPatch<{ list: number[] }>({ list }, ops);
    } finally {
      copies = slice.mock.calls.length;
      slice.mockRestore();
    }
    expect(copies).toBe(1);
    expect(reads).toBeLessThan(10); // the one copy reads `slice`, `length`, `constructor` and 3 elements
    expect(next.list).toHaveLength(1003);
    expect(next.list.slice(0, 4)).toStrictEqual([1, 2, 3, 0]);
  });

  it('replaces and appends at the root', () => {
    let d = applyPatch<unknown>(undefined, [{ op: 'add', path: '', value: 'He' }]);
    d = applyPatch(d, [{ op: 'append', path: '', value: 'llo' }]);
    expect(d).toBe('Hello');
    expect(applyPatch(d, [{ op: 'replace', path: '', value: [1] }])).toStrictEqual([1]);
  });

  it('moves and copies, as RFC 6902 defines them', () => {
    expect(applyPatch({ a: [1, 2, 3] }, [{ op: 'move', from: '/a/0', path: '/a/-' }])).toStrictEqual({ a: [2, 3, 1] });
    expect(applyPatch({ a: { b: 1 } }, [{ op: 'move', from: '/a', path: '/a' }])).toStrictEqual({ a: { b: 1 } });
    expect(applyPatch({ a: { b: 1 } }, [{ op: 'copy', from: '', path: '/self' }])).toStrictEqual({ a: { b: 1 }, self: { a: { b: 1 } } });
  });

  it('never aliases a container copied earlier in the same call', () => {
    const source = { a: { n: 0, inner: { m: 0 } } };
    const next = applyPatch<{ a: { n: number; inner: { m: number } }; b: { n: number; inner: { m: number } } }>(source, [
      { op: 'replace', path: '/a/inner/m', value: 1 }, // `/a` and `/a/inner` are now this call's copies
      { op: 'copy', from: '/a', path: '/b' },
      { op: 'replace', path: '/b/n', value: 2 },
      { op: 'replace', path: '/b/inner/m', value: 3 },
      { op: 'replace', path: '/a/inner/m', value: 4 },
    ]);
    expect(next).toStrictEqual({ a: { n: 0, inner: { m: 4 } }, b: { n: 2, inner: { m: 3 } } });
    expect(source).toStrictEqual({ a: { n: 0, inner: { m: 0 } } });
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

  it('moves and copies __proto__ as plain data', () => {
    const source = JSON.parse('{"__proto__": {"polluted": true}, "o": {}}') as Record<string, unknown>;
    const next = applyPatch<Record<string, Record<string, unknown>>>(source, [
      { op: 'move', from: '/__proto__', path: '/o/__proto__' },
      { op: 'copy', from: '/o/__proto__', path: '/__proto__' },
      { op: 'copy', from: '/o', path: '/p' },
    ]);
    expect(Object.keys(next)).toStrictEqual(['o', '__proto__', 'p']);
    for (const object of [next, next.o!, next.p!]) expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(next.o, '__proto__')?.value).toStrictEqual({ polluted: true });
    expect(Object.getOwnPropertyDescriptor(next.p, '__proto__')?.value).toStrictEqual({ polluted: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    [{ op: 'copy', from: '/__proto__', path: '/x' }],
    [{ op: 'move', from: '/constructor', path: '/x' }],
    [{ op: 'test', path: '/toString', value: {} }],
    [{ op: 'add', path: '/constructor/prototype/polluted', value: true }],
  ] as const)('reads own members only: %o', (op) => {
    expect(() => applyPatch({}, [op])).toThrow(/No member/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    [{ op: 'replace', path: '/missing', value: 1 }, /No member/],
    [{ op: 'remove', path: '/missing' }, /No member/],
    [{ op: 'add', path: '/list/5', value: 1 }, /No array element/],
    [{ op: 'remove', path: '/list/2' }, /No array element/],
    [{ op: 'append', path: '/list', value: 'x' }, /No string/],
    [{ op: 'append', path: '/a/b', value: 1 }, /needs a string value/],
    [{ op: 'add', path: '/a/b/c', value: 1 }, /No container/],
    [{ op: 'add', path: 'a', value: 1 }, /Invalid JSON Pointer/],
    [{ op: 'add', path: '/a/~2', value: 1 }, /Invalid JSON Pointer/],
    [{ op: 'add', path: '/a/b~', value: 1 }, /Invalid JSON Pointer/],
    [{ op: 'add', path: null, value: 1 }, /Invalid JSON Pointer/],
    [{ op: 'add', path: '/list/01', value: 1 }, /Invalid array index "01"/],
    [{ op: 'remove', path: '/list/-' }, /Invalid array index "-"/],
    [{ op: 'replace', path: '/list/-', value: 1 }, /Invalid array index "-"/],
    [{ op: 'add', path: '/list/-/x', value: 1 }, /Invalid array index "-"/],
    [{ op: 'spam', path: '/a', value: 1 }, /Unknown JSON Patch op "spam"/],
    [{ path: '/a', value: 1 }, /Unknown JSON Patch op undefined/],
    [{ op: 'add', value: 1 }, /missing 'path'/],
    [{ op: 'add', path: '/n' }, /missing 'value'/],
    [{ op: 'replace', path: '/a' }, /missing 'value'/],
    [{ op: 'test', path: '/a' }, /missing 'value'/],
    [{ op: 'append', path: '/a/b' }, /missing 'value'/],
    [{ op: 'move', path: '/x' }, /missing 'from'/],
    [{ op: 'copy', path: '/x' }, /missing 'from'/],
    [{ op: 'move', from: '/a', path: '/a/b/c' }, /own child/],
    [{ op: 'move', from: '/a', path: '/a/' }, /own child/],
    [{ op: 'move', from: '', path: '/x' }, /own child/],
    [{ op: 'test', path: '/keep', value: { k: '1' } }, /test failed/],
    [{ op: 'test', path: '/list', value: [2, 1] }, /test failed/],
    [{ op: 'test', path: '/list', value: { 0: 1, 1: 2 } }, /test failed/],
  ])('rejects %o', (op, message) => {
    const before = JSON.stringify(doc);
    expect(() => applyPatch(doc, [op as unknown as PatchOperation])).toThrow(message);
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('treats value: null as present', () => {
    expect(applyPatch({ a: null }, [{ op: 'test', path: '/a', value: null }, { op: 'add', path: '/b', value: null }])).toStrictEqual({ a: null, b: null });
  });

  it('compares test values as JSON: key order aside, arrays in order, numbers by value', () => {
    const value = { a: [1, { b: 2, c: [] }], d: 1.5 };
    expect(() => applyPatch(value, [{ op: 'test', path: '', value: { d: 1.50, a: [1.0, { c: [], b: 2 }] } }])).not.toThrow();
    expect(() => applyPatch(value, [{ op: 'test', path: '/a/1', value: { b: 2, c: [], e: null } }])).toThrow(/test failed/);
    expect(() => applyPatch(value, [{ op: 'test', path: '/a/1/c', value: {} }])).toThrow(/test failed/);
    expect(() => applyPatch({ o: { 0: 'x' } }, [{ op: 'test', path: '/o', value: ['x'] }])).toThrow(/test failed/);
  });

  it('leaves the caller untouched when a later operation fails', () => {
    const source = { list: [1], o: { k: 1 } };
    const before = JSON.stringify(source);
    const ops: PatchOperation[] = [
      { op: 'add', path: '/list/-', value: 2 },
      { op: 'replace', path: '/o/k', value: 2 },
      { op: 'move', from: '/o', path: '/p' },
      { op: 'test', path: '/p/k', value: 3 },
    ];
    expect(() => applyPatch(source, ops)).toThrow(/test failed/);
    expect(JSON.stringify(source)).toBe(before);
  });

  it('imports nothing but dependency-free files of its own folder', () => {
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(new URL(file, import.meta.url), 'utf8');
      // Type-only imports are erased from the JavaScript the browser loads.
      for (const [, type, from] of source.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?\bfrom\s+'([^']+)'/gm)) {
        if (type !== undefined) continue;
        expect(from, `${file} imports ${from}`).toMatch(/^\.\/[\w-]+\.js$/);
        visit(from!.replace(/\.js$/, '.ts'));
      }
      expect(source, `${file} imports dynamically`).not.toMatch(/\bimport\(|\brequire\(/);
    };
    visit('./apply-patch.ts');
    expect([...seen].sort()).toStrictEqual(['./apply-patch.ts', './json-equal.ts', './json-pointer.ts', './patch-draft.ts']);
  });
});
