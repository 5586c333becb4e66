import OpenAI from 'openai';
import { describe, expect, test } from 'vitest';
import { useMockOpenAIClient } from '../test-support/mock-openai-client.js';

// These tests pin down how the official `openai` SDK surfaces each injected
// fault, because Rivulet's provider maps exactly these shapes to its errors.

const mock = useMockOpenAIClient();
const start = mock.start;

const params = {
  model: 'm',
  messages: [{ role: 'user' as const, content: 'hi' }],
  stream: true as const,
  stream_options: { include_usage: true },
};

/** Runs a streaming request; says where it failed and what arrived before. */
async function run(client: OpenAI): Promise<{ phase: 'create' | 'iterate' | 'done'; error: unknown; texts: string[]; finishes: string[] }> {
  const texts: string[] = [];
  const finishes: string[] = [];
  let phase: 'create' | 'iterate' = 'create';
  try {
    const stream = await client.chat.completions.create(params);
    phase = 'iterate';
    for await (const chunk of stream) {
      texts.push(chunk.choices[0]?.delta.content ?? '');
      const finish = chunk.choices[0]?.finish_reason;
      if (finish) finishes.push(finish);
    }
    return { phase: 'done', error: undefined, texts, finishes };
  } catch (error) {
    return { phase, error, texts, finishes };
  }
}

describe('HTTP status faults', () => {
  test('a 429 rejects create() with RateLimitError carrying status, body, retry headers and request id', async () => {
    const client = await start({ status: 429, retryAfter: 1, retryAfterMs: 1500 });
    const { phase, error } = await run(client);
    expect(phase).toBe('create');
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    const apiError = error as InstanceType<typeof OpenAI.RateLimitError>;
    expect(apiError).toMatchObject({ status: 429, code: 'rate_limit_exceeded', type: 'requests' });
    expect(apiError.message).toBe('429 Rate limit reached (mock).');
    expect(apiError.headers.get('retry-after')).toBe('1');
    expect(apiError.headers.get('retry-after-ms')).toBe('1500');
    expect(apiError.requestID).toBe(mock.server().requests[0]!.requestId);
  });

  test('the SDK retries a 429 itself, honouring retry-after-ms, when maxRetries allows', async () => {
    const client = await start([{ status: 429, retryAfterMs: 10 }, { text: 'ok' }], { maxRetries: 1 });
    const { phase, texts } = await run(client);
    expect(phase).toBe('done');
    expect(texts.join('')).toBe('ok');
    expect(mock.server().requests.map((r) => r.status)).toEqual([429, 200]);
  });

  test.each([
    [400, OpenAI.BadRequestError],
    [401, OpenAI.AuthenticationError],
    [404, OpenAI.NotFoundError],
    [500, OpenAI.InternalServerError],
    [503, OpenAI.InternalServerError],
  ])('a %i rejects create() with its APIError subclass', async (status, errorClass) => {
    const client = await start({ status, error: { message: 'nope', code: 'x' } });
    const { phase, error } = await run(client);
    expect(phase).toBe('create');
    expect(error).toBeInstanceOf(errorClass);
    expect(error).toMatchObject({ status, code: 'x', message: `${status} nope` });
  });

  test('a plain-text error body becomes the message, with no code', async () => {
    const client = await start({ status: 502, error: '<html>Bad gateway</html>' });
    const { error } = await run(client);
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    expect(error).toMatchObject({ status: 502, message: '502 <html>Bad gateway</html>', error: undefined });
  });

  test('extra headers ride along on any reply', async () => {
    await start({ text: 'x', headers: { 'x-ratelimit-remaining-requests': '7' } });
    const response = await fetch(`${mock.server().url}/chat/completions`, { method: 'POST', body: JSON.stringify(params) });
    expect(response.headers.get('x-ratelimit-remaining-requests')).toBe('7');
    await response.text();
  });
});

