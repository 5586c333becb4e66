import { eventually, passRetryWait, retryRecorder, timerFunctions } from '@rivulet/test-kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AbortError, InputError, ProviderError, TimeoutError, TruncatedStreamError, type AIMessageChunk } from '@rivulet/core';
import { settle } from '@rivulet/core/testing';
import { OpenAIResponsesModel } from './openai-responses-model.js';
import { testApiKey, useResponsesModel } from './test-support/use-responses-model.js';

const mock = useResponsesModel();
afterEach(() => void vi.useRealTimers());
const text = (chunks: readonly AIMessageChunk[]): string => chunks.map((chunk) => chunk.content).join('');

/** Fails when the key shows anywhere a user could see it. */
function expectMasked(error: unknown): void {
  for (const visible of [String(error), (error as Error).stack ?? '', JSON.stringify(error)]) expect(visible).not.toContain(testApiKey);
}

describe('OpenAIResponsesModel faults become typed errors', () => {
  it('401 is a ProviderError with status, code and request id, not retried, the echoed key masked everywhere', async () => {
    const model = await mock.model({ status: 401, error: { message: `Incorrect API key provided: ${testApiKey}`, code: 'invalid_api_key' } });
    const error = await model.invoke('x').catch((e: unknown) => e);
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 401, code: 'invalid_api_key', retryable: false, provider: 'openai', requestId: expect.stringMatching(/^req_/) });
    expect((error as Error).message).toContain('Incorrect API key provided: ***');
    expectMasked(error);
    expect(mock.server().requests).toHaveLength(1);
  });

  it('masks a key echoed in the error code and in the request-id header', async () => {
    const model = await mock.model({ status: 401, error: { code: testApiKey, type: testApiKey }, requestId: `req_${testApiKey}` });
    const error = await model.invoke('x').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: '***', requestId: 'req_***' });
    expectMasked(error);
  });

  it('429 with retry-after-ms and a 500 are retried before the first chunk, waiting as asked', async () => {
    // The model's waits in virtual time, its sockets real.
    vi.useFakeTimers({ toFake: [...timerFunctions] });
    const retries = retryRecorder();
    const model = await mock.model([{ status: 429, retryAfterMs: 80 }, { status: 500 }, { text: 'finally' }], { retry: { initialDelayMs: 1, onRetry: retries.onRetry } });
    const answer = model.invoke('x');
    expect(await passRetryWait(vi, retries, () => mock.server().requests.length)).toEqual({ waitMs: 80, requestsWhileWaiting: 1 });
    await vi.advanceTimersByTimeAsync(await retries.next());
    expect((await answer).content).toBe('finally');
    expect(mock.server().requests).toHaveLength(3);
  });

  it('a mid-stream error event fails after the chunks before it, with its code, never retried', async () => {
    // Four events precede the first text delta: created, in_progress, output_item.added, content_part.added.
    const model = await mock.model({ text: 'partial answer here', chunkSize: 4, errorEventAfterChunks: 6, error: { message: 'server overloaded', code: 'server_error' } });
    const { chunks, error } = await settle(model.stream('x'));
    expect(text(chunks)).toBe('partial ');
    expect(error).toMatchObject({ name: 'ProviderError', code: 'server_error', retryable: true, message: expect.stringContaining('server overloaded') });
    expect(mock.server().requests).toHaveLength(1);
  });

  it('a stream without its terminal event is a TruncatedStreamError carrying the partial reply', async () => {
    const model = await mock.model({ text: 'cut off mid', omitFinishReason: true }, { maxRetries: 0 });
    const error = await model.invoke('x').catch((e: unknown) => e);
    expect(TruncatedStreamError.isInstance(error)).toBe(true);
    expect(((error as TruncatedStreamError).partial as AIMessageChunk).content).toBe('cut off mid');
  });

  it('a reset, a malformed or wrong-shape event, a 200 JSON error body and an HTML page are typed errors', async () => {
    const cases = [
      [{ text: 'some text that will drop', dropAfterChunks: 6 }, { code: 'connection_reset', retryable: true }],
      [{ text: 'abc def', malformedAfterChunks: 5 }, { code: 'malformed_event', retryable: false }],
      [{ text: 'abc def', wrongShapeAfterChunks: 5 }, { code: 'malformed_event', retryable: false }],
      [{ jsonErrorBody: true, error: { message: 'model not loaded', code: 'model_not_found' } }, { code: 'model_not_found' }],
      [{ htmlPage: '<html>Sign in</html>' }, { code: 'unexpected_content_type', retryable: false }],
    ] as const;
    for (const [reply, expected] of cases) {
      const model = await mock.model(reply, { maxRetries: 0 });
      const error = await model.invoke('x').catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'ProviderError', ...expected });
      expectMasked(error);
    }
  });

  it('skips keep-alive events without data', async () => {
    const model = await mock.model({ text: 'still here', keepAliveAfterChunks: [0, 3, 5] });
    expect((await model.invoke('x')).content).toBe('still here');
  });

  it('no API key at all is an InputError before any request; apiKey: null sends no Authorization header', async () => {
    const previous = process.env['OPENAI_API_KEY'];
    delete process.env['OPENAI_API_KEY'];
    try {
      const missing = await mock.model({ text: 'never' }, { apiKey: undefined });
      const error = await missing.invoke('x').catch((e: unknown) => e);
      expect(InputError.isInstance(error)).toBe(true);
      expect((error as Error).message).toContain('OPENAI_API_KEY');
      expect(mock.server().requests).toHaveLength(0);
      const keyless = new OpenAIResponsesModel({ model: 'local', apiKey: null, baseURL: mock.server().url });
      expect((await keyless.invoke('x')).content).toBe('never');
      expect(mock.server().requests[0]?.headers['authorization']).toBeUndefined();
    } finally {
      if (previous !== undefined) process.env['OPENAI_API_KEY'] = previous;
    }
  });
});

