import { passRetryWait, retryRecorder, timerFunctions } from '@rivulet/test-kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProviderError, TimeoutError, TruncatedStreamError, type AIMessageChunk } from '@rivulet/core';
import { settle } from '@rivulet/core/testing';
import { startMockOllamaServer, type MockOllamaScript, type MockOllamaServer } from '../testing/index.js';
import { OllamaChatModel, type OllamaChatModelOptions } from './ollama-chat-model.js';

const apiKey = 'ollama-hosted-secret-key';

let server: MockOllamaServer | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await server?.close();
  server = undefined;
});

async function modelFor(script: MockOllamaScript, options: Partial<OllamaChatModelOptions> = {}): Promise<OllamaChatModel> {
  server = await startMockOllamaServer(script);
  return new OllamaChatModel({ model: 'llama3.2', host: server.url, apiKey, retry: { initialDelayMs: 1 }, ...options });
}

/** How a run ended: its text, and its error. */
async function run(model: OllamaChatModel): Promise<{ text: string; error: unknown }> {
  const { chunks, error } = await settle(model.stream('hi'));
  return { text: chunks.map((chunk: AIMessageChunk) => chunk.content).join(''), error };
}

function expectNoSecret(error: unknown): void {
  for (const visible of [String(error), (error as Error).stack ?? '', JSON.stringify(error)]) expect(visible).not.toContain(apiKey);
}

describe('OllamaChatModel: HTTP errors', () => {
  it('keeps status and message of Ollama\'s {"error"} body, and does not retry a final status', async () => {
    const model = await modelFor({ status: 404, error: { message: 'model "llama3.2" not found, try pulling it first' } });
    const { error } = await run(model);
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ provider: 'ollama', status: 404, retryable: false, requestId: server!.requests[0]!.requestId });
    expect((error as Error).message).toBe('ollama: HTTP 404: model "llama3.2" not found, try pulling it first');
    expect(server!.requests).toHaveLength(1);
  });

  it('retries a retryable status, waiting as a proxy\'s Retry-After asks', async () => {
    // The model's wait in virtual time, its sockets real.
    vi.useFakeTimers({ toFake: [...timerFunctions] });
    const retries = retryRecorder();
    const model = await modelFor([{ status: 503, error: { message: 'server busy' }, retryAfter: 0.15 }, { text: 'ok' }], {
      retry: { initialDelayMs: 1, onRetry: retries.onRetry },
    });
    const answer = run(model);
    expect(await passRetryWait(vi, retries, () => server!.requests.length)).toEqual({ waitMs: 150, requestsWhileWaiting: 1 });
    expect((await answer).text).toBe('ok');
    expect(server!.requests.map((request) => request.status)).toEqual([503, 200]);
  });

  it('reads a text error body from a proxy as the message', async () => {
    const model = await modelFor({ status: 502, error: 'Bad gateway' }, { maxRetries: 0 });
    expect((await run(model)).error).toMatchObject({ status: 502, retryable: true, message: 'ollama: HTTP 502: Bad gateway' });
  });

  it('reads a 200 JSON error body as the server\'s error, not as a stream', async () => {
    const model = await modelFor({ jsonErrorBody: true, error: { message: 'unexpected server status: llm server loading model' } }, { maxRetries: 0 });
    const { error } = await run(model);
    expect(error).toMatchObject({ status: 200, retryable: false });
    expect((error as Error).message).toContain('llm server loading model');
  });
});

