import { nextTurn } from '@rivulet/test-kit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { delta, items, keyed, snapshot, type Aggregation } from '@rivulet/core';
import { fakeRunnable } from '@rivulet/core/testing';

// Virtual time, moved on to the next timer whenever the test waits; the consumer's turns (`nextTurn`) stay real.
beforeEach(() => void vi.useFakeTimers().setTimerTickMode('nextTimerAsync'));
afterEach(() => void vi.useRealTimers());

async function slowly<T>(stream: AsyncIterable<T>, reads: T[] = []): Promise<T[]> {
  for await (const chunk of stream) {
    reads.push(chunk);
    await nextTurn();
  }
  return reads;
}

describe('a consumer slower than its producer', () => {
  it('sees the latest snapshot, never a queue of stale ones', async () => {
    // 20,000 snapshots, each a fresh array: kept, they would hold 200 million elements.
    const snapshots = Array.from({ length: 20_000 }, (_, i) => i);
    const growing = fakeRunnable(snapshots, { aggregate: 'snapshot' }).pipe((n: number) => n);
    const fresh = fakeRunnable(snapshots, { aggregate: 'snapshot' });
    const reads = await slowly(fresh.stream('x'));
    expect(reads).toEqual([19_999]);
    expect(await growing.invoke('x')).toBe(19_999);
  });

  it('sees text deltas joined, losing no character', async () => {
    const pieces = Array.from({ length: 5_000 }, (_, i) => String(i % 10));
    const reads = await slowly(fakeRunnable(pieces, { delayMs: 0 }).stream('x'));
    expect(reads.join('')).toBe(pieces.join(''));
    expect(reads.length).toBeLessThan(3);
  });

  it('keeps items apart: each is one element the consumer asked for', async () => {
    const reads = await slowly(fakeRunnable([1, 2, 3], { aggregate: items<number>() }).stream('x'));
    expect(reads).toEqual([1, 2, 3]);
  });

  it('merges keyed chunks key by key, each by its own rule', async () => {
    const rule: Aggregation = keyed({ text: delta<string>(), plan: snapshot<object>() });
    const chunks = [{ text: 'He' }, { plan: { a: 1 } }, { text: 'llo' }, { plan: { a: 2 } }];
    const reads = await slowly(fakeRunnable<Record<string, unknown>>(chunks, { aggregate: rule }).stream('x'));
    expect(reads).toEqual([{ text: 'Hello', plan: { a: 2 } }]);
  });

  it('reads every chunk when it keeps up, as subscribers always do', async () => {
    const reads = await slowly(fakeRunnable(['a', 'b', 'c'], { delayMs: 5 }).stream('x'));
    expect(reads).toEqual(['a', 'b', 'c']);
  });

  it('coalesces for a slow ReadableStream reader too', async () => {
    const reader = fakeRunnable(Array.from({ length: 1_000 }, (_, i) => i), { aggregate: 'snapshot' }).stream('x').toReadableStream().getReader();
    const reads: number[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      reads.push(r.value);
      await nextTurn();
    }
    expect(reads.at(-1)).toBe(999);
    expect(reads.length).toBeLessThan(3);
  });
});
