import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { trackTimers, type TimerTracker } from './index.js';

let timers: TimerTracker;
beforeEach(() => {
  vi.useFakeTimers();
  timers = trackTimers();
});
afterEach(() => {
  timers.restore();
  vi.useRealTimers();
});

describe('trackTimers', () => {
  it('counts a timeout until it fires, an interval until it is cleared', async () => {
    setTimeout(() => undefined, 10);
    const interval = setInterval(() => undefined, 5);
    expect(timers.live()).toBe(2);
    await vi.advanceTimersByTimeAsync(10);
    expect(timers.live()).toBe(1);
    clearInterval(interval);
    expect(timers.live()).toBe(0);
    expect(timers.peak()).toBe(2);
  });

  it('forgets a cleared timeout, and says where a live one was created', () => {
    clearTimeout(setTimeout(() => undefined, 10));
    expect(timers.live()).toBe(0);
    (function forgottenTimer() {
      setTimeout(() => undefined, 10);
    })();
    expect(timers.origins()).toHaveLength(1);
    expect(timers.origins()[0]).toContain('forgottenTimer');
  });

  it('does not count an unref’d timer, which keeps no process alive', () => {
    setTimeout(() => undefined, 10).unref();
    expect(timers.live()).toBe(0);
    expect(timers.peak()).toBe(1);
  });

  it('restore puts back the functions it wrapped', () => {
    const wrapped = globalThis.setTimeout;
    timers.restore();
    expect(globalThis.setTimeout).not.toBe(wrapped);
    setTimeout(() => undefined, 10);
    expect(timers.live()).toBe(0);
    expect(vi.getTimerCount()).toBe(1);
  });
});
