import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { lambda, OutputParserError } from '@rivulet/core';
import { from } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { applyPatch, jsonParser, PartialJsonParser, structuredParser, type JsonPatchOperation } from '../index.js';
import { inconsistency } from '../test-support/consistency.js';
import { jsonText, jsonValue } from '../test-support/json-arbitraries.js';

/** Runs asked of each property, and cases its predicate actually checked: the last test compares them. */
const planned: Record<string, number> = {};
const checked: Record<string, number> = {};
function check<T>(name: string, numRuns: number, arbitrary: fc.Arbitrary<T>, predicate: (value: T) => void | Promise<void>): Promise<void> | void {
  planned[name] = numRuns;
  const property = fc.asyncProperty(arbitrary, async (value) => {
    await predicate(value);
    checked[name] = (checked[name] ?? 0) + 1;
  });
  return fc.assert(property, { numRuns });
}

/** `text` cut at random points (any of them, one-character chunks included). */
const chunked = (text: fc.Arbitrary<string>): fc.Arbitrary<readonly string[]> =>
  text.chain((t) =>
    fc.oneof<fc.Arbitrary<readonly string[]>[]>(
      fc.constant([t]),
      fc.constant([...t]),
      fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, t.length - 1) }), { maxLength: 40 }).map((cuts) => {
        const points = [0, ...cuts.filter((c) => c < t.length).sort((a, b) => a - b), t.length];
        return points.slice(1).map((end, i) => t.slice(points[i], end));
      }),
    ),
  );

/** What the engine does with `chunks`: its value, or the error it threw. Anything but an `OutputParserError` fails the test. */
function parse(chunks: readonly string[], options?: ConstructorParameters<typeof PartialJsonParser>[0]): { value?: unknown; error?: OutputParserError } {
  const parser = new PartialJsonParser(options);
  try {
    for (const chunk of chunks) {
      parser.push(chunk);
      // The live value is readable at any time and never contradicts the final one (checked by callers).
      void parser.value;
    }
    return { value: parser.end() };
  } catch (error) {
    if (!OutputParserError.isInstance(error)) throw new Error(`not an OutputParserError: ${String(error)}`, { cause: error });
    // Once failed, the parser keeps failing with the same error.
    expect(() => parser.push('x')).toThrow(error);
    return { error };
  }
}

/** Characters that matter to the grammar, to mutate valid JSON with. */
const mutationChar = fc.oneof(
  fc.constantFrom('{', '}', '[', ']', ':', ',', '"', '\\', '/', '-', '+', '.', 'e', 'E', '0', '1', '9', 't', 'f', 'n', 'u', ' ', '\n', '\r', '\t', '`', '\u0000', '\u2028', '\uFEFF'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
);

type Mutation = { at: number; kind: 'delete' | 'insert' | 'replace' | 'truncate' | 'duplicate' | 'swap'; char: string; span: number };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('delete', 'insert', 'replace', 'truncate', 'duplicate', 'swap'),
  char: mutationChar,
  span: fc.integer({ min: 1, max: 12 }),
});

function mutate(text: string, mutations: readonly Mutation[]): string {
  let t = text;
  for (const { at, kind, char, span } of mutations) {
    const i = t.length === 0 ? 0 : at % (t.length + 1);
    if (kind === 'delete') t = t.slice(0, i) + t.slice(i + span);
    else if (kind === 'insert') t = t.slice(0, i) + char + t.slice(i);
    else if (kind === 'replace') t = t.slice(0, i) + char + t.slice(i + 1);
    else if (kind === 'truncate') t = t.slice(0, i);
    else if (kind === 'duplicate') t = t.slice(0, i + span) + t.slice(i, i + span) + t.slice(i + span);
    else t = t.slice(0, i) + t.slice(i + 1, i + 2) + t.slice(i, i + 1) + t.slice(i + 2);
  }
  return t;
}

