/** How a watched promise stands now: updated in place as it settles. */
export interface PromiseState<T> {
  /** Whether it has settled, and how. */
  readonly state: 'pending' | 'resolved' | 'rejected';
  /** The value, once resolved. */
  readonly value?: T;
  /** The reason, once rejected. */
  readonly reason?: unknown;
}

/**
 * Watches `promise` so a test can check, at a given (virtual) time, whether
 * it has settled yet; the rejection is handled, so watching never leaves an
 * unhandled one.
 *
 * @example
 * ```ts
 * const slept = promiseState(sleep(30));
 * await vi.advanceTimersByTimeAsync(29);
 * expect(slept.state).toBe('pending');
 * ```
 */
export function promiseState<T>(promise: Promise<T>): PromiseState<T> {
  const state: { state: PromiseState<T>['state']; value?: T; reason?: unknown } = { state: 'pending' };
  promise.then(
    (value) => Object.assign(state, { state: 'resolved', value }),
    (reason: unknown) => Object.assign(state, { state: 'rejected', reason }),
  );
  return state;
}
