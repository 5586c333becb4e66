import { getEventListeners } from 'node:events';

/**
 * How many `abort` listeners `signal` holds now: the measure of a listener
 * leak, where each run sharing one caller signal would add its own.
 *
 * @example
 * ```ts
 * await chain.batch(inputs, { signal: shared.signal });
 * expect(abortListeners(shared.signal)).toBe(0);
 * ```
 */
export function abortListeners(signal: AbortSignal): number {
  return getEventListeners(signal, 'abort').length;
}
