import { ProviderError } from '@rivulet/core';
import type { ConformanceHarness } from './conformance-harness.js';
import { vitest } from './vitest-api.js';

/**
 * Bad wire input, classified truthfully: an event of the wrong shape is
 * `malformed_event` (never a `TypeError`, never retried), a keep-alive
 * without data is skipped, a page that is not the stream asked for is
 * `unexpected_content_type`.
 */
export function wireScenarios(harness: ConformanceHarness): void {
  const { it, expect } = vitest();
  const wire = harness.target.wire ?? 'sse';

  it('an event of the wrong shape ({"foo":1}) is ProviderError malformed_event, not retryable, and not retried', async () => {
    const { model, server } = await harness.start({ text: 'abc def', wrongShapeAfterChunks: 0 });
    const error = await model.invoke('x').catch((e: unknown) => e);
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'malformed_event', retryable: false });
    harness.expectNoSecret(error);
    // Nothing was streamed before it, so only `retryable: false` kept the default retries from sending it again.
    expect(server.requests).toHaveLength(1);
  });

  it('an event of the wrong shape mid-stream fails after the chunks before it', async () => {
    const { model } = await harness.start({ text: 'abcdefgh', chunkSize: 4, wrongShapeAfterChunks: 1 }, { maxRetries: 0 });
    const chunks: string[] = [];
    const error = await (async () => {
      for await (const chunk of model.stream('x')) chunks.push(chunk.content);
    })().catch((e: unknown) => e);
    expect(chunks.join('')).toBe('abcd');
    expect(error).toMatchObject({ name: 'ProviderError', code: 'malformed_event', retryable: false });
  });

  const keepAlive = wire === 'sse' ? 'a keep-alive event without data (event: ping)' : 'a blank keep-alive line between records';
  it(`${keepAlive} is ignored and the reply completes`, async () => {
    const { model, server } = await harness.start({ text: 'still here', chunkSize: 3, keepAliveAfterChunks: [0, 1, 2, 4] }, { maxRetries: 0 });
    const reply = await model.invoke('x');
    expect(reply).toMatchObject({ content: 'still here', finishReason: 'stop' });
    expect(server.requests).toHaveLength(1);
  });

  it('a 200 text/html page instead of the stream is ProviderError unexpected_content_type, not retryable', async () => {
    const { model, server } = await harness.start({ htmlPage: '<html><body>Please sign in</body></html>' });
    const error = await model.invoke('x').catch((e: unknown) => e);
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'unexpected_content_type', retryable: false, status: 200 });
    expect(server.requests).toHaveLength(1);
  });
}
