import { ProviderError, TruncatedStreamError, type AIMessageChunk } from '@rivulet/core';
import { settle } from '@rivulet/core/testing';
import { joinText } from './chunk-helpers.js';
import type { ConformanceHarness } from './conformance-harness.js';
import { vitest } from './vitest-api.js';

/**
 * Failures: each becomes a typed Rivulet error, retried only when sending the
 * same request again can help and nothing was streamed yet.
 */
export function faultScenarios(harness: ConformanceHarness): void {
  const { it, expect } = vitest();

  it('retries retryable statuses before the first chunk, waiting as Retry-After asks', async () => {
    const { model, server } = await harness.start([{ status: 429, retryAfterMs: 150 }, { status: 500 }, { text: 'finally' }]);
    const started = performance.now();
    expect((await model.invoke('x')).content).toBe('finally');
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(server.requests).toHaveLength(3);
  });

  it('gives up after maxRetries with the last ProviderError', async () => {
    const { model, server } = await harness.start({ status: 503 }, { maxRetries: 1 });
    const error = await model.invoke('x').catch((e: unknown) => e);
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 503, retryable: true });
    expect(server.requests).toHaveLength(2);
  });

  it('does not retry a final status, keeps status, code and request id, and never shows the API key', async () => {
    const { apiKey } = harness.target;
    const { model, server } = await harness.start({ status: 401, errorMessage: `Invalid API key: ${apiKey}` });
    const error = await model.invoke('x').catch((e: unknown) => e);
    expect(ProviderError.isInstance(error)).toBe(true);
    // A provider whose error bodies have no code must not make one up.
    const code = harness.target.errorCodes === false ? undefined : expect.any(String);
    expect(error).toMatchObject({ status: 401, retryable: false, code, requestId: expect.any(String) });
    harness.expectNoSecret(error);
    expect(server.requests).toHaveLength(1);
  });

  it('a mid-stream error event fails after the chunks before it, never retried', async () => {
    const { model, server } = await harness.start({ text: 'partial answer here', chunkSize: 4, errorEventAfterChunks: 2, errorMessage: 'server overloaded' });
    const { chunks, error } = await settle(model.stream('x'));
    expect(joinText(chunks)).toBe('partial ');
    expect(ProviderError.isInstance(error)).toBe(true);
    expect((error as ProviderError).message).toContain('server overloaded');
    harness.expectNoSecret(error);
    expect(server.requests).toHaveLength(1);
  });

  it('a stream that ends before the model finished is a TruncatedStreamError carrying the partial reply', async () => {
    const { model } = await harness.start({ text: 'cut off mid', truncate: true }, { maxRetries: 0 });
    const error = await model.invoke('x').catch((e: unknown) => e);
    expect(TruncatedStreamError.isInstance(error)).toBe(true);
    expect(((error as TruncatedStreamError).partial as AIMessageChunk).content).toBe('cut off mid');
  });

  it('a reset connection is a retryable ProviderError (connection_reset), never a raw TypeError', async () => {
    const text = 'some text that will drop';
    const { model } = await harness.start({ text, chunkSize: 4, dropAfterChunks: 2 }, { maxRetries: 0 });
    const { chunks, error } = await settle(model.stream('x'));
    expect(text.startsWith(joinText(chunks))).toBe(true);
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'connection_reset', retryable: true });
    harness.expectNoSecret(error);
  });

  it('a malformed event is a ProviderError (malformed_event)', async () => {
    const { model } = await harness.start({ text: 'abc def', malformedAfterChunks: 1 }, { maxRetries: 0 });
    const error = await model.invoke('x').catch((e: unknown) => e);
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'malformed_event' });
    harness.expectNoSecret(error);
  });
}
