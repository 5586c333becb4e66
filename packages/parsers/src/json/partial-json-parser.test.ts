import fc from 'fast-check';
import { OutputParserError } from '@rivulet/core';
import { describe, expect, it } from 'vitest';
import { PartialJsonParser } from '../index.js';
import { inconsistency } from '../test-support/consistency.js';
import { chunkSizes, jsonText, jsonValue, split } from '../test-support/json-arbitraries.js';
import { expectSameJson } from '../test-support/same-json.js';

function parseAll(chunks: readonly string[], options?: ConstructorParameters<typeof PartialJsonParser>[0]): unknown {
  const p = new PartialJsonParser(options);
  for (const c of chunks) p.push(c);
  return p.end();
}

function errorOf(run: () => unknown): OutputParserError {
  try {
    run();
  } catch (e) {
    if (OutputParserError.isInstance(e)) return e;
    throw e;
  }
  throw new Error('expected an OutputParserError');
}

describe('PartialJsonParser', () => {
  it('reads any JSON in any chunking, every intermediate value consistent with the final one', () => {
    const doc = jsonValue.chain((value) => fc.tuple(fc.constant(value), jsonText(value), chunkSizes));
    fc.assert(
      fc.property(doc, ([value, text, sizes]) => {
        const p = new PartialJsonParser();
        for (const chunk of split(text, sizes)) {
          p.push(chunk);
          const why = inconsistency(p.value, value);
          if (why) throw new Error(`after ${JSON.stringify(chunk)}: ${why}`);
        }
        expectSameJson(p.end(), value);
        expect(p.done).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('finds containers wrapped in prose and code fences, in any chunking', () => {
    const container = jsonValue.filter((v) => typeof v === 'object' && v !== null);
    const wrap = fc.constantFrom(['Sure! Here it is:\n```json\n', '\n```\nAnything else?'], ['```\n', '```'], ['Result: ', ' (done)'], ['', '\n\nThat is all.']);
    fc.assert(
      fc.property(container, wrap, chunkSizes, (value, [before, after], sizes) => {
        expectSameJson(parseAll(split(before + JSON.stringify(value) + after, sizes)), value);
      }),
    );
  });

  it('shows strings as prefixes and scalars only once complete', () => {
    const p = new PartialJsonParser();
    const seen: string[] = [];
    for (const c of '{"s": "ab", "n": -12.5e1, "t": true, "f": false, "z": null}') {
      p.push(c);
      seen.push(JSON.stringify(p.value));
    }
    expect(seen).not.toContain('{"s":"ab","n":0}');
    expect(seen).not.toContain('{"s":"ab","n":-1}');
    expect(seen).not.toContain('{"s":"ab","n":-12}');
    expect(seen.filter((s) => s?.includes('"t"'))[0]).toBe('{"s":"ab","n":-125,"t":true}');
    expect(seen).toContain('{"s":"a"}');
    expect(p.value).toStrictEqual({ s: 'ab', n: -125, t: true, f: false, z: null });
  });

  it('shows a key only with its value, a number only once it ends', () => {
    const p = new PartialJsonParser();
    p.push('{"key');
    expect(p.value).toStrictEqual({});
    p.push('": ');
    expect(p.value).toStrictEqual({});
    p.push('1.');
    expect(p.value).toStrictEqual({});
    p.push('5');
    expect(p.value).toStrictEqual({});
    p.push(' ');
    expect(p.value).toStrictEqual({ key: 1.5 });
  });

  it.each([
    ['a \\u escape', ['"\\u00', 'e9!"'], ['', 'é!']],
    ['a surrogate pair of escapes', ['"x\\ud83d', '\\ude00"'], ['x', 'x😀']],
    ['a raw surrogate pair', ['"x\ud83d', '\ude00"'], ['x', 'x😀']],
    ['a lone trailing backslash', ['"a\\', 'nb"'], ['a', 'a\nb']],
    ['a backslash escape', ['"a\\', '\\b"'], ['a', 'a\\b']],
  ])('never shows half of %s', (_name, chunks, expected) => {
    const p = new PartialJsonParser();
    const seen = chunks.map((c) => (p.push(c), p.value));
    expect(seen).toStrictEqual(expected);
  });

  it('keeps a lone surrogate escape, as JSON.parse does', () => {
    expect(parseAll(['"\\ud83d', 'x"'])).toBe(JSON.parse('"\\ud83dx"'));
  });

  describe('where the JSON starts', () => {
    it.each([
      ['a json fence', 'Here you go:\n```json\n{"a": [1, 2]}\n```\nAnything else?', { a: [1, 2] }],
      ['a bare fence', '```\n[true]\n```', [true]],
      ['leading prose', 'The answer is {"a": 1} as requested.', { a: 1 }],
      ['prose then an array', 'List: [1, 2] and {"b": 2}', [1, 2]],
      ['a bare string', '  "hi" and more', 'hi'],
      ['a bare number', '42\n', 42],
      ['a bare number at the end', '-0.5e2', -50],
      ['a bare literal', 'null', null],
      ['a fenced scalar', 'Result:\n```json\n3.5\n```', 3.5],
      ['a numbered list before the JSON', '1. First, the JSON: {"a": 1}', { a: 1 }],
      ['a word looking like a literal', 'nothing to see {"a": 1}', { a: 1 }],
      ['inline code', 'Use `x` like this: {"a": 1}', { a: 1 }],
      ['a fence without a newline', '```json{"a": 1}```', { a: 1 }],
      ['trailing garbage', '{"a": 1}} trailing ]] "x', { a: 1 }],
    ])('skips %s', (_name, text, expected) => {
      for (const size of [1, 3, 1000]) expect(parseAll(split(text, [size]))).toStrictEqual(expected);
    });

    it('is done at the end of the top-level value and ignores the rest', () => {
      const p = new PartialJsonParser();
      p.push('[1]');
      expect(p.done).toBe(true);
      p.push(' not json {');
      expect(p.end()).toStrictEqual([1]);
    });
  });

  describe('hostile keys', () => {
    it('keeps __proto__, constructor and prototype as own data, polluting nothing', () => {
      const text = '{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": 1}}, "a": {"__proto__": "s"}}';
      for (const size of [1, 2, 1000]) {
        const value = parseAll(split(text, [size])) as Record<string, unknown>;
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
        expect(Object.hasOwn(value, '__proto__')).toBe(true);
        expect(Object.keys(value)).toStrictEqual(['__proto__', 'constructor', 'a']);
        expectSameJson(value, JSON.parse(text));
      }
    });
  });

  describe('errors', () => {
    it.each([
      ['a bad value', '{"a": x}', 6, /Unexpected character 'x'/],
      ['a missing colon', '{"a" 1}', 5, /Unexpected a value/],
      ['a trailing comma', '[1, 2,]', 6, /Unexpected '\]'/],
      ['a mismatched bracket', '{"a": [1}', 8, /Unexpected '\}'/],
      ['a bad escape', '["a\\x"]', 3, /Invalid escape '\\x'/],
      ['a bad \\u escape', '["\\u12g4"]', 6, /Invalid \\u escape/],
      ['a bad number', '[1.e5]', 1, /Invalid number '1\.'/],
      ['a leading zero', '[01]', 2, /Unexpected a value/],
      ['a bad literal', '[trux]', 4, /expected 'true'/],
      ['a raw character after a key', '{"a":1 "b":2}', 7, /Unexpected a value/],
      ['an unquoted key', '{a: 1}', 1, /Unexpected character 'a'/],
    ])('rejects %s with its position', (_name, text, position, message) => {
      for (const size of [1, 1000]) {
        const e = errorOf(() => parseAll(split(text, [size])));
        expect(e.position).toBe(position);
        expect(e.message).toMatch(message);
        expect(text.startsWith(e.text) && e.text.length > position).toBe(true);
      }
    });

    it.each([
      ['truncated', '{"a": [1, 2', /Unexpected end of JSON input/],
      ['truncated in a string', '{"a": "abc', /Unterminated string/],
      ['truncated in an escape', '"ab\\u00', /Unterminated string/],
      ['truncated in a literal', '[tr', /Unexpected end/],
      ['truncated after a minus', '[-', /Invalid number '-'/],
      ['empty', '', /No JSON value found/],
      ['only whitespace', ' \n\t', /No JSON value found/],
      ['only prose', 'I cannot help with that.', /No JSON value found/],
      ['an empty fence', '```json\n```', /No JSON value found/],
    ])('rejects %s input at end()', (_name, text, message) => {
      const p = new PartialJsonParser();
      p.push(text);
      const e = errorOf(() => p.end());
      expect(e.message).toMatch(message);
      expect(e.text).toBe(text);
      expect(e.position).toBe(text.includes('[-') ? 1 : text.length);
    });

    it('keeps throwing the same error after one', () => {
      const p = new PartialJsonParser();
      const e = errorOf(() => p.push('{"a": x'));
      expect(errorOf(() => p.push('}'))).toBe(e);
      expect(errorOf(() => p.end())).toBe(e);
      expect(e.text).toBe('{"a": x');
    });

    it('holds all the text pushed so far', () => {
      const p = new PartialJsonParser();
      p.push('Sure: {"a"');
      p.push(': [1, ');
      const e = errorOf(() => p.push(' }'));
      expect(e.text).toBe('Sure: {"a": [1,  }');
      expect(e.position).toBe(17);
    });
  });

  describe('depth', () => {
    it('fails clearly past maxDepth', () => {
      const deep = '['.repeat(100_000) + ']'.repeat(100_000);
      const e = errorOf(() => parseAll([deep]));
      expect(e.message).toMatch(/maxDepth \(512\)/);
      expect(e.position).toBe(512);
      expect(parseAll(['[[[]]]'], { maxDepth: 3 })).toStrictEqual([[[]]]);
      expect(errorOf(() => parseAll(['[[[[]]]]'], { maxDepth: 3 })).position).toBe(3);
    });

    it('reads a 100,000-deep document without recursion when allowed', () => {
      const depth = 100_000;
      const text = '{"a":['.repeat(depth) + '1' + ']}'.repeat(depth);
      let node = parseAll(split(text, [7]), { maxDepth: Infinity });
      let levels = 0;
      for (; levels < depth && (node as { a?: unknown[] }).a?.length === 1; levels++) node = (node as { a: unknown[] }).a[0];
      expect(levels).toBe(depth);
      expect(node).toBe(1);
    });
  });
});
