import { realTimers } from './real-timers.js';

/**
 * Resolves on the next turn of the event loop (a real `setImmediate`, even
 * under fake timers), after pending I/O callbacks and every queued promise
 * job: what Node's process warnings, finalizers and socket events wait for.
 *
 * @example
 * ```ts
 * controller.abort();
 * await nextTurn();
 * expect(watch.warnings).toEqual([]);
 * ```
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => realTimers.setImmediate(resolve));
}
