import { waitFor } from './wait-for.js';

/**
 * Like {@link waitFor}, but fails: resolves once `check` holds, rejects with
 * an error naming `what` when `timeoutMs` of real time passed first.
 *
 * @example
 * ```ts
 * await eventually(() => fake.cancelled === 1, 'the run to be cancelled');
 * ```
 */
export async function eventually(check: () => boolean | Promise<boolean>, what = 'the condition', timeoutMs = 10_000): Promise<void> {
  if (!(await waitFor(check, timeoutMs))) throw new Error(`Gave up after ${timeoutMs} ms waiting for ${what}.`);
}