describe('OpenAIResponsesModel cancellation reaches the socket', () => {
  const slow = { text: 'a long answer streamed slowly', chunkSize: 2, delayMs: 20 };

  it('a stall longer than idleTimeout is an idle TimeoutError, and the socket is closed', async () => {
    const model = await mock.model({ text: 'slow stream', stallAfterChunks: 5 }, { idleTimeout: 100, maxRetries: 0 });
    const error = await model.invoke('x').catch((e: unknown) => e);
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect((error as TimeoutError).kind).toBe('idle');
    await mock.server().requests[0]!.socketClosed;
    expect(mock.server().requests[0]!.closedEarly).toBe(true);
  });

  it('aborting the signal mid-stream ends with AbortError and closes the connection', async () => {
    const model = await mock.model(slow);
    const controller = new AbortController();
    let seen = '';
    const outcome = (async () => {
      for await (const chunk of model.stream('x', { signal: controller.signal })) {
        seen += chunk.content;
        if (seen.length >= 4) controller.abort();
      }
    })();
    await expect(outcome).rejects.toSatisfy(AbortError.isInstance);
    await mock.server().requests[0]!.settled;
    expect(mock.server().requests[0]).toMatchObject({ closedEarly: true, outcome: 'client-closed' });
  });

  it('breaking out of for await closes the connection', async () => {
    const model = await mock.model(slow);
    for await (const chunk of model.stream('x')) {
      if (chunk.content) break;
    }
    await mock.server().requests[0]!.socketClosed;
    expect(mock.server().requests[0]!.closedEarly).toBe(true);
  });

  it('aborting before the response headers arrive ends with AbortError', async () => {
    const model = await mock.model({ text: 'late', headersDelayMs: 60_000 });
    const controller = new AbortController();
    const answer = model.invoke('x', { signal: controller.signal });
    await eventually(() => mock.server().requests.length === 1, 'the request to arrive');
    controller.abort();
    await expect(answer).rejects.toSatisfy(AbortError.isInstance);
    await mock.server().requests[0]!.settled;
    expect(mock.server().requests[0]!.closedEarly).toBe(true);
  });

  it('a finished stream leaves the connection intact (it is read to its end, not cut)', async () => {
    const model = await mock.model({ text: 'complete' });
    expect((await model.invoke('x')).content).toBe('complete');
    await mock.server().requests[0]!.settled;
    expect(mock.server().requests[0]).toMatchObject({ outcome: 'finished', closedEarly: false });
  });
});
