type Handle = ReturnType<typeof setTimeout>;

/** Live timers created while a {@link trackTimers} watch is on. */
export interface TimerTracker {
  /** Timers neither fired (timeouts) nor cleared that keep the process alive (ref'd). */
  live(): number;
  /** Most timers live at once, ref'd or not: proof the tracker saw the run's timers at all. */
  peak(): number;
  /** Where each live, ref'd timer was created: the first lines of its stack. */
  origins(): string[];
  /** Puts the timer functions it wrapped back. */
  restore(): void;
}

/** An error whose stack says where a timer was created: a few frames only, as thousands of timers may be created. */
function capturedHere(): Error {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 8;
  try {
    return new Error('timer created');
  } finally {
    Error.stackTraceLimit = limit;
  }
}

const keepsProcessAlive = (handle: Handle): boolean => typeof handle.hasRef !== 'function' || handle.hasRef();

/**
 * Wraps the global `setTimeout` and `setInterval` (real or vitest's fake
 * ones, whichever are installed) to count the timers created from now on
 * that are still pending. rxjs schedules through `setInterval`, the `openai`
 * SDK and the servers through `setTimeout`, so a timer a run forgot to clear
 * shows here. Unref'd timers (undici's keep-alive clock, a mock server's
 * waits) do not keep a process alive and are not counted.
 *
 * @example
 * ```ts
 * const timers = trackTimers();
 * try {
 *   chain.stream(input, { timeout: 1_000 }).subscribe().unsubscribe();
 *   expect(timers.live()).toBe(0);
 * } finally {
 *   timers.restore();
 * }
 * ```
 */
export function trackTimers(): TimerTracker {
  // The stack is formatted only when asked for: formatting thousands of them would dominate a run.
  const where = (created: Error): string => (created.stack ?? '').split('\n').slice(3, 8).join('\n');
  const live = new Map<Handle, Error>();
  let peak = 0;
  const add = (handle: Handle): void => {
    live.set(handle, capturedHere());
    peak = Math.max(peak, live.size);
  };
  const original = {
    setTimeout: globalThis.setTimeout,
    clearTimeout: globalThis.clearTimeout,
    setInterval: globalThis.setInterval,
    clearInterval: globalThis.clearInterval,
  };
  globalThis.setTimeout = ((fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const handle: Handle = original.setTimeout(
      (...inner: unknown[]) => {
        live.delete(handle);
        fn(...inner);
      },
      ms,
      ...args,
    );
    add(handle);
    return handle;
  }) as typeof setTimeout;
  globalThis.setInterval = ((fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const handle = original.setInterval(fn, ms, ...args);
    add(handle);
    return handle;
  }) as typeof setInterval;
  globalThis.clearTimeout = ((handle: Handle | string | number | undefined) => {
    if (handle !== undefined && typeof handle === 'object') live.delete(handle);
    original.clearTimeout(handle);
  }) as typeof clearTimeout;
  globalThis.clearInterval = ((handle: Handle | string | number | undefined) => {
    if (handle !== undefined && typeof handle === 'object') live.delete(handle);
    original.clearInterval(handle);
  }) as typeof clearInterval;
  const refed = (): [Handle, Error][] => [...live].filter(([handle]) => keepsProcessAlive(handle));
  return {
    live: () => refed().length,
    peak: () => peak,
    origins: () => refed().map(([, created]) => where(created)),
    restore: () => void Object.assign(globalThis, original),
  };
}
