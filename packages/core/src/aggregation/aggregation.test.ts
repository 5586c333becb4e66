import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AIMessageChunk,
  apart,
  createFolder,
  defineAggregation,
  delta,
  items,
  keyed,
  mergeChunks,
  snapshot,
  type AggregationRule,
} from '@rivulet/core';

function fold(rule: AggregationRule, chunks: readonly unknown[]): unknown {
  const folder = createFolder(rule);
  for (const chunk of chunks) folder.add(chunk);
  return folder.result();
}

/** Chunks as a slow consumer would see them: runs of neighbours merged where the rule allows. */
function coalesce(rule: AggregationRule, chunks: readonly unknown[], cuts: readonly boolean[]): unknown[] {
  const out: unknown[] = [];
  chunks.forEach((chunk, i) => {
    if (out.length > 0 && cuts[i] !== true) {
      const merged = mergeChunks(rule, out[out.length - 1], chunk);
      if (merged !== apart) {
        out[out.length - 1] = merged;
        return;
      }
    }
    out.push(chunk);
  });
  return out;
}

const sum = defineAggregation<number, number>({
  name: 'test:sum',
  start: () => {
    let total = 0;
    return { add: (n) => void (total += n), result: () => total };
  },
  merge: (a, b) => a + b,
});

describe('aggregations', () => {
  it('fold each rule into its output', () => {
    expect(fold(delta(), ['He', 'll', 'o'])).toBe('Hello');
    expect(fold(delta(), [[1], [2, 3]])).toEqual([1, 2, 3]);
    expect(fold(snapshot(), [{ a: 'H' }, { a: 'Hi' }])).toEqual({ a: 'Hi' });
    expect(fold(items(), [{ n: 1 }, { n: 2 }])).toEqual([{ n: 1 }, { n: 2 }]);
    expect(fold(keyed({ a: delta(), b: items() }), [{ a: 'x' }, { b: 1 }, { a: 'y', b: 2 }, { c: 1 }, { c: 2 }])).toEqual({ a: 'xy', b: [1, 2], c: 2 });
    expect(fold(sum, [1, 2, 3])).toBe(6);
    expect(fold(delta(), [])).toBeUndefined();
  });

  it('concatenates message chunks', () => {
    const out = fold(delta(), [new AIMessageChunk({ content: 'Hel' }), new AIMessageChunk({ content: 'lo' })]) as AIMessageChunk;
    expect(out.text).toBe('Hello');
  });

  it('are plain JSON that survives the wire', () => {
    const rule = keyed({ raw: delta(), parsed: snapshot(), list: items(), total: sum });
    expect(JSON.parse(JSON.stringify(rule))).toEqual({
      kind: 'keyed',
      keys: { raw: { kind: 'delta' }, parsed: { kind: 'snapshot' }, list: { kind: 'items' }, total: { kind: 'custom', name: 'test:sum' } },
    });
  });

  it('keep `__proto__` keys as data', () => {
    const out = fold(keyed({}), [JSON.parse('{"__proto__": {"polluted": true}}')]) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuse a second fold under a taken name, and an unknown one', () => {
    expect(() => defineAggregation({ name: 'test:sum', start: () => ({ add() {}, result: () => 0 }) })).toThrow(/already defined/);
    expect(() => fold({ kind: 'custom', name: 'nope' }, [1])).toThrow(/No aggregation named "nope"/);
  });

  it('coalescing waiting chunks never changes the folded output', () => {
    const text = fc.string({ maxLength: 4 });
    const cases = fc.oneof(
      fc.record({ rule: fc.constant<AggregationRule>(delta()), chunks: fc.array(text) }),
      fc.record({ rule: fc.constant<AggregationRule>(snapshot()), chunks: fc.array(fc.jsonValue()) }),
      fc.record({ rule: fc.constant<AggregationRule>(items()), chunks: fc.array(fc.integer()) }),
      fc.record({ rule: fc.constant<AggregationRule>(sum), chunks: fc.array(fc.integer({ min: -9, max: 9 })) }),
      fc.record({
        rule: fc.constant<AggregationRule>(keyed({ t: delta(), s: snapshot(), i: items() })),
        chunks: fc.array(fc.record({ t: text, s: fc.integer(), i: fc.integer() }, { requiredKeys: [] })),
      }),
    );
    fc.assert(
      fc.property(cases, fc.array(fc.boolean()), ({ rule, chunks }, cuts) => {
        expect(fold(rule, coalesce(rule, chunks, cuts))).toEqual(fold(rule, chunks));
      }),
      { numRuns: 500 },
    );
  });
});