/** A document nested `depth` deep, built without recursion, with its JSON text. */
function nested(depth: number, kinds: readonly boolean[]): { text: string; value: unknown } {
  let value: unknown = 'leaf';
  let text = '"leaf"';
  for (let i = 0; i < depth; i++) {
    const asArray = kinds[i % kinds.length] ?? true;
    value = asArray ? [value] : { k: value };
    text = asArray ? `[${text}]` : `{"k":${text}}`;
  }
  return { text, value };
}

/** Deep equality of JSON values without recursion (node's isDeepStrictEqual overflows past ~1,000 levels). */
function sameJson(a: unknown, b: unknown): boolean {
  const pending: [unknown, unknown][] = [[a, b]];
  for (let pair = pending.pop(); pair !== undefined; pair = pending.pop()) {
    const [x, y] = pair;
    if (typeof x !== 'object' || x === null || typeof y !== 'object' || y === null) {
      if (!Object.is(x, y)) return false;
      continue;
    }
    if (Array.isArray(x) !== Array.isArray(y) || Object.getPrototypeOf(x) !== Object.getPrototypeOf(y)) return false;
    const keys = Object.keys(x);
    if (keys.length !== Object.keys(y).length) return false;
    for (const key of keys) {
      if (!Object.hasOwn(y, key)) return false;
      pending.push([(x as Record<string, unknown>)[key], (y as Record<string, unknown>)[key]]);
    }
  }
  return true;
}

/** The chunks of `text` as a streaming step, for the parser runnables. */
const source = (chunks: readonly string[]) => lambda(() => from(chunks));

