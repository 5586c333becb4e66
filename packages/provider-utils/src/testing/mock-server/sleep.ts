import { delay } from '@rivulet/core';

/**
 * Waits `ms` milliseconds, or less if `signal` aborts first. Resolves either
 * way, so callers just check `signal.aborted` afterwards. The timer is
 * unref'd and cleared on abort, so a pending wait never keeps the process alive.
 */
export async function sleep(ms: number, signal: AbortSignal): Promise<void> {
  await delay(ms, { signal, ref: false });
}
