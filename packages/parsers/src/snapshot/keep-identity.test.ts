import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { jsonValue } from '../test-support/json-arbitraries.js';
import { keepIdentity } from './keep-identity.js';

// Every subtree of `kept` that deep-equals, and is of the same kind as, the one at the same place in `previous` is that very object.
function lostIdentity(previous: unknown, kept: unknown, path = ''): string | undefined {
  if (typeof previous !== 'object' || previous === null || typeof kept !== 'object' || kept === null) return undefined;
  if (Array.isArray(previous) !== Array.isArray(kept)) return undefined; // an array and an object are different places
  if (isDeepStrictEqual(previous, kept)) return previous === kept ? undefined : `${path || '/'} equal but not kept`;
  for (const key of Object.keys(kept)) {
    if (!Object.hasOwn(previous, key)) continue;
    const why = lostIdentity((previous as Record<string, unknown>)[key], (kept as Record<string, unknown>)[key], `${path}/${key}`);
    if (why) return why;
  }
  return undefined;
}

const fresh = (value: unknown): unknown => JSON.parse(JSON.stringify(value) ?? 'null');

describe('keepIdentity', () => {
  it('gives back the value whole when nothing differs, allocating nothing', () => {
    const previous = { a: [1, { b: 'x' }], c: { d: null } };
    expect(keepIdentity(previous, fresh(previous))).toBe(previous);
  });

  it('equals the new value and keeps every unchanged subtree of the old one, whatever the two values', () => {
    fc.assert(
      fc.property(jsonValue, jsonValue, fc.boolean(), (a, b, derived) => {
        // Half the time the new value shares most of the old one's content, as a validated final value does.
        const next = derived ? fresh({ ...(typeof a === 'object' && a !== null ? a : {}), extra: b }) : fresh(b);
        const kept = keepIdentity(a, next);
        // Not toStrictEqual: it compares `constructor`, which an own "constructor" key of the document replaces.
        expect(isDeepStrictEqual(kept, next)).toBe(true);
        expect(lostIdentity(a, kept)).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it('keeps member order and the own __proto__ key of the new value', () => {
    const previous = JSON.parse('{"__proto__": {"x": 1}, "a": 1}') as Record<string, unknown>;
    const next = JSON.parse('{"a": 2, "__proto__": {"x": 1}}') as Record<string, unknown>;
    const kept = keepIdentity(previous, next) as Record<string, unknown>;
    expect(Object.keys(kept)).toEqual(['a', '__proto__']);
    expect(Object.getPrototypeOf(kept)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(kept, '__proto__')?.value).toBe(Object.getOwnPropertyDescriptor(previous, '__proto__')?.value);
  });

  it('reads each member once: a change at the bottom of deep nesting costs its size, not 2^depth', () => {
    let reads = 0;
    const counted = (target: object): object => new Proxy(target, { get: (t, key, receiver) => (reads++, Reflect.get(t, key, receiver)) });
    let previous: unknown = 'old';
    let next: unknown = 'new';
    for (let depth = 0; depth < 24; depth++) {
      previous = { before: { same: depth }, inner: previous };
      next = counted({ before: counted({ same: depth }), inner: next });
    }
    const kept = keepIdentity(previous, next) as { before: unknown; inner: unknown };
    const readsToKeep = reads;
    expect(isDeepStrictEqual(kept, JSON.parse(JSON.stringify(next)))).toBe(true);
    expect(kept.before).toBe((previous as { before: unknown }).before);
    // 3 members per level; walking the changed member again at each level would read 2^24 times.
    expect(readsToKeep).toBeLessThanOrEqual(3 * 24);
  });
});
