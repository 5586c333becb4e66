import { InputError, lambda } from '@rivulet/core';
import { fakeRunnable } from '@rivulet/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createHandler } from '../index.js';
import { post } from '../test-support/sse-text.js';
import { abortListeners, nextTurn, watchProcess } from '@rivulet/test-kit';

const url = 'http://localhost/api/double/batch';

/** A runnable that doubles its input a turn of the event loop later, counting the runs in flight. */
function counted() {
  const stats = { inFlight: 0, peak: 0, runs: 0 };
  const runnable = lambda(async (x: number) => {
    stats.runs++;
    stats.peak = Math.max(stats.peak, ++stats.inFlight);
    await nextTurn();
    stats.inFlight--;
    return x * 2;
  });
  return { runnable, stats };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

afterEach(() => {
  vi.useRealTimers();
});

describe('createHandler bounds what one batch request costs', () => {
  it('answers a batch over maxBatchSize (100 by default) with 413 before validating or running any input', async () => {
    const { runnable, stats } = counted();
    let validated = 0;
    const schema = z.number().transform((n) => (validated++, n));
    const handler = createHandler(runnable, { inputSchema: schema });
    const refused = await handler(post(url, { inputs: range(101) }));
    expect(refused.status).toBe(413);
    expect((await refused.json()).error).toEqual({ name: 'InputError', message: 'The batch has 101 inputs; this server takes at most 100 per request.' });
    expect([validated, stats.runs]).toEqual([0, 0]);
    const taken = await handler(post(url, { inputs: range(100) }));
    expect(await taken.json()).toEqual({ outputs: range(100).map((x) => x * 2) });
    expect([validated, stats.runs]).toEqual([100, 100]);
    const small = createHandler(runnable, { maxBatchSize: 2 });
    expect((await small(post(url, { inputs: range(3) }))).status).toBe(413);
  });

  it('runs at most maxConcurrency inputs at once: 8 by default', async () => {
    for (const [maxConcurrency, expected] of [[undefined, 8], [3, 3], [1, 1]] as const) {
      const { runnable, stats } = counted();
      const response = await createHandler(runnable, maxConcurrency === undefined ? {} : { maxConcurrency })(post(url, { inputs: range(50) }));
      expect(await response.json()).toEqual({ outputs: range(50).map((x) => x * 2) });
      expect([maxConcurrency, stats.peak]).toEqual([maxConcurrency, expected]);
    }
  });

  it('puts one abort listener on the request’s signal and prints no warning, for 1,000 inputs all in flight at once', async () => {
    const watch = watchProcess();
    try {
      let listeners = 0;
      const request = post(url, { inputs: range(1000) });
      const handler = createHandler(
        lambda(async (x: number) => {
          listeners = Math.max(listeners, abortListeners(request.signal));
          await nextTurn();
          return x + 1;
        }),
        { maxBatchSize: 1000, maxConcurrency: 1000 },
      );
      const response = await handler(request);
      expect(((await response.json()) as { outputs: number[] }).outputs).toEqual(range(1000).map((x) => x + 1));
      expect(listeners).toBe(1);
      expect(abortListeners(request.signal)).toBe(0);
      await nextTurn(); // warnings are emitted on the next tick
      expect(watch.warnings).toEqual([]);
    } finally {
      watch.stop();
    }
  });

  it('cancels every run in flight, and starts no more, when the client disconnects', async () => {
    vi.useFakeTimers();
    const slow = fakeRunnable(['x'], { delayMs: 1000 });
    const client = new AbortController();
    const pending = createHandler(slow, { maxConcurrency: 4 })(post(url, { inputs: range(20) }, { signal: client.signal }));
    await vi.advanceTimersByTimeAsync(1500); // a first round done, the second in flight
    expect([slow.inputs.length, slow.active]).toEqual([8, 4]);
    client.abort();
    const response = await pending;
    expect(response.status).toBe(499);
    expect((await response.json()).error.name).toBe('AbortError');
    expect([slow.cancelled, slow.active]).toEqual([4, 0]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(slow.inputs).toHaveLength(8);
  });

  it('fails the batch with its first failure and cancels the runs still in flight', async () => {
    vi.useFakeTimers();
    const slow = fakeRunnable(['x'], { delayMs: 1000 });
    const runnable = lambda((x: number) => x).pipe(
      lambda((x: number) => {
        if (x === 2) throw new InputError('Input 2 is odd.');
        return x;
      }),
    ).pipe(slow);
    const pending = createHandler(runnable, { maxConcurrency: 4 })(post(url, { inputs: range(10) }));
    await vi.advanceTimersByTimeAsync(0);
    const response = await pending;
    expect(response.status).toBe(400);
    expect((await response.json()).error).toEqual({ name: 'InputError', message: 'Input 2 is odd.' });
    // Input 2 fails as it starts: the two runs before it are cancelled, and input 3 never starts.
    expect([slow.cancelled, slow.active, slow.inputs]).toEqual([2, 0, [0, 1]]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(slow.inputs).toEqual([0, 1]);
  });
});
