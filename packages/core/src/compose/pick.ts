import type { Step } from '../run/step.js';
import { pickStep } from '../steps/pick-step.js';
import { Runnable } from '../runnable/runnable.js';

/**
 * Keeps only some keys of the input object. Streams: keyed chunks are
 * filtered as they arrive.
 *
 * @example
 * ```ts
 * const chain = parallel({ a: stepA, b: stepB }).pipe(pick('a'));
 * ```
 */
export function pick<T extends object, K extends keyof T & string>(...keys: K[]): Runnable<T, Pick<T, K>> {
  return Runnable.from(pickStep(keys) as Step<unknown, unknown>) as Runnable<T, Pick<T, K>>;
}
