/**
 * Waits `ms` milliseconds, or less if `signal` aborts first. Resolves either
 * way, so callers just check `signal.aborted` afterwards. The timer is
 * unref'd and cleared on abort, so a pending wait never keeps the process alive.
 */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted || ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    timer.unref();
    signal.addEventListener('abort', done, { once: true });
  });
}
