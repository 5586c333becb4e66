import { fakeRunnable } from '@rivulet/core/testing';
import { describe, expect, it } from 'vitest';
import { jsonParser } from '@rivulet/parsers';
import { heapAfterGc, pause } from '@rivulet/test-kit';

describe('a slow for-await consumer of a synchronous snapshot producer', () => {
  it('retains under 2× the final value, however many snapshots were produced', async () => {
    const items = Array.from({ length: 20_000 }, (_, id) => ({ id, name: `item ${id}`, done: id % 2 === 0 }));
    const text = JSON.stringify({ items });
    // One chunk per element: about 20,000 changes for the snapshot layer.
    const chunks = text.split('},').map((piece, i, all) => (i < all.length - 1 ? `${piece}},` : piece));
    const baseline = await heapAfterGc();
    const finalValue: unknown = JSON.parse(text);
    const finalSize = (await heapAfterGc()) - baseline;

    const chain = fakeRunnable(chunks).pipe(jsonParser());
    let retained = 0;
    let reads = 0;
    let last: unknown;
    for await (const snapshot of chain.stream('x')) {
      // The producer ran to its end before the first read: whatever waits for this loop is on the heap now.
      if (reads++ === 0) retained = (await heapAfterGc()) - baseline - finalSize;
      last = snapshot;
      await pause(1);
    }
    expect(last).toEqual(finalValue);
    console.log(`[stress:slow-consumer] ${chunks.length} chunks, ${reads} reads, final value ${(finalSize / 2 ** 20).toFixed(1)} MiB, retained while reading ${(retained / 2 ** 20).toFixed(1)} MiB`);
    expect(retained).toBeLessThan(2 * finalSize);
  });

  it('holds a final value under twice as heavy as JSON.parse makes it (closed arrays carry no spare capacity)', async () => {
    // Many small arrays: grown by push, a 2-element array holds 17 slots unless it is trimmed when it closes.
    const items = Array.from({ length: 20_000 }, (_, id) => ({ id, name: `item ${id}`, tags: [`t${id % 7}`, `u${id % 11}`] }));
    const text = JSON.stringify({ items });
    const chunks = text.split('},').map((piece, i, all) => (i < all.length - 1 ? `${piece}},` : piece));
    const baseline = await heapAfterGc();
    let held: unknown = JSON.parse(text);
    const parsedSize = (await heapAfterGc()) - baseline;
    held = undefined;
    const emptied = await heapAfterGc();
    for await (const snapshot of fakeRunnable(chunks).pipe(jsonParser()).stream('x')) held = snapshot;
    const snapshotSize = (await heapAfterGc()) - emptied;
    expect(held).toEqual(JSON.parse(text));
    console.log(`[stress:slow-consumer] final snapshot ${(snapshotSize / 2 ** 20).toFixed(2)} MiB, JSON.parse ${(parsedSize / 2 ** 20).toFixed(2)} MiB`);
    expect(snapshotSize).toBeLessThan(2 * parsedSize);
  });
});
