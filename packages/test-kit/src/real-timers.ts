/** The real timer functions, as {@link realTimers} holds them. */
export interface RealTimers {
  /** The real `setTimeout`. */
  readonly setTimeout: typeof setTimeout;
  /** The real `clearTimeout`. */
  readonly clearTimeout: typeof clearTimeout;
  /** The real `setInterval`. */
  readonly setInterval: typeof setInterval;
  /** The real `clearInterval`. */
  readonly clearInterval: typeof clearInterval;
  /** The real `setImmediate`. */
  readonly setImmediate: typeof setImmediate;
}

/**
 * The timer functions as they were when the test kit loaded: before vitest's
 * fake timers or a {@link trackTimers} wrapper replaced the globals. A test's
 * own deadlines and polls run on these, so they neither count as timers the
 * code under test left behind nor wait for virtual time that never advances.
 *
 * @example
 * ```ts
 * const timer = realTimers.setTimeout(() => controller.abort(), 50);
 * realTimers.clearTimeout(timer);
 * ```
 */
export const realTimers: RealTimers = {
  setTimeout: globalThis.setTimeout.bind(globalThis),
  clearTimeout: globalThis.clearTimeout.bind(globalThis),
  setInterval: globalThis.setInterval.bind(globalThis),
  clearInterval: globalThis.clearInterval.bind(globalThis),
  setImmediate: globalThis.setImmediate.bind(globalThis),
};
