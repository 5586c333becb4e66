import { getEventListeners } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { promiseState, sleep } from './index.js';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('sleep', () => {
  it('resolves after exactly `ms` of the clock in force, leaving no timer or listener', async () => {
    const controller = new AbortController();
    const short = promiseState(sleep(10, controller.signal));
    const long = promiseState(sleep(30, controller.signal));
    await vi.advanceTimersByTimeAsync(9);
    expect([short.state, long.state]).toEqual(['pending', 'pending']);
    await vi.advanceTimersByTimeAsync(1);
    expect([short.state, long.state]).toEqual(['resolved', 'pending']);
    await vi.advanceTimersByTimeAsync(20);
    expect(long.state).toBe('resolved');
    expect(vi.getTimerCount()).toBe(0);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('rejects with the reason as soon as the signal aborts, clearing its timer', async () => {
    const controller = new AbortController();
    const slept = promiseState(sleep(10_000, controller.signal));
    await vi.advanceTimersByTimeAsync(10);
    controller.abort(new Error('user left'));
    await vi.advanceTimersByTimeAsync(0);
    expect(slept).toMatchObject({ state: 'rejected', reason: new Error('user left') });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects at once on an aborted signal, setting no timer', async () => {
    const slept = promiseState(sleep(10_000, AbortSignal.abort(new Error('gone'))));
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(slept).toMatchObject({ state: 'rejected', reason: new Error('gone') });
  });

  it('without a signal, just waits', async () => {
    const slept = promiseState(sleep(5));
    await vi.advanceTimersByTimeAsync(5);
    expect(slept.state).toBe('resolved');
  });
});
