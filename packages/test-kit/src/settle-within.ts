import { realTimers } from './real-timers.js';

/** How a promise ended within its deadline, or that it did not. */
export type Settlement<T> =
  | { readonly state: 'resolved'; readonly value: T }
  | { readonly state: 'rejected'; readonly error: unknown }
  | { readonly state: 'pending' };

/**
 * Waits for `promise` at most `ms` of real time: a promise still pending
 * then is reported as such rather than hanging the suite. Never rejects.
 *
 * @example
 * ```ts
 * const settled = await settleWithin(remote.invoke(input), 10_000);
 * expect(settled.state).toBe('resolved');
 * ```
 */
export function settleWithin<T>(promise: Promise<T>, ms: number): Promise<Settlement<T>> {
  return new Promise((resolve) => {
    const timer = realTimers.setTimeout(() => resolve({ state: 'pending' }), ms);
    promise.then(
      (value) => {
        realTimers.clearTimeout(timer);
        resolve({ state: 'resolved', value });
      },
      (error: unknown) => {
        realTimers.clearTimeout(timer);
        resolve({ state: 'rejected', error });
      },
    );
  });
}
