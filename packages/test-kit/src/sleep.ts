/**
 * Resolves after `ms` on the clock in force when called (so vitest's fake
 * timers drive it), or rejects with `signal.reason` as soon as `signal`
 * aborts, clearing its timer and its listener. For the work of a step under
 * test; for the test's own waits, see {@link pause}.
 *
 * @example
 * ```ts
 * const slow = lambda(async (x: string, ctx: RunContext) => (await sleep(1_000, ctx.signal), x));
 * ```
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason as unknown);
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as unknown);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
