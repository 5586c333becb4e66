/**
 * Resolves after `ms`, or rejects with the signal's reason as soon as `signal`
 * aborts. Not core's `delay`: the browser client stays dependency-free and
 * loads no code of `@rivulet/core` (it imports only its types).
 */
export function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
