import { describe, expect, it } from 'vitest';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { stableJson } from './stable-json.js';

/** `value` with the keys of every object in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, inner]) => [key, reversedKeys(inner)]));
}

describe('stableJson', () => {
  it('gives equal text for values equal up to key order, and the same value as JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = stableJson(value);
        expect(stableJson(reversedKeys(value))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('keeps a `__proto__` key as a key (a model cache told such a request from one without it)', () => {
    const withKey = JSON.parse('{"b":1,"__proto__":{"a":2}}') as unknown;
    expect(stableJson(withKey)).toBe('{"__proto__":{"a":2},"b":1}');
    expect(stableJson(JSON.parse('{"__proto__":0}'))).not.toBe(stableJson({}));
  });

  it('tells apart values that differ', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        // Deep equality that ignores key order, of the values as JSON keeps them.
        const equal = isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));
        expect(stableJson(a) === stableJson(b)).toBe(equal);
      }),
    );
  });
});
