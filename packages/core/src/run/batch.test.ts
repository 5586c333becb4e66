import { sleep } from '@rivulet/test-kit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lambda } from '@rivulet/core';
import { collect } from '@rivulet/core/testing';

// Virtual time: the runs' waits are timers that the tests run to the end at once.
beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

/** Settles `promise` by running every timer it waits on. */
async function settled<T>(promise: Promise<T>): Promise<T> {
  await vi.runAllTimersAsync();
  return promise;
}

describe('batch', () => {
  it('keeps the order of the inputs whatever order runs finish in', async () => {
    const slowFirst = lambda(async (n: number) => (await sleep(n), n * 10));
    expect(await settled(slowFirst.batch([30, 1, 10]))).toEqual([300, 10, 100]);
  });

  it('keeps at most maxConcurrency runs in flight', async () => {
    let active = 0;
    let peak = 0;
    const tracked = lambda(async (n: number) => {
      peak = Math.max(peak, ++active);
      await sleep(2);
      active--;
      return n;
    });
    expect(await settled(tracked.batch([1, 2, 3, 4, 5, 6, 7], { maxConcurrency: 2 }))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(peak).toBe(2);
  });

  it('rejects with the first error, or returns errors in place with returnExceptions', async () => {
    const odd = lambda((n: number) => {
      if (n % 2) throw new Error(`odd ${n}`);
      return n;
    });
    await expect(odd.batch([2, 3, 4])).rejects.toThrow('odd 3');
    const results = await odd.batch([2, 3, 4], { returnExceptions: true });
    expect(results[0]).toBe(2);
    expect(results[1]).toEqual(new Error('odd 3'));
    expect(results[2]).toBe(4);
  });

  it('batchAsCompleted emits each outcome when its run completes', async () => {
    const chain = lambda(async (n: number) => {
      await sleep(n);
      if (n === 5) throw new Error('five');
      return n;
    });
    const results = await settled(collect(chain.batchAsCompleted([20, 1, 5])));
    expect(results.map((r) => r.index)).toEqual([1, 2, 0]);
    expect(results[0]).toEqual({ index: 1, output: 1 });
    expect(results[1]!.error).toEqual(new Error('five'));
  });
});
