import { eventually, passRetryWait, retryRecorder, timerFunctions } from '@rivulet/test-kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AIMessageChunk} from '@rivulet/core';
import { AbortError, ProviderError, TimeoutError, TruncatedStreamError } from '@rivulet/core';
import { collect, settle } from '@rivulet/core/testing';
import { OpenAIChatModel, type OpenAIChatModelOptions } from './openai-chat-model.js';
import { startMockOpenAIServer, type MockOpenAIServer, type MockScript } from '../testing/index.js';

let server: MockOpenAIServer | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await server?.close();
  server = undefined;
});

async function modelFor(script: MockScript, options: Partial<OpenAIChatModelOptions> = {}): Promise<OpenAIChatModel> {
  server = await startMockOpenAIServer(script);
  return new OpenAIChatModel({ model: 'gpt-test', apiKey: 'sk-test-secret-key', baseURL: server.url, retry: { initialDelayMs: 1 }, ...options });
}

const text = (chunks: readonly AIMessageChunk[]) => chunks.map((c) => c.content).join('');

describe('OpenAIChatModel over the real openai SDK and HTTP', () => {
  it('streams a reply to OpenAI-style messages, and batch gives several generations', async () => {
    const model = await modelFor([{ text: 'Rivers carve canyons.' }, { text: 'One.' }, { text: 'Two.' }]);
    const messages = [
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: 'Tell me about rivers.' },
    ] as const;
    const chunks = await collect(model.stream(messages));
    expect(chunks.length).toBeGreaterThan(3);
    expect(text(chunks)).toBe('Rivers carve canyons.');
    expect(await Promise.all((await model.batch([messages, messages])).map((m) => m.content))).toEqual(['One.', 'Two.']);
    const body = server!.requests[0]!.body!;
    expect(body).toMatchObject({
      model: 'gpt-test',
      stream: true,
      stream_options: { include_usage: true },
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'user', content: 'Tell me about rivers.' },
      ],
    });
  });

  it('aggregates usage, finish reason, reasoning and response metadata', async () => {
    const model = await modelFor({ text: 'Done.', reasoning: 'Let me think.', usage: { promptTokens: 12, completionTokens: 5 } });
    const reply = await model.invoke('hi');
    expect(reply.content).toBe('Done.');
    expect(reply.reasoning).toBe('Let me think.');
    expect(reply.finishReason).toBe('stop');
    expect(reply.usage).toMatchObject({ inputTokens: 12, outputTokens: 5, totalTokens: 17 });
    expect(reply.responseMetadata).toMatchObject({ id: expect.stringContaining('chatcmpl'), model: 'gpt-test', finishReason: 'stop' });
  });

  it('assembles tool calls by index, and keeps Ollama-style calls with one index apart by id', async () => {
    const calls = [
      { id: 'call_a', name: 'weather', arguments: '{"city":"Oslo"}' },
      { id: 'call_b', name: 'weather', arguments: '{"city":"Rome"}' },
    ];
    const model = await modelFor([{ toolCalls: calls, contentNull: true }, { toolCalls: calls, toolCallStyle: 'ollama' }]);
    for (let run = 0; run < 2; run++) {
      const reply = await model.invoke('weather?');
      expect(reply.toolCalls).toEqual([
        { id: 'call_a', name: 'weather', args: { city: 'Oslo' } },
        { id: 'call_b', name: 'weather', args: { city: 'Rome' } },
      ]);
      expect(reply.finishReason).toBe('tool_calls');
      expect(reply.content).toBe('');
    }
  });

  it('keeps n > 1 choices separate, never interleaved', async () => {
    const model = await modelFor({ choices: [{ text: 'First choice.' }, { text: 'Second choice.' }] });
    const replies = await model.generate('two please', { n: 2 });
    expect(replies.map((r) => r.content)).toEqual(['First choice.', 'Second choice.']);
    expect(server!.requests[0]!.body).toMatchObject({ n: 2 });
  });

  it('puts Perplexity citations and search results in responseMetadata once, without duplicated text', async () => {
    const model = await modelFor(
      {
        text: 'Rivers are long [1].',
        perplexity: { citations: ['https://example.org/rivers'], searchResults: [{ title: 'Rivers', url: 'https://example.org/rivers' }] },
      },
      { model: 'sonar-pro' },
    );
    const chunks = await collect(model.stream([{ role: 'user', content: 'rivers?' }]));
    expect(text(chunks)).toBe('Rivers are long [1].');
    expect(chunks.filter((c) => c.responseMetadata['citations'] !== undefined)).toHaveLength(1);
    const reply = chunks.reduce((a, b) => a.concat(b));
    expect(reply.responseMetadata['citations']).toEqual(['https://example.org/rivers']);
    expect(reply.responseMetadata['searchResults']).toEqual([{ title: 'Rivers', url: 'https://example.org/rivers' }]);
    expect(reply.usage?.totalTokens).toBeGreaterThan(0);
  });
});

