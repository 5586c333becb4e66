import { describe, expect, it } from 'vitest';
import { isAbsentOr, isJsonObject } from './shape-checks.js';

describe('shape checks of parsed events', () => {
  it('isJsonObject: objects only, not null or arrays', () => {
    expect([{}, { a: 1 }].map(isJsonObject)).toEqual([true, true]);
    expect([null, [], 'x', 1, undefined].map(isJsonObject)).toEqual([false, false, false, false, false]);
  });

  it('isAbsentOr: undefined, null or the type', () => {
    expect([undefined, null, 'x'].map((v) => isAbsentOr(v, 'string'))).toEqual([true, true, true]);
    expect([1, {}, false].map((v) => isAbsentOr(v, 'string'))).toEqual([false, false, false]);
    expect(isAbsentOr(2, 'number') && isAbsentOr(true, 'boolean')).toBe(true);
  });
});
