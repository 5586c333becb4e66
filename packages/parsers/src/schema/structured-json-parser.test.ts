import fc from 'fast-check';
import { OutputParserError } from '@rivulet/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { StructuredJsonParser } from '../index.js';
import { chunkSizes, split } from '../test-support/json-arbitraries.js';
import { expectSameJson } from '../test-support/same-json.js';

function run<S extends z.ZodType>(schema: S, chunks: readonly string[]): { values: unknown[]; result?: unknown; error?: OutputParserError } {
  const p = new StructuredJsonParser(schema);
  const values: unknown[] = [];
  try {
    for (const c of chunks) {
      p.push(c);
      values.push(p.value);
    }
    return { values, result: p.end() };
  } catch (e) {
    if (!OutputParserError.isInstance(e)) throw e;
    return { values, error: e };
  }
}

const person = z.object({
  name: z.string(),
  age: z.number().int().optional(),
  mood: z.enum(['happy', 'sad']).default('happy'),
  email: z.email().nullable().optional(),
  tags: z.array(z.string()).optional(),
});

describe('StructuredJsonParser', () => {
  it('streams snapshots and validates the final value (defaults applied)', () => {
    const { values, result, error } = run(person, ['{"name": "Ad', 'a", "age": 36, "tags": ["x"', ']}']);
    expect(error).toBeUndefined();
    expect(values).toStrictEqual([{ name: 'Ad' }, { name: 'Ada', age: 36, tags: ['x'] }, { name: 'Ada', age: 36, tags: ['x'] }]);
    expect(result).toStrictEqual({ name: 'Ada', age: 36, tags: ['x'], mood: 'happy' });
  });

  it.each([
    ['a wrong type, when the value starts', ['{"name": "A", "age": "', '3"}'], 0, '/age', 21],
    ['an enum value no longer possible', ['{"name": "A", "mood": "ha', 'ngry"}'], 1, '/mood', 22],
    ['an invalid scalar, when it completes', ['{"name": "A", "email": "not-an-email"', '}'], 0, '/email', 23],
    ['a non-integer', ['{"name": "A", "age": 1.5,', '}'], 0, '/age', 21],
    ['a closed object missing a required key', ['{"tags": []}', ' '], 0, 'the root', 11],
    ['an array element of the wrong type', ['{"name": "A", "tags": ["a", 2', ']}'], 1, '/tags/1', 28],
  ])('fails early on %s', (_name, chunks, failingChunk, where, position) => {
    const { values, error } = run(person, chunks);
    expect(values.length).toBe(failingChunk);
    expect(error?.message).toContain(where);
    expect(error?.position).toBe(position);
    expect(error?.issues.length).toBeGreaterThan(0);
    // Issue paths are absolute in the document, like the pointer in the message.
    const pointer = where === 'the root' ? [] : where.slice(1).split('/').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    expect((error?.issues[0] as { path: unknown[] }).path.slice(0, pointer.length)).toEqual(pointer);
    expect(error?.text).toBe(chunks.slice(0, failingChunk + 1).join(''));
  });

  describe('says what is wrong and where', () => {
    const trip = z.object({ trip: z.object({ from: z.string(), days: z.number(), mode: z.enum(['train', 'car']).nullable() }) });

    it('names a missing required key, its path and its type', () => {
      const { error } = run(trip, ['{"trip": {"from": "Oslo", "mode": null', '}}']);
      expect(error?.message).toBe('Output cannot match the schema at /trip: missing required key "days" (expected number) at position 38');
      expect(error?.issues).toMatchObject([{ path: ['trip', 'days'] }]);
    });

    it('names every missing key', () => {
      const { error } = run(trip, ['{"trip": {}}']);
      expect(error?.message).toBe(
        'Output cannot match the schema at /trip: missing required keys "from" (expected string), "days" (expected number), "mode" (expected null or "train" or "car") at position 10',
      );
    });

    it('reports a missing key against the alternative the object was meant to be', () => {
      const shape = z.discriminatedUnion('type', [z.object({ type: z.literal('circle'), r: z.number() }), z.object({ type: z.literal('square'), side: z.number() })]);
      expect(run(shape, ['{"type": "square"}']).error?.message).toBe('Output cannot match the schema at the root: missing required key "side" (expected number) at position 17');
    });

    it('names the expected and the received type', () => {
      const { error } = run(trip, ['{"trip": {"from": "Oslo", "days": "3"}}']);
      expect(error?.message).toBe('Output cannot match the schema at /trip/days: expected number, got string at position 34');
      expect(error?.issues).toMatchObject([{ path: ['trip', 'days'] }]);
    });

    it("gives zod's reason for a value of the right type that its checks reject", () => {
      expect(run(person, ['{"name": "A", "email": "not-an-email"}']).error?.message).toBe(
        'Output cannot match the schema at /email: invalid string (Invalid email address) at position 23',
      );
    });

    it('names the path of each issue found on the whole value', () => {
      const schema = z.object({ a: z.array(z.number()).min(2) });
      expect(run(schema, ['{"a": [1]}']).error?.message).toBe('Output does not match the schema: at /a: Too small: expected array to have >=2 items at position 10');
    });
  });

  it('fails at the end when only the whole value can tell', () => {
    const schema = z.object({ a: z.array(z.number()).min(2) }).refine((v) => v.a[0] === 1, 'first must be 1');
    const short = run(schema, ['{"a": [1]}']);
    expect(short.error?.message).toMatch(/does not match the schema/);
    expect(short.error?.position).toBe(10);
    expect(run(schema, ['{"a": [2, 3]}']).error?.issues).toMatchObject([{ message: 'first must be 1' }]);
  });

  it('narrows unions and discriminated unions by what can still fit', () => {
    const shape = z.discriminatedUnion('type', [z.object({ type: z.literal('circle'), r: z.number() }), z.object({ type: z.literal('square'), side: z.number() })]);
    expect(run(shape, ['{"type": "sq', 'uare", "side": 2}']).result).toStrictEqual({ type: 'square', side: 2 });
    expect(run(shape, ['{"type": "tri', 'angle"}']).error?.message).toMatch(/"tri" cannot begin any of "circle", "square"/);
    const either = z.union([z.string(), z.array(z.number())]);
    expect(run(either, ['[1, 2]']).result).toStrictEqual([1, 2]);
    expect(run(either, ['{']).error?.message).toMatch(/expected string or array, got object/);
  });

  it('never fails where the schema cannot tell', () => {
    const loose = z.object({
      any: z.any(),
      unknown: z.unknown(),
      caught: z.number().catch(0),
      coerced: z.coerce.number(),
      piped: z.string().transform((s) => s.length),
      both: z.intersection(z.object({ a: z.number() }), z.object({ b: z.number() })),
    });
    const { result, error } = run(loose, ['{"any": [1], "unknown": {"x": null}, "caught": "oops", "coerced": "5", "piped": "abc", "both": {"a": 1, "b": 2}, "extra": true}']);
    expect(error).toBeUndefined();
    expect(result).toStrictEqual({ any: [1], unknown: { x: null }, caught: 0, coerced: 5, piped: 3, both: { a: 1, b: 2 } });
  });

  it('rejects unknown keys of strict objects early, and follows records, tuples and lazy schemas', () => {
    expect(run(z.strictObject({ a: z.string() }), ['{"b": 1', '}']).error?.message).toMatch(/at \/b: a key the schema does not allow/);
    expect(run(z.record(z.string(), z.number()), ['{"x": 1, "y": "', '"}']).values).toHaveLength(0);
    expect(run(z.tuple([z.string(), z.number()]), ['["a", 1, ', '2]']).error?.message).toMatch(/at \/2/);
    type Tree = { value: number; children: Tree[] };
    const tree: z.ZodType<Tree> = z.lazy(() => z.object({ value: z.number(), children: z.array(tree) }));
    expect(run(tree, ['{"value": 1, "children": [{"value": 2, "children": []}]}']).result).toStrictEqual({ value: 1, children: [{ value: 2, children: [] }] });
    expect(run(tree, ['{"value": 1, "children": [{"value": "', '"}]}']).error?.message).toMatch(/\/children\/0\/value/);
  });

  it('never fails a value its schema accepts, in any chunking', () => {
    const value = fc.letrec<{ v: unknown }>((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        fc.string(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('v'), { maxLength: 4 }),
        fc.dictionary(fc.stringMatching(/^[a-z]{1,4}$/), tie('v'), { maxKeys: 4 }),
      ),
    })).v.map((v) => JSON.parse(JSON.stringify(v)) as unknown);
    // The strictest schema accepting exactly this value's shape.
    const schemaFor = (v: unknown): z.ZodType => {
      if (typeof v === 'string') return z.union([z.enum([v]), z.literal('never')]);
      if (typeof v === 'number') return z.number().int();
      if (typeof v === 'boolean') return z.literal(v);
      if (v === null) return z.null();
      if (Array.isArray(v)) return v.length > 0 ? z.tuple(v.map(schemaFor) as [z.ZodType, ...z.ZodType[]]) : z.array(z.never());
      const entries = Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, schemaFor(x)] as const);
      return z.strictObject(Object.fromEntries(entries));
    };
    fc.assert(
      fc.property(value, chunkSizes, (v, sizes) => {
        const { result, error } = run(schemaFor(v), split(JSON.stringify(v, null, 1), sizes));
        expect(error).toBeUndefined();
        expectSameJson(result, v);
      }),
      { numRuns: 200 },
    );
  });
});
