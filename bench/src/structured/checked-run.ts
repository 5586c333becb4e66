import { isDeepStrictEqual } from 'node:util';
import type { Sampled } from '../measure.js';
import type { DocumentRun } from './structured-contender.js';

/** Fails unless `value` deep-equals `expected` (JSON.parse's value of the document). */
export function verifyValue(name: string, value: unknown, expected: unknown): void {
  if (!isDeepStrictEqual(value, expected)) throw new Error(`${name} did not read the document correctly`);
}

/** A sample function calling `run`; its first call also checks the value, so a contender that mis-reads cannot post a time. */
export function checkedRun(name: string, run: DocumentRun, expected: unknown): Sampled {
  let verified = false;
  return async () => {
    const value = await run();
    if (verified) return;
    verifyValue(name, value, expected);
    verified = true;
  };
}
