import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eventually, nextTurn, pause, settleWithin, trackTimers, waitFor } from './index.js';

// The test's own waits run on the real clock: fake timers, frozen here, must not hold them.
beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('the real clock under fake timers', () => {
  it('pause resolves though virtual time never moves, on a timer the tracker does not count', async () => {
    const timers = trackTimers();
    try {
      const paused = pause(1);
      expect(timers.peak()).toBe(0);
      await paused;
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      timers.restore();
    }
  });

  it('nextTurn comes after every queued promise job', async () => {
    const order: string[] = [];
    const turn = nextTurn().then(() => order.push('turn'));
    void Promise.resolve()
      .then(() => undefined)
      .then(() => order.push('jobs'));
    await turn;
    expect(order).toEqual(['jobs', 'turn']);
  });

  it('waitFor is true once the check holds, false when the deadline passed first', async () => {
    let calls = 0;
    expect(await waitFor(() => ++calls === 3, 5_000)).toBe(true);
    expect(calls).toBe(3);
    expect(await waitFor(() => false, 5)).toBe(false);
  });

  it('waitFor runs its step between two checks', async () => {
    const steps: number[] = [];
    let checks = 0;
    expect(await waitFor(() => ++checks === 3, 5_000, async () => void steps.push(checks))).toBe(true);
    expect(steps).toEqual([1, 2]);
  });

  it('eventually resolves once the check holds, and fails naming what it waited for', async () => {
    let ready = false;
    void pause(2).then(() => (ready = true));
    await eventually(() => ready, 'the flag');
    await expect(eventually(() => false, 'the socket to close', 5)).rejects.toThrow('Gave up after 5 ms waiting for the socket to close.');
  });

  it('settleWithin reports how a promise ended, or that it is still pending, and never rejects', async () => {
    expect(await settleWithin(Promise.resolve(1), 1_000)).toEqual({ state: 'resolved', value: 1 });
    expect(await settleWithin(Promise.reject(new Error('no')), 1_000)).toEqual({ state: 'rejected', error: new Error('no') });
    expect(await settleWithin(new Promise(() => undefined), 1)).toEqual({ state: 'pending' });
  });
});
