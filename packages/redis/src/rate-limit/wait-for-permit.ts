import { AbortError, delay } from '@rivulet/core';
import type { RateCost } from '@rivulet/models';
import type { Budget } from './shared-budget.js';

/**
 * Waits until `budget` lets a call of `cost` go: reserves, sleeps the wait
 * it was told (on one timer), confirms, and repeats if a 429 meanwhile moved
 * it back. Aborting `signal` at any point rejects with `AbortError` after the
 * reservation was given back, so an aborted wait takes nothing and leaves no
 * timer or listener behind.
 */
export async function waitForPermit(budget: Budget, cost: RateCost, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) throw aborted(signal);
  let reservation = await budget.reserve(cost);
  for (;;) {
    if (signal?.aborted) {
      await budget.refund(cost).catch(() => undefined);
      throw aborted(signal);
    }
    if (reservation.waitMs <= 0) return;
    if (!(await delay(Math.ceil(reservation.waitMs), { signal }))) continue;
    reservation = await budget.confirm(cost, reservation);
  }
}

function aborted(signal: AbortSignal): AbortError {
  return new AbortError('The run was aborted while waiting for rate capacity.', { cause: signal.reason });
}
