import { AbortError, TimeoutError } from '@rivulet/core';
import type { ConformanceHarness } from './conformance-harness.js';
import { vitest } from './vitest-api.js';

const slowReply = { text: 'a long answer streamed slowly', chunkSize: 2, delayMs: 20 } as const;

/** Stalls, aborts and early exits: each ends the request and closes its socket. */
export function cancellationScenarios(harness: ConformanceHarness): void {
  const { it, expect } = vitest();

  it('a stall longer than idleTimeout is an idle TimeoutError, and the socket is closed', async () => {
    const { model, server } = await harness.start({ text: 'slow stream', stallAfterChunks: 1 }, { idleTimeout: 100, maxRetries: 0 });
    const error = await model.invoke('x').catch((e: unknown) => e);
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect((error as TimeoutError).kind).toBe('idle');
    await server.requests[0]?.socketClosed;
    expect(server.requests[0]?.closedEarly).toBe(true);
  });

  it('aborting the signal mid-stream ends with AbortError and closes the connection', async () => {
    const { model, server } = await harness.start(slowReply);
    const controller = new AbortController();
    let seen = '';
    const outcome = (async () => {
      for await (const chunk of model.stream('x', { signal: controller.signal })) {
        seen += chunk.content;
        if (seen.length >= 4) controller.abort();
      }
    })();
    await expect(outcome).rejects.toSatisfy(AbortError.isInstance);
    await server.requests[0]?.settled;
    expect(server.requests[0]?.closedEarly).toBe(true);
  });

  it('breaking out of for await closes the connection', async () => {
    const { model, server } = await harness.start(slowReply);
    for await (const chunk of model.stream('x')) {
      if (chunk.content) break;
    }
    await server.requests[0]?.socketClosed;
    expect(server.requests[0]?.closedEarly).toBe(true);
  });

  it('aborting before the response headers arrive ends with AbortError', async () => {
    const { model, server } = await harness.start({ text: 'late', headersDelayMs: 5_000 });
    const controller = new AbortController();
    const outcome = model.invoke('x', { signal: controller.signal }).catch((e: unknown) => e);
    // Abort once the server holds the request: a fixed timer can fire before it arrives on a loaded machine.
    while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    expect(AbortError.isInstance(await outcome)).toBe(true);
    await server.requests[0]?.settled;
    expect(server.requests[0]?.closedEarly).toBe(true);
  });
}