describe('OllamaChatModel: what the stream says', () => {
  it('an error line mid-stream fails after the text before it, never retried', async () => {
    const model = await modelFor({ text: 'partial answer here', chunkSize: 4, errorEventAfterChunks: 2, error: { message: 'an error was encountered while running the model: unexpected EOF' } });
    const { text, error } = await run(model);
    expect(text).toBe('partial ');
    expect(error).toMatchObject({ retryable: false });
    expect((error as Error).message).toBe('ollama: error line mid-stream: an error was encountered while running the model: unexpected EOF');
    expect(server!.requests).toHaveLength(1);
  });

  it('an error line before any text is not retried either: the server answered', async () => {
    const model = await modelFor({ text: 'x', errorEventAfterChunks: 0, error: { message: 'model runner has unexpectedly stopped' } });
    expect(ProviderError.isInstance((await run(model)).error)).toBe(true);
    expect(server!.requests).toHaveLength(1);
  });

  it('a line that is not JSON is malformed_event, not retryable, where the raw client would skip it', async () => {
    const model = await modelFor({ text: 'abc def', malformedAfterChunks: 1 });
    const { text, error } = await run(model);
    expect(text).toBe('abc ');
    expect(error).toMatchObject({ code: 'malformed_event', retryable: false });
    expect((error as Error).message).toContain('a line that is not JSON');
    expect(server!.requests).toHaveLength(1);
  });

  it.each([
    ['a non-string content', '{"message":{"role":"assistant","content":123},"done":false}'],
    ['a tool call without a name', '{"message":{"role":"assistant","content":"","tool_calls":[{"function":{"arguments":{}}}]},"done":false}'],
    ['tool arguments as a string', '{"message":{"role":"assistant","content":"","tool_calls":[{"function":{"name":"f","arguments":"{}"}}]},"done":false}'],
    ['a count that is not a number', '{"message":{"role":"assistant","content":""},"done":true,"eval_count":"9"}'],
    ['a created_at that is not a string', '{"message":{"role":"assistant","content":""},"done":false,"created_at":1}'],
    ['an array', '[1,2]'],
  ])('a line of the wrong shape (%s) is malformed_event', async (_, line) => {
    const model = await modelFor({ text: 'abc', extraLines: [{ after: 1, line }] });
    const { error } = await run(model);
    expect(error).toMatchObject({ code: 'malformed_event', retryable: false });
  });

  it('the kit\'s wrong-shape line ({"foo":1}) is malformed_event, not retried although nothing was streamed', async () => {
    const model = await modelFor({ text: 'abc', wrongShapeAfterChunks: 0 });
    expect((await run(model)).error).toMatchObject({ code: 'malformed_event', retryable: false });
    expect(server!.requests).toHaveLength(1);
  });

  it('a 200 page that is not NDJSON is unexpected_content_type, not retried', async () => {
    const model = await modelFor({ htmlPage: '<html><body>Sign in to continue</body></html>' });
    const { error } = await run(model);
    expect(error).toMatchObject({ code: 'unexpected_content_type', status: 200, retryable: false });
    expect((error as Error).message).toContain('Sign in');
    expect(server!.requests).toHaveLength(1);
  });

  it('a stream ending without done: true is a TruncatedStreamError carrying the partial reply', async () => {
    const model = await modelFor({ text: 'cut off mid', omitDone: true }, { maxRetries: 0 });
    const { error } = await run(model);
    expect(TruncatedStreamError.isInstance(error)).toBe(true);
    expect(((error as TruncatedStreamError).partial as AIMessageChunk).content).toBe('cut off mid');
  });

  it('a last line cut off before its newline is dropped, and the stream is truncated', async () => {
    const body = '{"model":"m","message":{"role":"assistant","content":"Hi"},"done":false}\n{"model":"m","message":{"role":"assis';
    const model = await modelFor({ verbatimBody: { contentType: 'application/x-ndjson', text: body } }, { maxRetries: 0 });
    expect(TruncatedStreamError.isInstance((await run(model)).error)).toBe(true);
  });
});

describe('OllamaChatModel: transport failures', () => {
  it('a connection dropped mid-stream is a retryable connection_reset, never a raw TypeError', async () => {
    const model = await modelFor({ text: 'some text that will drop', chunkSize: 4, dropAfterChunks: 2 });
    const { text, error } = await run(model);
    expect(text).toBe('some tex');
    expect(error).toMatchObject({ code: 'connection_reset', retryable: true });
    expect(server!.requests).toHaveLength(1);
  });

  it('a drop before the first line or before the headers is retried', async () => {
    const model = await modelFor([{ text: 'x', dropAfterChunks: 0 }, { dropBeforeHeaders: true }, { text: 'third time' }]);
    expect(await run(model)).toEqual({ text: 'third time', error: undefined });
    expect(server!.requests).toHaveLength(3);
  });

  it('a server that is not there is a retryable connection_error', async () => {
    const model = new OllamaChatModel({ model: 'm', host: 'http://127.0.0.1:9', maxRetries: 0 });
    expect((await run(model)).error).toMatchObject({ code: 'connection_error', retryable: true });
  });

  it('silence past idleTimeout, before the headers or mid-stream, is an idle TimeoutError', async () => {
    const model = await modelFor([{ text: 'late', headersDelayMs: 2_000 }, { text: 'abcdef', chunkSize: 2, stallAfterChunks: 1 }], { idleTimeout: 100, maxRetries: 0 });
    for (let attempt = 0; attempt < 2; attempt++) {
      const { error } = await run(model);
      expect(TimeoutError.isInstance(error) && error.kind === 'idle').toBe(true);
    }
    await server!.requests[1]!.socketClosed;
    expect(server!.requests.map((request) => request.closedEarly)).toEqual([true, true]);
  });
});

describe('OllamaChatModel: the API key never shows', () => {
  it.each<[string, MockOllamaScript]>([
    ['an error body', { status: 401, error: { message: `unauthorized: bad key ${apiKey}` } }],
    ['a request-id header', { status: 401, headers: { 'x-request-id': `req-${apiKey}` } }],
    ['an error line', { text: 'ab', errorEventAfterChunks: 1, error: { message: `key ${apiKey} revoked` } }],
    ['a malformed line', { text: 'ab', extraLines: [{ after: 1, line: `{"key":"${apiKey}"` }] }],
    ['a login page', { verbatimBody: { contentType: 'text/html', text: `<p>${apiKey}</p>` } }],
  ])('in %s', async (_, script) => {
    const model = await modelFor(script, { maxRetries: 0 });
    const { error } = await run(model);
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(server!.requests[0]!.headers.authorization).toBe(`Bearer ${apiKey}`);
    expectNoSecret(error);
  });
});
