import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PartialJsonParser, PatchObserver, SnapshotObserver, applyPatch, type JsonPatchOperation } from '../index.js';
import { chunkSizes, jsonText, jsonValue, split } from '../test-support/json-arbitraries.js';
import { expectSameJson } from '../test-support/same-json.js';

function patchesOf(chunks: readonly string[]): JsonPatchOperation[][] {
  const patches = new PatchObserver();
  const p = new PartialJsonParser({ observers: [patches] });
  const out = chunks.map((c) => (p.push(c), patches.take()));
  p.end();
  return [...out, patches.take()];
}

describe('PatchObserver', () => {
  it('emits patches that rebuild every snapshot and the final value', () => {
    const doc = jsonValue.chain((value) => fc.tuple(fc.constant(value), jsonText(value), chunkSizes));
    fc.assert(
      fc.property(doc, ([value, text, sizes]) => {
        const patches = new PatchObserver();
        const snapshots = new SnapshotObserver();
        const p = new PartialJsonParser({ observers: [patches, snapshots] });
        let doc: unknown;
        const frozen: [unknown, string][] = [];
        for (const chunk of split(text, sizes)) {
          p.push(chunk);
          doc = applyPatch(doc, patches.take());
          expectSameJson(doc, snapshots.publish());
          frozen.push([doc, JSON.stringify(doc) ?? '']);
        }
        p.end();
        doc = applyPatch(doc, patches.take());
        expectSameJson(doc, value);
        // Operations never share anything the engine mutates later.
        for (const [d, json] of frozen) expect(JSON.stringify(d) ?? '').toBe(json);
      }),
      { numRuns: 300 },
    );
  });

  it('appends to growing strings instead of resending them', () => {
    expect(patchesOf(['{"a": "He', 'll', 'o", "b": [1, ', '2]', '}'])).toStrictEqual([
      [{ op: 'add', path: '', value: { a: 'He' } }],
      [{ op: 'append', path: '/a', value: 'll' }],
      [{ op: 'append', path: '/a', value: 'o' }, { op: 'add', path: '/b', value: [1] }],
      [{ op: 'add', path: '/b/1', value: 2 }],
      [],
      [],
    ]);
  });

  it('escapes keys as JSON Pointer segments', () => {
    const ops = patchesOf(['{"a/b": {}, "m~n": ', '"x"}']).flat();
    expect(ops).toStrictEqual([
      { op: 'add', path: '', value: { 'a/b': {} } },
      { op: 'add', path: '/m~0n', value: 'x' },
    ]);
  });

  it('sends O(n) bytes for a long string streamed in small chunks', () => {
    const bytesFor = (repeats: number): { text: number; bytes: number } => {
      const text = JSON.stringify({ story: 'lorem ipsum '.repeat(repeats) });
      return { text: text.length, bytes: patchesOf(split(text, [3])).reduce((sum, ops) => sum + JSON.stringify(ops).length, 0) };
    };
    const small = bytesFor(2000);
    const large = bytesFor(8000);
    // A bounded number of bytes per input character, the same at 4× the length: linear, not quadratic.
    expect(small.bytes / small.text).toBeLessThan(20);
    expect(large.bytes / large.text).toBeLessThan((small.bytes / small.text) * 1.1);
  });
});
