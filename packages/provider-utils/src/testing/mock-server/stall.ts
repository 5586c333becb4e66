import { sleep } from './sleep.js';

/**
 * Goes silent mid-response: for `ms` milliseconds, or, when `ms` is undefined,
 * until `signal` aborts (the client leaves or the server closes). Used to test
 * idle timeouts.
 */
export function stall(ms: number | undefined, signal: AbortSignal): Promise<void> {
  if (ms !== undefined) return sleep(ms, signal);
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
