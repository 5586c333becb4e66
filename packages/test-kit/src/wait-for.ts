import { pause } from './pause.js';
import { realTimers } from './real-timers.js';

/**
 * Checks `check` until it holds, running `step` between two checks (by
 * default a 10 ms pause on the real clock): true then, false once
 * `timeoutMs` of real time passed first. For a state the test cannot await
 * (a socket closing, a count reaching zero, a key in Redis: `check` may be
 * async); the deadline only stops a hung
 * test, it bounds nothing the test asserts.
 *
 * @example
 * ```ts
 * expect(await waitFor(() => server.connections === 0, 5_000), 'every connection closed').toBe(true);
 * ```
 */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, step: () => Promise<unknown> = () => pause(10)): Promise<boolean> {
  let late = false;
  const deadline = realTimers.setTimeout(() => (late = true), timeoutMs);
  try {
    while (!(await check())) {
      if (late) return false;
      await step();
    }
    return true;
  } finally {
    realTimers.clearTimeout(deadline);
  }
}