describe('fuzz: PartialJsonParser only ever throws OutputParserError', () => {
  it('valid JSON in any chunking round-trips, every partial value consistent with the final one', { timeout: 60_000 }, () =>
    check('valid JSON × chunking', 5_000, jsonValue.chain((v) => fc.tuple(fc.constant(v), chunked(jsonText(v)))), ([value, chunks]) => {
      const parser = new PartialJsonParser();
      for (const chunk of chunks) {
        parser.push(chunk);
        const why = inconsistency(structuredClone(parser.value), value);
        if (why !== undefined) throw new Error(why);
      }
      expect(isDeepStrictEqual(parser.end(), value)).toBe(true);
      expect(parser.done).toBe(true);
    }));

  it('the parser runnables agree: snapshots end on the value, patches rebuild it', { timeout: 60_000 }, () =>
    check('valid JSON × runnables', 1_000, jsonValue.chain((v) => fc.tuple(fc.constant(v), chunked(jsonText(v)))), async ([value, chunks]) => {
      expect(isDeepStrictEqual(await source(chunks).pipe(jsonParser()).invoke(null), value)).toBe(true);
      const ops = await source(chunks).pipe(jsonParser({ mode: 'patch' })).invoke(null);
      expect(isDeepStrictEqual(applyPatch(undefined, ops as JsonPatchOperation[]), value)).toBe(true);
    }));

  it('mutated JSON: a value or an OutputParserError; what JSON.parse accepts, it reads the same', { timeout: 60_000 }, () =>
    check(
      'mutated JSON',
      20_000,
      jsonValue.chain((v) => jsonText(v)).chain((text) => fc.array(mutation, { minLength: 1, maxLength: 6 }).chain((m) => chunked(fc.constant(mutate(text, m))))),
      (chunks) => {
        const text = chunks.join('');
        const outcome = parse(chunks);
        let strict: { value: unknown } | undefined;
        try {
          strict = { value: JSON.parse(text) as unknown };
        } catch {
          strict = undefined;
        }
        if (strict !== undefined) expect(isDeepStrictEqual(outcome.value, strict.value), `${JSON.stringify(text)}: ${outcome.error?.message}`).toBe(true);
        if (outcome.error) expect(outcome.error.text).toBe(text.slice(0, outcome.error.text.length));
      },
    ));

  it('mutated JSON through jsonParser and structuredParser: resolves or rejects with OutputParserError', { timeout: 60_000 }, () => {
    const schema = z.object({ a: z.string().optional(), b: z.array(z.number()).optional() }).catchall(z.unknown());
    return check(
      'mutated JSON × runnables',
      2_000,
      jsonValue.chain((v) => jsonText(v)).chain((text) => fc.array(mutation, { maxLength: 4 }).chain((m) => chunked(fc.constant(mutate(text, m))))),
      async (chunks) => {
        for (const parser of [jsonParser(), jsonParser({ mode: 'patch' }), structuredParser(schema)]) {
          const error = await source(chunks)
            .pipe(parser as ReturnType<typeof jsonParser>)
            .invoke(null)
            .then(() => undefined, (e: unknown) => e);
          if (error !== undefined && !OutputParserError.isInstance(error)) throw new Error(`${parser.name}: ${String(error)}`, { cause: error });
        }
      },
    );
  });

  it('arbitrary text and invalid bytes (lone surrogates, U+FFFD, control characters): only OutputParserError', { timeout: 60_000 }, () => {
    const bytes = fc.uint8Array({ maxLength: 200 }).map((b) => new TextDecoder().decode(b));
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: mutationChar, maxLength: 200 }), bytes, fc.string({ unit: 'grapheme', maxLength: 100 }));
    const wrapped = fc.tuple(fc.constantFrom('', '```json\n', 'Sure: ', '{"a": "', '['), text).map(([prefix, t]) => prefix + t);
    return check('arbitrary text and bytes', 10_000, chunked(wrapped), (chunks) => void parse(chunks));
  });

  it('huge strings (up to 4 MiB) in chunks of up to 64 KiB round-trip', { timeout: 60_000 }, () =>
    check(
      'huge strings',
      12,
      fc.record({
        unit: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
        mib: fc.integer({ min: 1, max: 4 }),
        chunk: fc.integer({ min: 1, max: 64 * 1024 }),
      }),
      ({ unit, mib, chunk }) => {
        const big = unit.repeat(Math.ceil((mib * 1024 * 1024) / unit.length));
        const text = JSON.stringify({ big, after: [1, 2] });
        const chunks: string[] = [];
        for (let i = 0; i < text.length; i += chunk) chunks.push(text.slice(i, i + chunk));
        const started = performance.now();
        const { value, error } = parse(chunks);
        expect(error).toBeUndefined();
        expect((value as { big: string }).big === big).toBe(true);
        // Linear: a few MiB parse in well under a second (quadratic work would take minutes).
        expect(performance.now() - started).toBeLessThan(5_000);
      },
    ));

  it('deep nesting: fine up to maxDepth, an OutputParserError past it, never a stack overflow', { timeout: 60_000 }, () =>
    check(
      'deep nesting',
      500,
      fc.record({ depth: fc.integer({ min: 1, max: 3_000 }), kinds: fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }), cut: fc.option(fc.nat()), size: fc.integer({ min: 1, max: 500 }) }),
      ({ depth, kinds, cut, size }) => {
        const { text, value } = nested(depth, kinds);
        const whole = cut === null;
        const fed = whole ? text : text.slice(0, cut % text.length);
        const chunks: string[] = [];
        for (let i = 0; i < fed.length; i += size) chunks.push(fed.slice(i, i + size));
        const outcome = parse(chunks);
        if (!whole) expect(outcome.error).toBeDefined();
        else if (depth > 512) expect(outcome.error?.message ?? '').toMatch(/maxDepth \(512\)/);
        else expect(sameJson(outcome.value, value)).toBe(true);
        // Unbounded depth is safe too: the engine has no recursion.
        if (whole) expect(sameJson(parse(chunks, { maxDepth: Infinity }).value, value)).toBe(true);
      },
    ));

  it('checked every case it planned (a property that silently ran nothing would pass)', () => {
    expect(Object.keys(planned).length).toBeGreaterThan(0);
    for (const name of Object.keys(planned)) expect({ name, checked: checked[name] ?? 0 }).toEqual({ name, checked: planned[name] });
  });
});
