import { realTimers } from './real-timers.js';

/**
 * The test itself waiting `ms` of real time, on a timer that fake timers do
 * not drive and {@link trackTimers} does not count. For a step under test that
 * takes time, use {@link sleep}, which follows the clock in force.
 *
 * @example
 * ```ts
 * void pause(20).then(() => controller.abort());
 * ```
 */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => realTimers.setTimeout(resolve, ms));
}
