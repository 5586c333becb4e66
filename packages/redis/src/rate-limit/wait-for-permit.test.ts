import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AbortError } from '@rivulet/core';
import type { RateCost } from '@rivulet/models';
import type { Budget, Reservation } from './shared-budget.js';
import { waitForPermit } from './wait-for-permit.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const cost: RateCost = { requests: 1, tokens: 10 };

/** A budget whose answers the test scripts, recording what it was asked. */
function scriptedBudget(reserve: Reservation, confirms: Reservation[] = []) {
  const calls: string[] = [];
  let release: (() => void) | undefined;
  const budget: Budget & { calls: string[]; holdReserve(): void; releaseReserve(): void } = {
    calls,
    reserve: async () => {
      calls.push('reserve');
      if (release !== undefined) await new Promise<void>((resolve) => (release = resolve));
      return reserve;
    },
    confirm: (_cost, reservation) => {
      calls.push(`confirm epoch ${reservation.epoch}`);
      return Promise.resolve(confirms.shift() ?? { waitMs: 0, epoch: reservation.epoch });
    },
    refund: () => {
      calls.push('refund');
      return Promise.resolve();
    },
    holdReserve: () => (release = () => undefined),
    releaseReserve: () => release?.(),
  };
  return budget;
}

/** Tracks a promise's outcome without awaiting it. */
function track<T>(promise: Promise<T>) {
  const state: { settled: boolean; error?: unknown } = { settled: false };
  promise.then(
    () => (state.settled = true),
    (error: unknown) => Object.assign(state, { settled: true, error }),
  );
  return state;
}

describe('waitForPermit', () => {
  it('goes at once when the budget has room, with no timer', async () => {
    const budget = scriptedBudget({ waitMs: 0, epoch: 0 });
    await waitForPermit(budget, cost);
    expect(budget.calls).toEqual(['reserve']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('sleeps exactly the wait it was told, then confirms', async () => {
    const budget = scriptedBudget({ waitMs: 1_000, epoch: 3 });
    const state = track(waitForPermit(budget, cost));
    await vi.advanceTimersByTimeAsync(999);
    expect(state.settled).toBe(false);
    expect(budget.calls).toEqual(['reserve']);
    await vi.advanceTimersByTimeAsync(1);
    expect(state).toEqual({ settled: true });
    expect(budget.calls).toEqual(['reserve', 'confirm epoch 3']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('waits again when a 429 moved its reservation back meanwhile', async () => {
    const budget = scriptedBudget({ waitMs: 1_000, epoch: 0 }, [{ waitMs: 2_500, epoch: 1 }]);
    const state = track(waitForPermit(budget, cost));
    await vi.advanceTimersByTimeAsync(3_499);
    expect(state.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.settled).toBe(true);
    expect(budget.calls).toEqual(['reserve', 'confirm epoch 0', 'confirm epoch 1']);
  });

  it('rounds a fractional wait up, never granting early', async () => {
    const budget = scriptedBudget({ waitMs: 10.2, epoch: 0 });
    const state = track(waitForPermit(budget, cost));
    await vi.advanceTimersByTimeAsync(10);
    expect(state.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.settled).toBe(true);
  });

  it('an abort while sleeping rejects with AbortError at once, gives the reservation back and leaves no timer or listener', async () => {
    const budget = scriptedBudget({ waitMs: 60_000, epoch: 0 });
    const controller = new AbortController();
    const added = vi.spyOn(controller.signal, 'addEventListener');
    const removed = vi.spyOn(controller.signal, 'removeEventListener');
    const state = track(waitForPermit(budget, cost, controller.signal));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(vi.getTimerCount()).toBe(1);
    controller.abort(new Error('user left'));
    await vi.advanceTimersByTimeAsync(0);
    expect(state.settled).toBe(true);
    expect(AbortError.isInstance(state.error)).toBe(true);
    expect((state.error as AbortError).cause).toEqual(new Error('user left'));
    expect(budget.calls).toEqual(['reserve', 'refund']);
    expect(vi.getTimerCount()).toBe(0);
    // The only listener was added with { once: true } and ran; none is left to remove.
    expect(added).toHaveBeenCalledTimes(1);
    expect(removed).toHaveBeenCalledTimes(0);
  });

  it('removes its abort listener when the wait ends normally', async () => {
    const budget = scriptedBudget({ waitMs: 100, epoch: 0 });
    const controller = new AbortController();
    const added = vi.spyOn(controller.signal, 'addEventListener');
    const removed = vi.spyOn(controller.signal, 'removeEventListener');
    const done = waitForPermit(budget, cost, controller.signal);
    await vi.advanceTimersByTimeAsync(100);
    await done;
    expect(removed.mock.calls.map((call) => call[1])).toEqual(added.mock.calls.map((call) => call[1]));
  });

  it('gives back a reservation granted just after the signal aborted', async () => {
    const budget = scriptedBudget({ waitMs: 0, epoch: 0 });
    budget.holdReserve();
    const controller = new AbortController();
    const state = track(waitForPermit(budget, cost, controller.signal));
    await vi.advanceTimersByTimeAsync(0);
    controller.abort();
    budget.releaseReserve();
    await vi.advanceTimersByTimeAsync(0);
    expect(AbortError.isInstance(state.error)).toBe(true);
    expect(budget.calls).toEqual(['reserve', 'refund']);
  });

  it('asks nothing of the budget when the signal is already aborted', async () => {
    const budget = scriptedBudget({ waitMs: 0, epoch: 0 });
    await expect(waitForPermit(budget, cost, AbortSignal.abort())).rejects.toSatisfy(AbortError.isInstance);
    expect(budget.calls).toEqual([]);
  });

  it('fails with the budget error when the budget cannot be reached', async () => {
    const budget = scriptedBudget({ waitMs: 0, epoch: 0 });
    budget.reserve = () => Promise.reject(new Error('Redis down'));
    await expect(waitForPermit(budget, cost)).rejects.toThrow('Redis down');
  });
});
