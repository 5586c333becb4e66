import { onAbort } from './abort-listeners.js';

/** Options of {@link delay}. */
export interface DelayOptions {
  /** Ends the wait early: the delay then resolves `false`. */
  readonly signal?: AbortSignal | undefined;
  /**
   * Whether the pending timer keeps a Node process alive. Default true; false
   * for waits that only pace something else (a mock server's response), so a
   * forgotten one never holds the process open.
   */
  readonly ref?: boolean | undefined;
}

/**
 * Waits `ms` on the clock in force (so fake timers drive it): resolves `true`
 * once the time has passed, or `false` as soon as `signal` aborts (at once if
 * it already has), with its timer cleared and its listener removed. It never
 * rejects, so each caller decides what an abort means: give something back,
 * throw its own `AbortError`, or just stop. No wait (`ms` ≤ 0) resolves `true`
 * at once, without a timer.
 *
 * @example
 * ```ts
 * const slow = lambda(async (text: string, ctx: RunContext) => {
 *   if (!(await delay(1_000, { signal: ctx.signal }))) throw new AbortError('Stopped while waiting.');
 *   return text;
 * });
 * ```
 */
export function delay(ms: number, options: DelayOptions = {}): Promise<boolean> {
  const { signal } = options;
  if (signal?.aborted === true) return Promise.resolve(false);
  if (!(ms > 0)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      stopListening?.();
      resolve(true);
    }, ms);
    if (options.ref === false) (timer as { unref?: () => void }).unref?.();
    // Set before the timer can fire: timers never run in the same turn.
    const stopListening =
      signal &&
      onAbort(signal, () => {
        clearTimeout(timer);
        resolve(false);
      });
  });
}
