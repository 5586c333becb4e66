import { ProviderError } from '@rivulet/core';
import { settle } from '@rivulet/core/testing';
import { startMockHttpServer, SseWriter } from '@rivulet/provider-utils/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { googleTestServer, TEST_KEY } from '../test-support/google-test-server.js';
import { GoogleChatModel } from './google-chat-model.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(ProviderError.isInstance(error)).toBe(true);
  return error as ProviderError;
}

/** Every text of an error a user could see: message, stack, JSON, fields, and the cause chain. */
function visibleTexts(error: unknown): string[] {
  const texts: string[] = [];
  for (let current = error, depth = 0; current instanceof Error && depth < 10; current = current.cause, depth++) {
    texts.push(current.message, current.stack ?? '', JSON.stringify(current) ?? '');
    for (const value of Object.values(current)) if (typeof value === 'string') texts.push(value);
  }
  return texts;
}

/** A server that answers every request with these raw SSE data lines. */
async function rawStream(lines: readonly string[]): Promise<string> {
  const server = await startMockHttpServer({
    async handle(exchange) {
      const sse = new SseWriter(exchange);
      sse.start();
      for (const line of lines) await sse.event(line);
      sse.end();
    },
  });
  closers.push(() => server.close());
  return server.origin;
}

describe('GoogleChatModel: errors', () => {
  it('an HTTP error keeps status, Google status as code, message and request id, and is not retried when final', async () => {
    const { model, server } = await googleTestServer({ status: 400, error: { message: 'Invalid JSON payload received. Unknown name "foo".' } }, { maxRetries: 2 });
    const error = await failure(model.invoke('x'));
    expect(error).toMatchObject({ provider: 'google', status: 400, code: 'INVALID_ARGUMENT', retryable: false, requestId: server.requests[0]?.requestId });
    expect(error.message).toContain('Unknown name "foo"');
    expect(server.requests).toHaveLength(1);
  });

  it("a 429 asks for the wait Google's RetryInfo gives, unless a Retry-After header says otherwise", async () => {
    const { model } = await googleTestServer([
      { status: 429, retryDelay: '1.5s', error: { message: 'Quota exceeded for metric generate_content_free_tier_requests.' } },
      { status: 429, retryDelay: '9s', retryAfter: 2 },
    ]);
    expect(await failure(model.invoke('x'))).toMatchObject({ status: 429, code: 'RESOURCE_EXHAUSTED', retryable: true, retryAfterMs: 1500 });
    expect(await failure(model.invoke('x'))).toMatchObject({ retryAfterMs: 2000 });
  });

  it('a proxy error page (text/plain 502) is a retryable ProviderError with the page in its message', async () => {
    const { model } = await googleTestServer({ status: 502, error: 'upstream connect error or disconnect/reset before headers' });
    const error = await failure(model.invoke('x'));
    expect(error).toMatchObject({ status: 502, retryable: true });
    expect(error.message).toContain('upstream connect error');
  });

  it('a 200 JSON error body where a stream was asked for is the error it holds', async () => {
    const { model } = await googleTestServer({ jsonErrorBody: true, error: { message: 'The model is overloaded.', status: 'UNAVAILABLE' } });
    const error = await failure(model.invoke('x'));
    expect(error).toMatchObject({ status: 200, code: 'UNAVAILABLE', retryable: true });
    expect(error.message).toContain('The model is overloaded.');
  });

  it.each([
    ['RESOURCE_EXHAUSTED', true],
    ['INVALID_ARGUMENT', false],
  ])('an error event mid-stream with status %s is a ProviderError (retryable: %s) after the text before it', async (status, retryable) => {
    const { model } = await googleTestServer({ text: 'partial answer', chunkSize: 4, errorEventAfterChunks: 2, error: { message: 'stream failed', status } });
    const { chunks, error } = await settle(model.stream('x'));
    expect(chunks.map((chunk) => chunk.content).join('')).toBe('partial ');
    expect(error).toMatchObject({ code: status, retryable });
    expect((error as Error).message).toContain('stream failed');
  });

  it.each([
    ['a list instead of an object', '[1,2]'],
    ['candidates that are not a list', '{"candidates":{}}'],
    ['a text part that is not a string', '{"candidates":[{"content":{"parts":[{"text":42}],"role":"model"}}]}'],
    ['a function call without a name', '{"candidates":[{"content":{"parts":[{"functionCall":{"args":{}}}],"role":"model"}}]}'],
    ['a token count that is not a number', '{"usageMetadata":{"promptTokenCount":"12"}}'],
    ['a finishMessage that is not a string', '{"candidates":[{"content":{"parts":[{"text":"!"}],"role":"model"},"finishMessage":{"text":"x"}}]}'],
    ['none of the fields a chunk has', '{"modelVersion":"gemini-test"}'],
  ])('a chunk with %s is malformed_event, not retryable', async (_what, data) => {
    const origin = await rawStream(['{"candidates":[{"content":{"parts":[{"text":"ok "}],"role":"model"}}]}', data]);
    const model = new GoogleChatModel({ model: 'gemini-test', apiKey: TEST_KEY, baseURL: origin, maxRetries: 0 });
    const { chunks, error } = await settle(model.stream('x'));
    expect(chunks.map((chunk) => chunk.content).join('')).toBe('ok ');
    expect(error).toMatchObject({ code: 'malformed_event', retryable: false });
  });

  it('a server that cannot be reached is a retryable connection_error', async () => {
    const { server, model } = await googleTestServer({ text: 'never' });
    await server.close();
    expect(await failure(model.invoke('x'))).toMatchObject({ code: 'connection_error', retryable: true });
  });

  it('a 401 echoing the key in message, status, details and request id shows it nowhere', async () => {
    const { model } = await googleTestServer({
      status: 401,
      requestId: `req-${TEST_KEY}`,
      error: { message: `API key not valid: ${TEST_KEY}`, status: `BAD_KEY_${TEST_KEY}`, details: [{ reason: 'API_KEY_INVALID', metadata: { key: TEST_KEY } }] },
    });
    const error = await failure(model.invoke('x'));
    expect(error).toMatchObject({ status: 401, code: 'BAD_KEY_***', requestId: 'req-***' });
    for (const text of visibleTexts(error)) expect(text).not.toContain(TEST_KEY);
  });

  it('a transport failure that names the key (a URL with ?key=, a proxy message) shows it nowhere, the cause chain included', async () => {
    const model = new GoogleChatModel({
      model: 'gemini-test',
      apiKey: TEST_KEY,
      baseURL: 'http://127.0.0.1:9',
      maxRetries: 0,
      fetch: (input) =>
        Promise.reject(new TypeError('fetch failed', { cause: new Error(`proxy refused ${String(input)}?key=${TEST_KEY}`) })),
    });
    const error = await failure(model.invoke('x'));
    expect(error).toMatchObject({ code: 'connection_error', retryable: true });
    expect(error.cause).toBeInstanceOf(Error);
    for (const text of visibleTexts(error)) expect(text).not.toContain(TEST_KEY);
  });
});