describe('connection faults', () => {
  test('dropBeforeHeaders rejects create() with APIConnectionError("Connection error.")', async () => {
    const client = await start({ dropBeforeHeaders: true });
    const { phase, error } = await run(client);
    expect(phase).toBe('create');
    expect(error).toBeInstanceOf(OpenAI.APIConnectionError);
    expect(error).toMatchObject({ message: 'Connection error.', status: undefined });
    // undici: TypeError('fetch failed') caused by SocketError('other side closed').
    const cause = (error as Error).cause as Error & { cause?: { code?: string } };
    expect(cause).toBeInstanceOf(TypeError);
    expect(cause.cause?.code).toBe('UND_ERR_SOCKET');
    expect(mock.server().requests[0]).toMatchObject({ outcome: 'server-dropped', closedEarly: false });
  });

  test('a dropped connection before headers is retried by the SDK', async () => {
    const client = await start([{ dropBeforeHeaders: true }, { text: 'again' }], { maxRetries: 1 });
    const { phase, texts } = await run(client);
    expect(phase).toBe('done');
    expect(texts.join('')).toBe('again');
  });

  test('dropAfterChunks makes the iterator throw a bare TypeError("terminated"), not an APIError', async () => {
    const client = await start({ text: 'abcdefgh', dropAfterChunks: 2 });
    const { phase, error, texts } = await run(client);
    expect(phase).toBe('iterate');
    expect(texts).toEqual(['', 'abcd']);
    expect(error).toBeInstanceOf(TypeError);
    expect(error).not.toBeInstanceOf(OpenAI.APIError);
    expect((error as Error).message).toBe('terminated');
    expect(((error as Error).cause as Error & { code?: string }).code).toBe('UND_ERR_SOCKET');
    await mock.server().requests[0]!.settled;
    expect(mock.server().requests[0]).toMatchObject({ outcome: 'server-dropped', closedEarly: false, eventsSent: 2 });
  });

  test('a non-streaming request torn mid-body rejects create() with the same TypeError("terminated")', async () => {
    const client = await start({ text: 'abcdefgh', dropAfterChunks: 0 });
    const error = await client.chat.completions.create({ ...params, stream: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe('terminated');
  });

  test('headersDelayMs past the SDK timeout rejects create() with APIConnectionTimeoutError', async () => {
    const client = await start({ text: 'late', headersDelayMs: 5_000 }, { timeout: 100 });
    const { phase, error } = await run(client);
    expect(phase).toBe('create');
    expect(error).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
    expect((error as Error).message).toBe('Request timed out.');
    await mock.server().requests[0]!.settled;
    expect(mock.server().requests[0]!.closedEarly).toBe(true);
  });
});

describe('stream content faults', () => {
  test('a mid-stream error event makes the iterator throw a plain APIError with no status', async () => {
    const client = await start({
      text: 'abcdefgh',
      errorEventAfterChunks: 2,
      error: { message: 'Model overloaded', type: 'server_error', code: 'overloaded' },
    });
    const { phase, error, texts } = await run(client);
    expect(phase).toBe('iterate');
    expect(texts).toEqual(['', 'abcd']);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect(error!.constructor).toBe(OpenAI.APIError);
    expect(error).toMatchObject({
      status: undefined,
      message: 'Model overloaded',
      code: 'overloaded',
      type: 'server_error',
      error: { message: 'Model overloaded', type: 'server_error', param: null, code: 'overloaded' },
      requestID: mock.server().requests[0]!.requestId,
    });
  });

  test('the error event is data: {"error": {...}} and the stream then ends without [DONE]', async () => {
    await start({ text: 'ab', errorEventAfterChunks: 1 });
    const response = await fetch(`${mock.server().url}/chat/completions`, { method: 'POST', body: JSON.stringify(params) });
    const events = (await response.text()).split('\n\n').filter(Boolean);
    expect(events).toHaveLength(2);
    expect(JSON.parse(events[1]!.replace(/^data: /, ''))).toEqual({
      error: {
        message: 'The server had an error while processing your request (mock).',
        type: 'server_error',
        param: null,
        code: null,
      },
    });
  });

  test('a malformed event makes the iterator throw SyntaxError', async () => {
    const client = await start({ text: 'abcdefgh', malformedAfterChunks: 2 });
    const { phase, error, texts } = await run(client);
    expect(phase).toBe('iterate');
    expect(texts).toEqual(['', 'abcd']);
    expect(error).toBeInstanceOf(SyntaxError);
    expect((error as Error).message).toBe('Error reading response: malformed server-sent event JSON.');
  });

  test('after a malformed event the stream goes on, for clients that skip bad events', async () => {
    await start({ text: 'ab', malformedAfterChunks: 1 });
    const response = await fetch(`${mock.server().url}/chat/completions`, { method: 'POST', body: JSON.stringify(params) });
    const events = (await response.text()).split('\n\n').filter(Boolean);
    expect(() => JSON.parse(events[1]!.replace(/^data: /, ''))).toThrow(SyntaxError);
    expect(events.at(-1)).toBe('data: [DONE]');
  });

  test('omitDone: the SDK ends the iteration normally, every chunk delivered', async () => {
    const client = await start({ text: 'abcd', omitDone: true });
    const { phase, texts, finishes } = await run(client);
    expect(phase).toBe('done');
    expect(texts.join('')).toBe('abcd');
    expect(finishes).toEqual(['stop']);
    const response = await fetch(`${mock.server().url}/chat/completions`, { method: 'POST', body: JSON.stringify(params) });
    expect(await response.text()).not.toContain('[DONE]');
  });

  test('omitDone + omitFinishReason: a truncated stream also ends normally, with no finish_reason and no usage', async () => {
    const client = await start({ text: 'abcd', omitDone: true, omitFinishReason: true });
    const { phase, texts, finishes } = await run(client);
    expect(phase).toBe('done');
    expect(texts).toEqual(['', 'abcd']);
    expect(finishes).toEqual([]);
  });

  test('jsonErrorBody on a streaming request: 200, no chunks and no error from the SDK', async () => {
    const client = await start({ jsonErrorBody: true, error: { message: 'Model is loading' } });
    const { phase, texts } = await run(client);
    expect(phase).toBe('done');
    expect(texts).toEqual([]);
    // The only way to notice is the response itself: JSON instead of an event stream.
    const { response } = await client.chat.completions.create(params).withResponse();
    expect(response.headers.get('content-type')).toBe('application/json');
    const raw = await fetch(`${mock.server().url}/chat/completions`, { method: 'POST', body: JSON.stringify(params) });
    expect(raw.status).toBe(200);
    expect(await raw.json()).toMatchObject({ error: { message: 'Model is loading', type: 'server_error' } });
  });

  test('jsonErrorBody on a non-streaming request resolves create() with the error object as the "completion"', async () => {
    const client = await start({ jsonErrorBody: true });
    const result = await client.chat.completions.create({ ...params, stream: false });
    expect(result).toMatchObject({ error: { type: 'server_error' } });
    expect(result.choices).toBeUndefined();
  });
});