describe('OpenAIChatModel faults become typed errors', () => {
  it('401 is a ProviderError with status, code and request id, not retried; the key is never echoed', async () => {
    const model = await modelFor({ status: 401, error: { message: 'Incorrect API key provided: sk-test-secret-key', code: 'invalid_api_key' } });
    const error = await model.invoke('x').catch((e: unknown) => e);
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 401, code: 'invalid_api_key', retryable: false, provider: 'openai' });
    expect((error as ProviderError).requestId).toMatch(/^req_/);
    expect((error as ProviderError).message).not.toContain('sk-test-secret-key');
    expect(JSON.stringify(error)).not.toContain('sk-test-secret-key');
    expect(server!.requests).toHaveLength(1);
  });

  it('429 with retry-after and 500 are retried before the first chunk, waiting as asked', async () => {
    // The model's waits in virtual time, its sockets real.
    vi.useFakeTimers({ toFake: [...timerFunctions] });
    const retries = retryRecorder();
    const model = await modelFor([{ status: 429, retryAfterMs: 80 }, { status: 500 }, { text: 'finally' }], { retry: { initialDelayMs: 1, onRetry: retries.onRetry } });
    const answer = model.invoke('x');
    expect(await passRetryWait(vi, retries, () => server!.requests.length)).toEqual({ waitMs: 80, requestsWhileWaiting: 1 });
    await vi.advanceTimersByTimeAsync(await retries.next());
    expect((await answer).content).toBe('finally');
    expect(server!.requests).toHaveLength(3);
  });

  it('gives up after maxRetries', async () => {
    const model = await modelFor({ status: 503 }, { maxRetries: 1 });
    await expect(model.invoke('x')).rejects.toMatchObject({ name: 'ProviderError', status: 503, retryable: true });
    expect(server!.requests).toHaveLength(2);
  });

  it('a mid-stream error event is a ProviderError after the chunks before it, never retried', async () => {
    const model = await modelFor({ text: 'partial answer here', errorEventAfterChunks: 3, error: { message: 'server overloaded', type: 'server_error' } });
    const { chunks, error } = await settle(model.stream('x'));
    expect(text(chunks).length).toBeGreaterThan(0);
    expect(ProviderError.isInstance(error)).toBe(true);
    expect((error as ProviderError).message).toContain('server overloaded');
    expect(server!.requests).toHaveLength(1);
  });

  it('a stream that ends without a finish reason is a TruncatedStreamError carrying the partial message', async () => {
    const model = await modelFor({ text: 'cut off mid', omitDone: true, omitFinishReason: true });
    const error = await model.invoke('x').catch((e: unknown) => e);
    expect(TruncatedStreamError.isInstance(error)).toBe(true);
    expect(((error as TruncatedStreamError).partial as AIMessageChunk).content).toBe('cut off mid');
  });

  it('a stream with a finish reason but no [DONE] is fine', async () => {
    const model = await modelFor({ text: 'complete', omitDone: true });
    expect((await model.invoke('x')).content).toBe('complete');
  });

  it('a reset connection, a malformed event and a 200 JSON error body are typed errors, never raw TypeErrors', async () => {
    const dropped = await modelFor({ text: 'some text that will drop', dropAfterChunks: 2 }, { maxRetries: 0 });
    const drop = await settle(dropped.stream('x'));
    expect(drop.error).toMatchObject({ name: 'ProviderError', code: 'connection_reset' });
    await server!.close();

    const malformed = await modelFor({ text: 'abc def', malformedAfterChunks: 1 }, { maxRetries: 0 });
    expect(await malformed.invoke('x').catch((e: unknown) => e)).toMatchObject({ name: 'ProviderError', code: 'malformed_event' });
    await server!.close();

    const json = await modelFor({ jsonErrorBody: true, error: { message: 'model not loaded', code: 'model_not_found' } }, { maxRetries: 0 });
    expect(await json.invoke('x').catch((e: unknown) => e)).toMatchObject({ name: 'ProviderError', code: 'model_not_found' });
  });

  it('a stall longer than idleTimeout is a TimeoutError, and the socket is closed', async () => {
    const model = await modelFor({ text: 'slow stream', stallAfterChunks: 1 }, { idleTimeout: 100, maxRetries: 0 });
    const error = await model.invoke('x').catch((e: unknown) => e);
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect((error as TimeoutError).kind).toBe('idle');
    await server!.requests[0]!.socketClosed;
    expect(server!.requests[0]!.closedEarly).toBe(true);
  });
});

describe('OpenAIChatModel cancellation', () => {
  it('aborting the signal mid-stream ends with AbortError and closes the socket', async () => {
    const model = await modelFor({ text: 'a long answer streamed slowly', chunkSize: 2, delayMs: 20 });
    const controller = new AbortController();
    const seen: string[] = [];
    const outcome = (async () => {
      for await (const chunk of model.stream('x', { signal: controller.signal })) {
        seen.push(chunk.content);
        if (seen.join('').length >= 4) controller.abort();
      }
    })();
    await expect(outcome).rejects.toBeInstanceOf(AbortError);
    await server!.requests[0]!.settled;
    expect(server!.requests[0]!.closedEarly).toBe(true);
  });

  it('breaking out of for await aborts the HTTP request', async () => {
    const model = await modelFor({ text: 'a long answer streamed slowly', chunkSize: 2, delayMs: 20 });
    for await (const chunk of model.stream('x')) {
      if (chunk.content) break;
    }
    await server!.requests[0]!.socketClosed;
    expect(server!.requests[0]!.closedEarly).toBe(true);
  });

  it('aborting before the headers arrive ends with AbortError', async () => {
    const model = await modelFor({ text: 'late', headersDelayMs: 60_000 });
    const controller = new AbortController();
    const answer = model.invoke('x', { signal: controller.signal });
    await eventually(() => server!.requests.length === 1, 'the request to arrive');
    controller.abort();
    await expect(answer).rejects.toBeInstanceOf(AbortError);
    await server!.requests[0]!.settled;
    expect(server!.requests[0]!.closedEarly).toBe(true);
  });
});
