import { abortListeners, promiseState } from '@rivulet/test-kit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { delay } from '@rivulet/core';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

// The timer the next `setTimeout` call returns, caught with a spy on the (fake) clock.
function nextTimer(): () => { hasRef(): boolean } {
  const setTimer = vi.spyOn(globalThis, 'setTimeout');
  return () => setTimer.mock.results[0]?.value as { hasRef(): boolean };
}

describe('delay', () => {
  it('resolves true after exactly ms, removing its abort listener', async () => {
    const signal = new AbortController().signal;
    const removed = vi.spyOn(signal, 'removeEventListener');
    const waited = promiseState(delay(30, { signal }));
    expect(abortListeners(signal)).toBe(1);
    await vi.advanceTimersByTimeAsync(29);
    expect(waited.state).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(waited).toEqual({ state: 'resolved', value: true });
    expect(removed).toHaveBeenCalledWith('abort', expect.any(Function));
    expect(abortListeners(signal)).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('resolves false as soon as the signal aborts, clearing its timer', async () => {
    const controller = new AbortController();
    const cleared = vi.spyOn(globalThis, 'clearTimeout');
    const waited = promiseState(delay(10_000, { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(10);
    expect(waited.state).toBe('pending');
    controller.abort(new Error('stop'));
    await Promise.resolve();
    expect(waited).toEqual({ state: 'resolved', value: false });
    expect(cleared).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
    expect(abortListeners(controller.signal)).toBe(0);
  });

  it('resolves false at once on a signal that has already aborted, setting no timer and adding no listener', async () => {
    const controller = new AbortController();
    controller.abort();
    const added = vi.spyOn(controller.signal, 'addEventListener');
    const waited = promiseState(delay(10_000, { signal: controller.signal }));
    expect(vi.getTimerCount()).toBe(0);
    await Promise.resolve();
    expect(waited).toEqual({ state: 'resolved', value: false });
    expect(added).not.toHaveBeenCalled();
  });

  it('resolves true at once, without a timer, when there is no wait', async () => {
    const waits = [0, -5, Number.NaN].map((ms) => promiseState(delay(ms)));
    expect(vi.getTimerCount()).toBe(0);
    await Promise.resolve();
    expect(waits.map((waited) => waited.value)).toEqual([true, true, true]);
  });

  it('without a signal, waits the whole time', async () => {
    const waited = promiseState(delay(1_000));
    await vi.advanceTimersByTimeAsync(999);
    expect(waited.state).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(waited.value).toBe(true);
  });

  it('ends every wait sharing a signal with one listener on it', async () => {
    const controller = new AbortController();
    const waits = [100, 200, 300].map((ms) => promiseState(delay(ms, { signal: controller.signal })));
    expect(abortListeners(controller.signal)).toBe(1);
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    await Promise.resolve();
    expect(waits.map((waited) => waited.value)).toEqual([true, false, false]);
    expect(vi.getTimerCount()).toBe(0);
    expect(abortListeners(controller.signal)).toBe(0);
  });

  it('keeps the process alive while it waits, unless ref is false', () => {
    const kept = nextTimer();
    void delay(50);
    expect(kept().hasRef()).toBe(true);
    vi.restoreAllMocks();
    const loose = nextTimer();
    void delay(50, { ref: false });
    expect(loose().hasRef()).toBe(false);
  });
});
