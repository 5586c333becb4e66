import { ProviderError } from '@rivulet/core';
import type { RecordedRequest } from '../mock-server/recorded-request.js';
import type { EmbeddingConformanceHarness } from './embedding-conformance-harness.js';
import { vitest } from './vitest-api.js';

/**
 * Failures of one call: each a typed Rivulet error, retried only when
 * sending the same texts again can help; bad answers classified truthfully.
 */
export function embeddingFaultScenarios<Request extends RecordedRequest>(harness: EmbeddingConformanceHarness<Request>): void {
  const { it, expect } = vitest();

  it('a 429 with Retry-After is retried after at least the wait, and then succeeds', async () => {
    const { model, server } = await harness.start([{ status: 429, retryAfterMs: 150, errorMessage: 'slow down' }, {}]);
    const started = performance.now();
    const vector = await model.embed('a fjord');
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(vector.length).toBeGreaterThan(0);
    expect(server.requests).toHaveLength(2);
  });

  it('gives up after maxRetries with the last ProviderError', async () => {
    const { model, server } = await harness.start({ status: 503 }, { maxRetries: 1 });
    const error = await model.embed('a fjord').catch((e: unknown) => e);
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 503, retryable: true });
    expect(server.requests).toHaveLength(2);
  });

  it('a 400 is a final ProviderError with its status and message, not retried', async () => {
    const { model, server } = await harness.start({ status: 400, errorMessage: 'input is too long for this model' });
    const error = await model.embed('a fjord').catch((e: unknown) => e);
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 400, retryable: false });
    expect((error as ProviderError).message).toContain('input is too long for this model');
    harness.expectNoSecret(error);
    expect(server.requests).toHaveLength(1);
  });

  it('a connection dropped before the headers is connection_error, a torn body connection_reset; both retryable and retried', async () => {
    const once = { maxRetries: 0 };
    const before = await (await harness.start({ dropBeforeHeaders: true }, once)).model.embed('a fjord').catch((e: unknown) => e);
    expect(ProviderError.isInstance(before)).toBe(true);
    expect(before).toMatchObject({ code: 'connection_error', retryable: true });
    harness.expectNoSecret(before);
    const torn = await (await harness.start({ dropAfterHeaders: true }, once)).model.embed('a fjord').catch((e: unknown) => e);
    expect(ProviderError.isInstance(torn)).toBe(true);
    expect(torn).toMatchObject({ code: 'connection_reset', retryable: true });
    harness.expectNoSecret(torn);
    const { model, server } = await harness.start([{ dropBeforeHeaders: true }, { dropAfterHeaders: true }, {}]);
    expect((await model.embed('a fjord')).length).toBeGreaterThan(0);
    expect(server.requests).toHaveLength(3);
  });

  it('an answer with one vector too few is ProviderError malformed_event, not retryable, and not retried', async () => {
    const { model, server } = await harness.start({ wrongCount: true });
    const error = await model.embedMany(['a fjord', 'a glacier', 'a moraine']).catch((e: unknown) => e);
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'malformed_event', retryable: false });
    harness.expectNoSecret(error);
    expect(server.requests).toHaveLength(1);
  });

  it('a 200 text/html page instead of the answer is ProviderError unexpected_content_type, not retryable', async () => {
    const { model, server } = await harness.start({ htmlPage: '<html><body>Please sign in</body></html>' });
    const error = await model.embed('a fjord').catch((e: unknown) => e);
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'unexpected_content_type', retryable: false, status: 200 });
    expect(server.requests).toHaveLength(1);
  });
}
