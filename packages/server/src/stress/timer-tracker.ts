type Handle = ReturnType<typeof setTimeout>;

/** Live timers created while a {@link trackTimers} watch was on. */
export interface TimerTracker {
  /** Timers neither fired (timeouts) nor cleared, that keep the process alive (ref'd). */
  live(): number;
  /** Most timers live at once, ref'd or not: proof the tracker saw the run's timers at all. */
  peak(): number;
  /** Where each live, ref'd timer was created: the first lines of its stack. */
  origins(): string[];
  /** Puts the real timer functions back. */
  restore(): void;
}

/**
 * Wraps `setTimeout` and `setInterval` to count the timers created from now
 * on that are still pending. rxjs schedules through `setInterval`, the
 * `openai` SDK and the servers through `setTimeout`, so a timer a run forgot
 * to clear shows here. Unref'd timers (undici's keep-alive clock, the mock
 * server's waits) do not keep a process alive and are not counted.
 */
export function trackTimers(): TimerTracker {
  const origin = (): string => (new Error().stack ?? '').split('\n').slice(3, 8).join('\n');
  const live = new Map<Handle, string>();
  let peak = 0;
  const add = (handle: Handle): void => {
    live.set(handle, origin());
    peak = Math.max(peak, live.size);
  };
  const original = {
    setTimeout: globalThis.setTimeout,
    clearTimeout: globalThis.clearTimeout,
    setInterval: globalThis.setInterval,
    clearInterval: globalThis.clearInterval,
  };
  globalThis.setTimeout = ((fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const handle: Handle = original.setTimeout((...inner: unknown[]) => {
      live.delete(handle);
      fn(...inner);
    }, ms, ...args);
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
  const refed = (): [Handle, string][] => [...live].filter(([handle]) => handle.hasRef());
  return {
    live: () => refed().length,
    peak: () => peak,
    origins: () => refed().map(([, where]) => where),
    restore: () => void Object.assign(globalThis, original),
  };
}
