import { getEventListeners } from 'node:events';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { sleep } from './sleep.js';
import { stall } from './stall.js';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

/** Tracks whether a promise has settled, to check it at a given virtual time. */
function track(promise: Promise<void>): { readonly done: boolean } {
  const state = { done: false };
  void promise.then(() => (state.done = true));
  return state;
}

describe('sleep', () => {
  test('resolves after exactly the given time, leaving no timer or listener', async () => {
    const signal = new AbortController().signal;
    const slept = track(sleep(30, signal));
    await vi.advanceTimersByTimeAsync(29);
    expect(slept.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(slept.done).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
  });

  test('resolves early, without rejecting, when the signal aborts, and clears its timer', async () => {
    const controller = new AbortController();
    const slept = track(sleep(10_000, controller.signal));
    await vi.advanceTimersByTimeAsync(10);
    expect(slept.done).toBe(false);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(slept.done).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  test('resolves at once on an aborted signal, setting no timer', async () => {
    const controller = new AbortController();
    controller.abort();
    const slept = track(sleep(10_000, controller.signal));
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(slept.done).toBe(true);
  });
});

describe('stall', () => {
  test('without a duration, waits until the signal aborts, however long', async () => {
    const controller = new AbortController();
    const stalled = track(stall(undefined, controller.signal));
    await vi.advanceTimersByTimeAsync(24 * 60 * 60 * 1000);
    expect(stalled.done).toBe(false);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(stalled.done).toBe(true);
  });

  test('with a duration, behaves like sleep', async () => {
    const stalled = track(stall(20, new AbortController().signal));
    await vi.advanceTimersByTimeAsync(19);
    expect(stalled.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(stalled.done).toBe(true);
  });
});
