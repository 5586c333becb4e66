import { AbortError, ProviderError } from '@rivulet/core';
import type { RecordedRequest } from '../mock-server/recorded-request.js';
import type { EmbeddingConformanceHarness } from './embedding-conformance-harness.js';
import { batchLimit, sampleTexts, untilRequests } from './embedding-conformance-helpers.js';
import { vitest } from './vitest-api.js';

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Ending `embedMany` early, by an abort or by one batch failing for good, closes every connection still open and starts no further call. */
export function embeddingCancellationScenarios<Request extends RecordedRequest>(harness: EmbeddingConformanceHarness<Request>): void {
  const { it, expect } = vitest();

  it('aborting embedMany ends with AbortError, closes every socket in flight, and starts no further call', async () => {
    const { model, server } = await harness.start({ headersDelayMs: 5_000 });
    const texts = sampleTexts(2 * batchLimit(model) + 1);
    // All three calls at once, unless the provider takes one at a time.
    const inFlight = model.provider.supportsParallelCalls === false ? 1 : 3;
    const controller = new AbortController();
    const outcome = model.embedMany(texts, { signal: controller.signal, maxParallelCalls: 3 }).catch((e: unknown) => e);
    await untilRequests(server, inFlight);
    controller.abort();
    expect(AbortError.isInstance(await outcome)).toBe(true);
    await Promise.all(server.requests.map((request) => request.settled));
    // A further batch started by mistake would arrive within this pause.
    await pause(50);
    expect(server.requests).toHaveLength(inFlight);
    expect(server.requests.map((request) => request.closedEarly)).toEqual(Array.from({ length: inFlight }, () => true));
  });

  it('a batch that fails for good fails embedMany with its error and closes the sockets of the other batches', async () => {
    // The first call to arrive is refused; the others hang until their client leaves.
    const { model, server } = await harness.start([{ status: 400, errorMessage: 'text 3 is too long' }, { headersDelayMs: 5_000 }, { headersDelayMs: 5_000 }]);
    const texts = sampleTexts(2 * batchLimit(model) + 1);
    const error = await model.embedMany(texts, { maxParallelCalls: 3 }).catch((e: unknown) => e);
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 400, retryable: false });
    await Promise.all(server.requests.map((request) => request.settled));
    await pause(50);
    const others = server.requests.filter((request) => request.status !== 400);
    expect(server.requests.length - others.length).toBe(1);
    expect(others.map((request) => request.closedEarly)).toEqual(others.map(() => true));
  });
}
