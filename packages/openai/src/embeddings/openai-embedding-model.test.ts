import { eventually, passRetryWait, retryRecorder, timerFunctions } from '@rivulet/test-kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inspect } from 'node:util';
import { AbortError, InputError, ProviderError, TimeoutError } from '@rivulet/core';
import { hashEmbedding } from '@rivulet/models/testing';
import { OpenAIEmbeddingModel, type OpenAIEmbeddingModelOptions } from '../index.js';
import { startMockOpenAIServer, type MockEmbeddingScript, type MockOpenAIServer } from '../testing/index.js';

const key = 'sk-test-embeddings-0123456789';
let server: MockOpenAIServer | undefined;
afterEach(async () => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
  await server?.close();
  server = undefined;
});

async function model(script?: MockEmbeddingScript, options: Partial<OpenAIEmbeddingModelOptions> = {}): Promise<OpenAIEmbeddingModel> {
  server = await startMockOpenAIServer(undefined, { embeddings: script });
  return new OpenAIEmbeddingModel({ model: 'text-embedding-3-small', apiKey: key, baseURL: server.url, dimensions: 4, ...options });
}

const requests = () => server?.requests ?? [];
const texts = (n: number): string[] => Array.from({ length: n }, (_, i) => `text number ${i}`);

describe('OpenAIEmbeddingModel over HTTP', () => {
  it('embeds through POST /embeddings with floats, dimensions, user and the key', async () => {
    const embedder = await model(undefined, { user: 'user-1', providerOptions: { encoding_format: 'base64', extra_field: 1 } });
    expect(await embedder.embed('a river')).toEqual(hashEmbedding('a river', 4));
    expect(requests()[0]?.path).toBe('/v1/embeddings');
    expect(requests()[0]?.body).toEqual({
      model: 'text-embedding-3-small',
      input: ['a river'],
      encoding_format: 'float',
      dimensions: 4,
      user: 'user-1',
      extra_field: 1,
    });
    expect(requests()[0]?.headers.authorization).toBe(`Bearer ${key}`);
    expect(embedder.name).toBe('openai:text-embedding-3-small');
  });

  it('embeds 5000 texts in 3 calls of at most 2048, in input order, with summed usage and metadata', async () => {
    const embedder = await model();
    const input = texts(5000);
    const { embeddings, usage, metadata } = await embedder.embedMany(input);
    expect(requests().map((r) => (r.body as { input: string[] }).input.length)).toEqual([2048, 2048, 904]);
    expect(embeddings).toEqual(input.map((t) => hashEmbedding(t, 4)));
    expect(usage).toEqual({ inputTokens: input.reduce((sum, t) => sum + Math.ceil(t.length / 4), 0) });
    expect(metadata).toEqual(requests().map((r) => ({ model: 'text-embedding-3-small', requestId: r.requestId })));
  });

  it('keeps the input order when later batches answer first, and places vectors by their index', async () => {
    const embedder = await model(
      (request) => ((request.body?.input as string[])[0] === 'text number 0' ? { headersDelayMs: 150 } : { reverseOrder: true }),
      { maxEmbeddingsPerCall: 2, maxParallelCalls: 3 },
    );
    const { embeddings } = await embedder.embedMany(texts(6));
    expect(embeddings).toEqual(texts(6).map((t) => hashEmbedding(t, 4)));
    expect(requests().map((r) => r.outcome)).toEqual(['finished', 'finished', 'finished']);
  });

  it('retries a 429 after its Retry-After, then succeeds', async () => {
    // The model's wait in virtual time, its sockets real.
    vi.useFakeTimers({ toFake: [...timerFunctions] });
    const retries = retryRecorder();
    const embedder = await model([{ status: 429, retryAfter: 0.3 }, {}], { retry: { initialDelayMs: 1, onRetry: retries.onRetry } });
    const vector = embedder.embed('x');
    expect(await passRetryWait(vi, retries, () => requests().length)).toEqual({ waitMs: 300, requestsWhileWaiting: 1 });
    expect(await vector).toEqual(hashEmbedding('x', 4));
    expect(requests().map((r) => r.status)).toEqual([429, 200]);
  });

  it('gives up after maxRetries and keeps status, code and Retry-After', async () => {
    const embedder = await model({ status: 503, retryAfterMs: 5 }, { maxRetries: 1 });
    const error = await embedder.embed('x').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ProviderError', status: 503, retryable: true, retryAfterMs: 5 });
    expect(requests()).toHaveLength(2);
  });

  it('does not retry a 400 or insufficient_quota', async () => {
    const bad = await model({ status: 400, error: { message: 'Bad input', code: 'invalid_input', param: 'input' } });
    const error = await bad.embedMany(['a', 'b']).catch((e: unknown) => e);
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 400, code: 'invalid_input', retryable: false, provider: 'openai' });
    expect((error as Error).message).toContain('Bad input');
    expect(requests()).toHaveLength(1);
    await server?.close();

    const broke = await model({ status: 429, error: { code: 'insufficient_quota', type: 'insufficient_quota' } });
    await expect(broke.embed('x')).rejects.toMatchObject({ status: 429, code: 'insufficient_quota', retryable: false });
    expect(requests()).toHaveLength(1);
  });

  it('never shows the API key, in any field of an error or of the model', async () => {
    const embedder = await model({
      status: 401,
      requestId: `req-${key}`,
      error: { message: `Incorrect API key provided: ${key}`, code: `bad_${key}`, type: key, param: key },
    });
    const error = (await embedder.embed('x').catch((e: unknown) => e)) as ProviderError;
    expect(error).toMatchObject({ name: 'ProviderError', status: 401, retryable: false });
    const fields = [error.message, error.code, error.requestId, error.stack, JSON.stringify(error), inspect(error, { depth: 10 })];
    for (let cause: unknown = error.cause; cause instanceof Error; cause = cause.cause) fields.push(cause.message, String(cause.stack));
    for (const field of fields) expect(field ?? '').not.toContain(key);
    expect(error.message).toContain('***');
    expect(JSON.stringify(embedder)).not.toContain(key);
    expect(inspect(embedder, { depth: 10, showHidden: true })).not.toContain(key);
    await server?.close();

    // The same key echoed in an error body sent with a 200.
    const echoing = await model({ jsonErrorBody: true, requestId: key, error: { message: `bad key ${key}`, code: key } }, { maxRetries: 0 });
    const bodyError = (await echoing.embed('x').catch((e: unknown) => e)) as ProviderError;
    expect(bodyError).toMatchObject({ name: 'ProviderError', message: expect.stringContaining('bad key ***') });
    expect(JSON.stringify(bodyError)).not.toContain(key);
    expect([bodyError.message, bodyError.code, bodyError.requestId]).not.toContainEqual(expect.stringContaining(key));
  });

  it('never shows the key echoed only in code, type and request id under a plain message, not even in the cause chain', async () => {
    // Every error on the chain is checked whole: the SDK's APIError keeps the body and headers in fields of its own.
    const plain = await model({ status: 401, requestId: key, error: { message: 'Unauthorized.', code: key, type: key } });
    const error = (await plain.embed('x').catch((e: unknown) => e)) as ProviderError;
    expect(error).toMatchObject({ name: 'ProviderError', status: 401, code: '***', requestId: '***' });
    for (let shown: unknown = error; shown instanceof Error; shown = shown.cause) {
      expect([shown.message, String(shown.stack), JSON.stringify(shown), inspect(shown, { depth: 10 })]).not.toContainEqual(expect.stringContaining(key));
    }
  });

  it('aborting cancels the request at the socket, before and after the headers', async () => {
    const embedder = await model([{ headersDelayMs: Infinity }, { stallAfterChunks: 0 }]);
    for (const at of [0, 1]) {
      const controller = new AbortController();
      const failed = embedder.embed('x', { signal: controller.signal }).catch((e: unknown) => e);
      // The first stalls before its headers, the second after them (the body never comes).
      await eventually(() => requests()[at] !== undefined, `request ${at}`);
      if (at === 1) await eventually(() => requests()[1]?.status === 200, 'the headers of request 1');
      controller.abort();
      expect(await failed).toBeInstanceOf(AbortError);
      await requests()[at]?.socketClosed;
      expect(requests()[at]).toMatchObject({ closedEarly: true, outcome: 'client-closed' });
    }
    expect(requests()).toHaveLength(2);
  });

  it('a batch that fails for good aborts the batches in flight at the socket', async () => {
    const embedder = await model(
      (request) => ((request.body?.input as string[])[0] === 'bad' ? { headersDelayMs: 50, status: 400 } : { headersDelayMs: Infinity }),
      { maxEmbeddingsPerCall: 1, maxParallelCalls: 3 },
    );
    const error = await embedder.embedMany(['ok 1', 'bad', 'ok 2', 'never sent']).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400 });
    await Promise.all(requests().map((r) => r.settled));
    expect(requests().map((r) => [(r.body as { input: string[] }).input[0], r.outcome])).toEqual([
      ['ok 1', 'client-closed'],
      ['bad', 'finished'],
      ['ok 2', 'client-closed'],
    ]);
  });

  it('a silent server fails with TimeoutError after idleTimeout (retried), closing each socket', async () => {
    const embedder = await model({ headersDelayMs: Infinity }, { idleTimeout: 100, maxRetries: 1, retry: { initialDelayMs: 1 } });
    const error = await embedder.embed('x').catch((e: unknown) => e);
    expect(TimeoutError.isInstance(error) && error.kind).toBe('idle');
    await Promise.all(requests().map((r) => r.socketClosed));
    expect(requests().map((r) => r.outcome)).toEqual(['client-closed', 'client-closed']);
  });

  it('checks the answer: wrong count, not JSON, a 200 error body, a torn body', async () => {
    const wrongCount = await model({ embeddings: [[1, 2]] });
    await expect(wrongCount.embedMany(['a', 'b'])).rejects.toMatchObject({ code: 'malformed_event', retryable: false });
    expect(requests()).toHaveLength(1);
    await server?.close();

    const notNumbers = await model({ embeddings: [['x'] as unknown as number[]] });
    await expect(notNumbers.embed('a')).rejects.toMatchObject({ code: 'malformed_event' });
    await server?.close();

    const page = await model({ htmlPage: '<html>Please log in</html>' });
    await expect(page.embed('a')).rejects.toMatchObject({ code: 'unexpected_content_type', retryable: false });
    await server?.close();

    const errorBody = await model({ jsonErrorBody: true, error: { message: 'overloaded', code: 'server_error' } }, { maxRetries: 0 });
    await expect(errorBody.embed('a')).rejects.toMatchObject({ name: 'ProviderError', code: 'server_error', retryable: true });
    await server?.close();

    const torn = await model([{ dropAfterChunks: 0 }, {}], { retry: { initialDelayMs: 1 } });
    expect(await torn.embed('a')).toEqual(hashEmbedding('a', 4));
    expect(requests().map((r) => r.outcome)).toEqual(['server-dropped', 'finished']);
  });

  it('refuses a missing key before any request, and sends none with apiKey: null', async () => {
    vi.stubEnv('OPENAI_API_KEY', '');
    const keyless = await model(undefined, { apiKey: undefined });
    await expect(keyless.embed('a')).rejects.toBeInstanceOf(InputError);
    expect(requests()).toHaveLength(0);
    const local = new OpenAIEmbeddingModel({ model: 'nomic-embed-text', apiKey: null, baseURL: server?.url });
    await local.embed('a');
    expect(requests()[0]?.headers.authorization).toBeUndefined();
  });

  it('derived models keep their class and connection', async () => {
    const embedder = await model();
    const derived = embedder.withOptions({ providerOptions: { user: 'u2' } });
    expect(derived).toBeInstanceOf(OpenAIEmbeddingModel);
    await derived.embed('a');
    expect(requests()[0]?.body).toMatchObject({ user: 'u2', dimensions: 4 });
  });
});
