import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';

/**
 * Deep strict equality for JSON values. vitest's toStrictEqual compares the
 * `constructor` property of objects, which JSON can legitimately set as an own key.
 */
export function expectSameJson(actual: unknown, expected: unknown): void {
  if (!isDeepStrictEqual(actual, expected)) expect(actual).toStrictEqual(expected);
}
