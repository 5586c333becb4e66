import { inspect } from 'node:util';
import { passRetryWait, retryRecorder, timerFunctions } from '@rivulet/test-kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { AIMessage, AIMessageChunk, InputError, ToolMessage, TruncatedStreamError, type ProviderError } from '@rivulet/core';
import { AnthropicChatModel, defaultAnthropicVersion, type AnthropicChatModelOptions } from '@rivulet/anthropic';
import { startMockAnthropicServer, type MockAnthropicScript, type MockAnthropicServer } from '@rivulet/anthropic/testing';

const apiKey = 'sk-ant-test-secret-key';
let server: MockAnthropicServer | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await server?.close();
  server = undefined;
});

async function modelFor(script: MockAnthropicScript, options: Partial<AnthropicChatModelOptions> = {}): Promise<AnthropicChatModel> {
  server = await startMockAnthropicServer(script);
  return new AnthropicChatModel({ model: 'claude-test', apiKey, baseURL: server.url, retry: { initialDelayMs: 1 }, ...options });
}

async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of stream) items.push(item);
  return items;
}

const fold = (chunks: readonly AIMessageChunk[]) => chunks.reduce((a, b) => a.concat(b), new AIMessageChunk());

describe('AnthropicChatModel: the request', () => {
  it('sends system apart, tool calls as tool_use, consecutive tool results as one user turn, and the headers', async () => {
    const model = await modelFor({ text: 'Oslo is sunny, Rome is warm.' });
    const reply = await model.invoke([
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: 'Weather in Oslo and Rome?' },
      new AIMessage({
        content: 'Checking.',
        toolCalls: [
          { id: 'toolu_1', name: 'weather', args: { city: 'Oslo' } },
          { id: 'toolu_2', name: 'weather', args: { city: 'Rome' } },
        ],
      }),
      new ToolMessage({ content: 'sunny', toolCallId: 'toolu_1' }),
      new ToolMessage({ content: 'no data', toolCallId: 'toolu_2', isError: true }),
      { role: 'user', content: 'Summarise.' },
    ]);
    expect(reply.content).toBe('Oslo is sunny, Rome is warm.');
    const { body, headers } = server!.requests[0]!;
    expect(body).toEqual({
      model: 'claude-test',
      max_tokens: 4096,
      stream: true,
      system: 'You are terse.',
      messages: [
        { role: 'user', content: 'Weather in Oslo and Rome?' },
        {
          role: 'assistant',
          content: [
            { type: 'text', text: 'Checking.' },
            { type: 'tool_use', id: 'toolu_1', name: 'weather', input: { city: 'Oslo' } },
            { type: 'tool_use', id: 'toolu_2', name: 'weather', input: { city: 'Rome' } },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'toolu_1', content: 'sunny' },
            { type: 'tool_result', tool_use_id: 'toolu_2', content: 'no data', is_error: true },
            { type: 'text', text: 'Summarise.' },
          ],
        },
      ],
    });
    expect(headers).toMatchObject({ authorization: `Bearer ${apiKey}`, 'anthropic-version': defaultAnthropicVersion, 'content-type': 'application/json' });
  });

  it('maps sampling parameters, tools and tool choice; maxTokens overrides the default; providerOptions pass through', async () => {
    const weather = { name: 'weather', description: 'Weather in a city', parameters: { type: 'object', properties: { city: { type: 'string' } } } };
    const model = (
      await modelFor({ text: 'ok' }, { maxTokens: 256, temperature: 0.2, topP: 0.9, stop: ['END'], providerOptions: { top_k: 5 }, apiKeyHeader: 'x-api-key' })
    ).bindTools([weather], { toolChoice: 'required' });
    await model.invoke('hi');
    const { body, headers } = server!.requests[0]!;
    expect(body).toMatchObject({
      max_tokens: 256,
      temperature: 0.2,
      top_p: 0.9,
      stop_sequences: ['END'],
      top_k: 5,
      tools: [{ name: 'weather', description: 'Weather in a city', input_schema: weather.parameters }],
      tool_choice: { type: 'any' },
    });
    expect(headers['x-api-key']).toBe(apiKey);
    expect(headers['authorization']).toBeUndefined();
  });

  it('sends images by URL, and data URLs as base64', async () => {
    const model = await modelFor({ text: 'Two rivers.' });
    await model.invoke({
      role: 'user',
      content: [
        { type: 'text', text: 'What is this?' },
        { type: 'image', url: 'https://example.org/river.png' },
        { type: 'image', url: 'data:image/png;base64,iVBORw0=' },
      ],
    });
    expect(server!.requests[0]!.body!.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is this?' },
          { type: 'image', source: { type: 'url', url: 'https://example.org/river.png' } },
          { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0=' } },
        ],
      },
    ]);
  });

  it('never shows the key when the model is serialized or inspected', () => {
    const model = new AnthropicChatModel({ model: 'claude-test', apiKey, baseURL: 'http://127.0.0.1:9' });
    expect(JSON.stringify(model)).not.toContain(apiKey);
    expect(inspect(model, { depth: 10, showHidden: true })).not.toContain(apiKey);
    expect(JSON.stringify(model.withOptions({ maxTokens: 5 }))).not.toContain(apiKey);
  });

  it('refuses n > 1, which the Messages API cannot do', async () => {
    const model = await modelFor({ text: 'one' });
    await expect(model.generate('x', { n: 2 })).rejects.toSatisfy(InputError.isInstance);
    expect(server!.requests).toHaveLength(0);
  });

  it('without a key (no option, no ANTHROPIC_API_KEY) fails with an InputError at the first call, before any request', async () => {
    server = await startMockAnthropicServer({ text: 'never' });
    const saved = process.env['ANTHROPIC_API_KEY'];
    delete process.env['ANTHROPIC_API_KEY'];
    try {
      const model = new AnthropicChatModel({ model: 'claude-test', baseURL: server.url });
      const error = await model.invoke('hi').catch((e: unknown) => e);
      expect(InputError.isInstance(error)).toBe(true);
      expect((error as Error).message).toContain('ANTHROPIC_API_KEY');
      expect(server.requests).toHaveLength(0);
    } finally {
      if (saved !== undefined) process.env['ANTHROPIC_API_KEY'] = saved;
    }
  });

  it('apiKey: null sends no credentials at all (for a gateway that adds them)', async () => {
    const model = await modelFor({ text: 'through the gateway' }, { apiKey: null, maxRetries: 0 });
    const error = await model.invoke('hi').catch((e: unknown) => e);
    // The mock checks credentials as the API does, so the request went out without any.
    expect(error).toMatchObject({ name: 'ProviderError', status: 401, code: 'authentication_error' });
    expect(server!.requests[0]!.headers['authorization']).toBeUndefined();
    expect(server!.requests[0]!.headers['x-api-key']).toBeUndefined();
  });

  it('reads ANTHROPIC_API_KEY and ANTHROPIC_BASE_URL when not given', async () => {
    server = await startMockAnthropicServer({ text: 'from env' });
    const saved = { key: process.env['ANTHROPIC_API_KEY'], url: process.env['ANTHROPIC_BASE_URL'] };
    process.env['ANTHROPIC_API_KEY'] = 'sk-ant-from-env';
    process.env['ANTHROPIC_BASE_URL'] = `${server.url}/`;
    try {
      expect((await new AnthropicChatModel({ model: 'claude-test' }).invoke('hi')).content).toBe('from env');
      expect(server.requests[0]!.headers.authorization).toBe('Bearer sk-ant-from-env');
    } finally {
      for (const [name, value] of [['ANTHROPIC_API_KEY', saved.key], ['ANTHROPIC_BASE_URL', saved.url]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});

describe('AnthropicChatModel: the stream', () => {
  it('survives pings anywhere, maps thinking to reasoning and keeps usage as running totals with cached input', async () => {
    const model = await modelFor({
      thinking: 'Rivers flow downhill.',
      text: 'Because of gravity.',
      pingAfterChunks: [0, 1, 3, 8, 12],
      usage: { inputTokens: 20, cacheReadInputTokens: 100, cacheCreationInputTokens: 5, outputTokens: 9 },
    });
    const chunks = await collect(model.stream('Why do rivers flow?'));
    const reply = fold(chunks);
    expect(reply).toMatchObject({ content: 'Because of gravity.', reasoning: 'Rivers flow downhill.', finishReason: 'stop' });
    expect(reply.usage).toEqual({ inputTokens: 125, outputTokens: 9, totalTokens: 134, cachedInputTokens: 100 });
    expect(chunks.flatMap((c) => (c.usage ? [c.usage.outputTokens] : []))).toEqual([1, 9]);
    expect(reply.responseMetadata).toMatchObject({ id: 'msg_mock0', model: 'claude-test', finishReason: 'end_turn' });
  });

  it.each([
    ['stop_sequence', 'stop'],
    ['max_tokens', 'length'],
    ['refusal', 'content_filter'],
    ['pause_turn', 'other'],
    ['model_context_window_exceeded', 'other'],
  ])('maps stop reason %s to %s, keeping the raw one', async (stopReason, finishReason) => {
    const model = await modelFor({ text: 'x', stopReason, ...(stopReason === 'stop_sequence' && { stopSequence: 'END' }) });
    const reply = await model.invoke('x');
    expect(reply.finishReason).toBe(finishReason);
    expect(reply.responseMetadata['finishReason']).toBe(stopReason);
    if (stopReason === 'stop_sequence') expect(reply.responseMetadata['stopSequence']).toBe('END');
  });

  it('a stream with a stop reason but no message_stop is still truncated: only message_stop says the message is complete', async () => {
    const model = await modelFor({ text: 'almost there', omitMessageStop: true }, { maxRetries: 0 });
    const error = await model.invoke('x').catch((e: unknown) => e);
    expect(TruncatedStreamError.isInstance(error)).toBe(true);
    expect(((error as TruncatedStreamError).partial as AIMessageChunk).content).toBe('almost there');
  });
});

describe('AnthropicChatModel: structured output', () => {
  const trip = z.object({ city: z.string(), days: z.number() });

  it('jsonSchema is carried by a forced tool whose input streams as the text; the finish reason is stop', async () => {
    const model = await modelFor({ toolCalls: [{ name: 'trip', input: '{"city":"Oslo","days":3}' }], chunkSize: 5 });
    const result = await model.withStructuredOutput(trip, { name: 'trip', includeRaw: true }).invoke('Plan a trip');
    expect(result.parsed).toEqual({ city: 'Oslo', days: 3 });
    expect(result.raw).toMatchObject({ content: '{"city":"Oslo","days":3}', finishReason: 'stop', toolCalls: [] });
    expect(result.raw.responseMetadata['finishReason']).toBe('tool_use');
    expect(server!.requests[0]!.body).toMatchObject({
      tools: [{ name: 'trip', input_schema: { type: 'object', required: ['city', 'days'] } }],
      tool_choice: { type: 'tool', name: 'trip' },
    });
  });

  it('a strict format is sent as a strict tool whose schema follows the strict-mode rules', async () => {
    const model = await modelFor({ toolCalls: [{ name: 'trip', input: '{"city":"Oslo","days":3,"note":null}' }] });
    const withNote = z.object({ city: z.string(), days: z.number(), note: z.string().nullable() });
    await model.withStructuredOutput(withNote, { name: 'trip', strict: true }).invoke('Plan a trip');
    const [tool] = server!.requests[0]!.body!.tools!;
    expect(tool).toMatchObject({ name: 'trip', strict: true, input_schema: { type: 'object', required: ['city', 'days', 'note'], additionalProperties: false } });
  });

  it('a schema whose root is not an object is an InputError before any request', async () => {
    const model = await modelFor({ text: 'never' });
    const list = { name: 'list', parameters: { type: 'array', items: { type: 'string' } } };
    const error = await model.bindTools([list]).invoke('x').catch((e: unknown) => e);
    expect(InputError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('must describe an object');
    expect(server!.requests).toHaveLength(0);
  });

  it('jsonMode asks for JSON in the system prompt', async () => {
    const model = await modelFor({ text: '{"city":"Rome","days":2}' });
    const value = await model.withStructuredOutput(trip, { method: 'jsonMode' }).invoke([{ role: 'system', content: 'Plan trips.' }, { role: 'user', content: 'Rome' }]);
    expect(value).toEqual({ city: 'Rome', days: 2 });
    expect(server!.requests[0]!.body!.system).toMatch(/^Plan trips\.\n\nRespond with a single JSON object/);
  });
});

describe('AnthropicChatModel: errors', () => {
  it('529 overloaded is retried, honouring retry-after in seconds', async () => {
    // The model's wait in virtual time, its sockets real.
    vi.useFakeTimers({ toFake: [...timerFunctions] });
    const retries = retryRecorder();
    const model = await modelFor([{ status: 529, retryAfter: 0.1 }, { text: 'recovered' }], { retry: { initialDelayMs: 1, onRetry: retries.onRetry } });
    const answer = model.invoke('x');
    expect(await passRetryWait(vi, retries, () => server!.requests.length)).toEqual({ waitMs: 100, requestsWhileWaiting: 1 });
    expect((await answer).content).toBe('recovered');
    expect(server!.requests).toHaveLength(2);
  });

  it('keeps the error type as code and the request id; x-should-retry overrides the status', async () => {
    const model = await modelFor({ status: 500, shouldRetry: false, error: { type: 'api_error', message: 'boom' } });
    const error = await model.invoke('x').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ProviderError', status: 500, code: 'api_error', retryable: false, provider: 'anthropic' });
    expect((error as ProviderError).requestId).toBe(server!.requests[0]!.requestId);
    expect(server!.requests).toHaveLength(1);
  });

  it('an error event before anything streamed is retried; after message_start it is not', async () => {
    const model = await modelFor([{ errorEventAfterChunks: 0 }, { text: 'second try' }]);
    expect((await model.invoke('x')).content).toBe('second try');
    await server!.close();

    const late = await modelFor({ text: 'some text', errorEventAfterChunks: 3, error: { type: 'overloaded_error', message: `Overloaded; key ${apiKey}` } });
    const error = await late.invoke('x').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ProviderError', code: 'overloaded_error', retryable: true, requestId: server!.requests[0]!.requestId });
    expect((error as ProviderError).message).not.toContain(apiKey);
    expect(server!.requests).toHaveLength(1);
  });

  it('a 200 JSON error body, a proxy text page and a connection refused before headers are typed errors', async () => {
    const json = await modelFor({ jsonErrorBody: true, error: { type: 'invalid_request_error', message: 'model not found' } }, { maxRetries: 0 });
    expect(await json.invoke('x').catch((e: unknown) => e)).toMatchObject({ name: 'ProviderError', status: 200, code: 'invalid_request_error' });
    await server!.close();

    const proxy = await modelFor({ status: 502, error: '<html>Bad gateway</html>' }, { maxRetries: 0 });
    const page = await proxy.invoke('x').catch((e: unknown) => e);
    expect(page).toMatchObject({ name: 'ProviderError', status: 502, retryable: true });
    expect((page as ProviderError).message).toContain('Bad gateway');
    await server!.close();

    const dropped = await modelFor({ dropBeforeHeaders: true }, { maxRetries: 0 });
    expect(await dropped.invoke('x').catch((e: unknown) => e)).toMatchObject({ name: 'ProviderError', code: 'connection_error', retryable: true });
  });
});
