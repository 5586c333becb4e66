import { abortListeners, promiseState } from '@rivulet/test-kit';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { sleep } from './sleep.js';
import { stall } from './stall.js';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('sleep', () => {
  test('resolves after exactly the given time, leaving no timer or listener', async () => {
    const signal = new AbortController().signal;
    const slept = promiseState(sleep(30, signal));
    await vi.advanceTimersByTimeAsync(29);
    expect(slept.state).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(slept.state).toBe('resolved');
    expect(vi.getTimerCount()).toBe(0);
    expect(abortListeners(signal)).toBe(0);
  });

  test('resolves early, without rejecting, when the signal aborts, and clears its timer', async () => {
    const controller = new AbortController();
    const slept = promiseState(sleep(10_000, controller.signal));
    await vi.advanceTimersByTimeAsync(10);
    expect(slept.state).toBe('pending');
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(slept.state).toBe('resolved');
    expect(vi.getTimerCount()).toBe(0);
  });

  test('resolves at once on an aborted signal, setting no timer', async () => {
    const controller = new AbortController();
    controller.abort();
    const slept = promiseState(sleep(10_000, controller.signal));
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(slept.state).toBe('resolved');
  });
});

describe('stall', () => {
  test('without a duration, waits until the signal aborts, however long', async () => {
    const controller = new AbortController();
    const stalled = promiseState(stall(undefined, controller.signal));
    await vi.advanceTimersByTimeAsync(24 * 60 * 60 * 1000);
    expect(stalled.state).toBe('pending');
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(stalled.state).toBe('resolved');
  });

  test('with a duration, behaves like sleep', async () => {
    const stalled = promiseState(stall(20, new AbortController().signal));
    await vi.advanceTimersByTimeAsync(19);
    expect(stalled.state).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(stalled.state).toBe('resolved');
  });
});
