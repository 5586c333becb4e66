/**
 * The timer functions as they were when this module loaded, before a
 * {@link trackTimers} wrapper replaced them: the suite's own deadlines and
 * polls use these, so they never count as timers the code under test left.
 */
export const realTimers = {
  setTimeout: globalThis.setTimeout.bind(globalThis),
  clearTimeout: globalThis.clearTimeout.bind(globalThis),
} as const;

/** Resolves after `ms`, on a timer the tracker does not see. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => realTimers.setTimeout(resolve, ms));
}

/** Polls `check` until it holds; false when `timeoutMs` passed first. */
export async function waitFor(check: () => boolean, timeoutMs: number, everyMs = 20): Promise<boolean> {
  const until = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > until) return false;
    await pause(everyMs);
  }
  return true;
}
