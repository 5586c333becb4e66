import { createFolder, type AggregationRule } from '@rivulet/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { valueFold } from './value-fold.js';

describe('valueFold', () => {
  it('snapshots: the latest wins, and an unchanged value is the same object', () => {
    const fold = valueFold({ kind: 'snapshot' });
    const first = { a: 1 };
    fold.add({ a: 0 });
    fold.add(first);
    expect(fold.changed).toBe(true);
    expect(fold.value()).toBe(first);
    expect(fold.changed).toBe(false);
    expect(fold.value()).toBe(first);
  });

  it('text deltas join, once per read', () => {
    const fold = valueFold({ kind: 'delta' });
    for (const piece of ['Lis', 'b', 'on']) fold.add(piece);
    expect(fold.value()).toBe('Lisbon');
    fold.add('!');
    expect(fold.value()).toBe('Lisbon!');
  });

  it('array deltas and items grow into new arrays, never into one handed out before', () => {
    for (const kind of ['delta', 'items'] as const) {
      const fold = valueFold({ kind });
      fold.add(kind === 'delta' ? [1] : 1);
      const first = fold.value() as number[];
      fold.add(kind === 'delta' ? [2, 3] : 2);
      const second = fold.value() as number[];
      expect(first, kind).toEqual([1]);
      expect(second, kind).toEqual(kind === 'delta' ? [1, 2, 3] : [1, 2]);
      expect(fold.value(), kind).toBe(second);
    }
  });

  it('keyed chunks merge per key; a key that did not change keeps its object', () => {
    const fold = valueFold({ kind: 'keyed', keys: { plan: { kind: 'snapshot' }, text: { kind: 'delta' } } });
    const plan = { title: 'Porto' };
    fold.add({ plan });
    fold.add({ text: 'Por' });
    const first = fold.value() as { plan: unknown; text: string };
    fold.add({ text: 'to' });
    const second = fold.value() as { plan: unknown; text: string };
    expect(second).toEqual({ plan, text: 'Porto' });
    expect(second).not.toBe(first);
    expect(second.plan).toBe(plan);
    expect(first.text).toBe('Por');
  });

  it('a key named __proto__ is an own key like any other', () => {
    const fold = valueFold({ kind: 'keyed', keys: {} });
    fold.add(JSON.parse('{"__proto__": {"polluted": true}}'));
    const value = fold.value() as Record<string, unknown>;
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses what it cannot fold in a browser, saying what to serve instead', () => {
    expect(() => valueFold({ kind: 'custom', name: 'sum' })).toThrow(expect.objectContaining({ name: 'InputError', message: expect.stringContaining('"sum"') }));
    const fold = valueFold({ kind: 'delta' });
    expect(() => fold.add({ role: 'ai', chunk: true, content: 'Hi' })).toThrow(expect.objectContaining({ name: 'InputError', message: expect.stringContaining('textParser()') }));
  });
});

// A rule and chunks that fit it, as a server would send them.
interface Case {
  readonly rule: AggregationRule;
  readonly chunk: fc.Arbitrary<unknown>;
}

const leafCases: fc.Arbitrary<Case>[] = [
  fc.constant({ rule: { kind: 'snapshot' }, chunk: fc.jsonValue({ maxDepth: 2 }) }),
  fc.constant({ rule: { kind: 'delta' }, chunk: fc.string({ maxLength: 4 }) }),
  fc.constant({ rule: { kind: 'delta' }, chunk: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }) }),
  fc.constant({ rule: { kind: 'items' }, chunk: fc.jsonValue({ maxDepth: 2 }) }),
];

const keyedCase = (inner: fc.Arbitrary<Case>): fc.Arbitrary<Case> =>
  fc.dictionary(fc.constantFrom('a', 'b', '__proto__', 'constructor'), inner, { minKeys: 1, maxKeys: 3 }).map((cases) => {
    const keys: Record<string, AggregationRule> = {};
    const parts: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [key, { rule, chunk }] of Object.entries(cases)) {
      Object.defineProperty(keys, key, { value: rule, enumerable: true });
      Object.defineProperty(parts, key, { value: chunk, enumerable: true });
    }
    // A keyed chunk holds some of the keys.
    return { rule: { kind: 'keyed', keys }, chunk: fc.record(parts, { requiredKeys: [] }) };
  });

const anyCase = fc.oneof(fc.oneof(...leafCases), keyedCase(fc.oneof(...leafCases)), keyedCase(keyedCase(fc.oneof(...leafCases))));

describe('valueFold, against the server’s fold', () => {
  it('ends where createFolder ends, however reads split the chunks, and never changes a value it handed out', () => {
    fc.assert(
      fc.property(
        anyCase.chain(({ rule, chunk }) => fc.tuple(fc.constant(rule), fc.array(fc.tuple(chunk, fc.boolean()), { maxLength: 12 }))),
        ([rule, chunks]) => {
          const fold = valueFold(rule);
          const reference = createFolder(rule);
          const handedOut: { value: unknown; copy: unknown }[] = [];
          for (const [chunk, readAfter] of chunks) {
            fold.add(chunk);
            reference.add(structuredClone(chunk));
            if (readAfter) {
              const value = fold.value();
              handedOut.push({ value, copy: structuredClone(value) });
            }
          }
          const expected = reference.result();
          expect(fold.value()).toEqual(rule.kind === 'items' || !reference.empty ? expected : undefined);
          for (const { value, copy } of handedOut) expect(value).toEqual(copy);
        },
      ),
      { numRuns: 300 },
    );
  });
});
