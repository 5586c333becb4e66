import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PartialJsonParser, SnapshotObserver } from '../index.js';
import { chunkSizes, jsonText, jsonValue, split } from '../test-support/json-arbitraries.js';
import { expectSameJson } from '../test-support/same-json.js';

function snapshotsOf(chunks: readonly string[]): unknown[] {
  const snapshots = new SnapshotObserver();
  const p = new PartialJsonParser({ observers: [snapshots] });
  const out: unknown[] = [];
  for (const c of chunks) {
    p.push(c);
    if (snapshots.changed) out.push(snapshots.publish());
  }
  p.end();
  if (snapshots.changed) out.push(snapshots.publish());
  return out;
}

// Every pair of same-path subtrees of two snapshots: equal content must mean the same object.
function identityViolation(prev: unknown, next: unknown, path = ''): string | undefined {
  if (typeof prev !== 'object' || prev === null || typeof next !== 'object' || next === null) return undefined;
  if (isDeepStrictEqual(prev, next)) return prev === next ? undefined : `${path} is equal but a new object`;
  for (const key of Object.keys(next)) {
    if (!Object.hasOwn(prev, key)) continue;
    const why = identityViolation((prev as Record<string, unknown>)[key], (next as Record<string, unknown>)[key], `${path}/${key}`);
    if (why) return why;
  }
  return undefined;
}

describe('SnapshotObserver', () => {
  it('publishes immutable snapshots equal to the live value, sharing unchanged subtrees', () => {
    const doc = jsonValue.chain((value) => fc.tuple(fc.constant(value), jsonText(value), chunkSizes));
    fc.assert(
      fc.property(doc, ([value, text, sizes]) => {
        const snapshots = new SnapshotObserver();
        const p = new PartialJsonParser({ observers: [snapshots] });
        const published: [unknown, string][] = [];
        for (const chunk of split(text, sizes)) {
          p.push(chunk);
          const changed = snapshots.changed;
          const before = snapshots.publish();
          expectSameJson(before, p.value);
          if (published.length > 0 && !changed) {
            expect(before).toBe(published[published.length - 1]![0]);
          }
          published.push([before, JSON.stringify(before) ?? 'undefined']);
        }
        p.end();
        expectSameJson(snapshots.publish(), value);
        for (const [snapshot, json] of published) expect(JSON.stringify(snapshot) ?? 'undefined').toBe(json);
        for (let i = 1; i < published.length; i++) {
          const why = identityViolation(published[i - 1]![0], published[i]![0]);
          if (why) throw new Error(why);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the identity of unchanged siblings and replaces changed ancestors', () => {
    const [first, second, third] = snapshotsOf(['{"done": {"x": [1, 2]}, "open": {"list": ["a', 'b"], "n": 1}', ', "more": 2}']) as Record<string, Record<string, unknown>>[];
    expect(first).toStrictEqual({ done: { x: [1, 2] }, open: { list: ['a'] } });
    expect(second!.done).toBe(first!.done);
    expect(second!.open).not.toBe(first!.open);
    expect(second).toStrictEqual({ done: { x: [1, 2] }, open: { list: ['ab'], n: 1 } });
    expect(third!.open).toBe(second!.open);
    expect(third!.done).toBe(first!.done);
    expect(third!.open!.list).toBe(second!.open!.list);
    expect(third).not.toBe(second);
  });

  it('publishes nothing new for a chunk that changes nothing', () => {
    const snapshots = new SnapshotObserver();
    const p = new PartialJsonParser({ observers: [snapshots] });
    p.push('{"a": [1');
    const first = snapshots.publish();
    p.push('2');
    expect(snapshots.changed).toBe(false);
    p.push(']');
    expect(snapshots.changed).toBe(true);
    expect(snapshots.publish()).toStrictEqual({ a: [12] });
    p.push('}');
    expect(snapshots.changed).toBe(false);
    expect(first).toStrictEqual({ a: [] });
  });
});
