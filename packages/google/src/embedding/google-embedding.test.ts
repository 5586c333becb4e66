import { AbortError, InputError, ProviderError } from '@rivulet/core';
import { startMockHttpServer } from '@rivulet/provider-utils/testing';
import { eventually } from '@rivulet/test-kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TEST_KEY } from '../test-support/google-test-server.js';
import { startMockGoogleServer, type MockGoogleServer, type MockScript } from '../testing/index.js';
import { GoogleEmbeddingModel } from './google-embedding-model.js';
import { GOOGLE_MAX_EMBEDDINGS_PER_CALL, GoogleEmbeddingModelProvider } from './google-embedding-provider.js';

const open: MockGoogleServer[] = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all(open.splice(0).map((server) => server.close()));
});

async function start(script?: MockScript): Promise<{ server: MockGoogleServer; provider: GoogleEmbeddingModelProvider }> {
  const server = await startMockGoogleServer(script);
  open.push(server);
  return { server, provider: new GoogleEmbeddingModelProvider({ model: 'gemini-embedding-test', apiKey: TEST_KEY, baseURL: server.url }) };
}

const signal = (): AbortSignal => new AbortController().signal;

describe('GoogleEmbeddingModelProvider', () => {
  it('embeds a batch through batchEmbedContents, one vector per text in order, with provider options per request', async () => {
    const { server, provider } = await start({ usage: { promptTokenCount: 7 } });
    const result = await provider.doEmbed({ values: ['a river', 'a stream'], providerOptions: { taskType: 'RETRIEVAL_DOCUMENT', outputDimensionality: 4 }, signal: signal() });
    const request = server.requests[0];
    expect(request?.path).toMatch(/\/models\/gemini-embedding-test:batchEmbedContents$/);
    expect(request?.headers['x-goog-api-key']).toBe(TEST_KEY);
    expect(request?.body?.requests).toEqual([
      { model: 'models/gemini-embedding-test', content: { role: 'user', parts: [{ text: 'a river' }] }, taskType: 'RETRIEVAL_DOCUMENT', outputDimensionality: 4 },
      { model: 'models/gemini-embedding-test', content: { role: 'user', parts: [{ text: 'a stream' }] }, taskType: 'RETRIEVAL_DOCUMENT', outputDimensionality: 4 },
    ]);
    expect(result.embeddings).toHaveLength(2);
    expect(result.embeddings.every((vector) => vector.length === 4)).toBe(true);
    expect(result.embeddings[0]).not.toEqual(result.embeddings[1]);
    expect(result.usage).toEqual({ inputTokens: 7 });
    expect(result.metadata).toEqual({ requestId: request?.requestId });
  });

  it("declares Google's limit of 100 texts a call", async () => {
    const { provider } = await start();
    expect(provider.maxEmbeddingsPerCall).toBe(100);
    expect(GOOGLE_MAX_EMBEDDINGS_PER_CALL).toBe(100);
  });

  it('an answer with the wrong number of vectors, or vectors that are not numbers, is malformed_event', async () => {
    const { provider } = await start([{ embeddings: [[1, 2]] }, { embeddings: [[1, 2], ['x' as unknown as number]] }]);
    for (let i = 0; i < 2; i++) {
      const error = await provider.doEmbed({ values: ['a', 'b'], signal: signal() }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'malformed_event', retryable: false });
    }
  });

  it('an HTTP error keeps status, Google status and the wait RetryInfo asks for, with the key masked', async () => {
    const { provider } = await start({ status: 429, retryDelay: '3s', error: { message: `Quota exceeded for key ${TEST_KEY}` } });
    const error = await provider.doEmbed({ values: ['a'], signal: signal() }).catch((e: unknown) => e);
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 429, code: 'RESOURCE_EXHAUSTED', retryable: true, retryAfterMs: 3000 });
    expect(JSON.stringify(error) + String(error)).not.toContain(TEST_KEY);
  });

  it('a 200 that is not JSON (a login page) is unexpected_content_type', async () => {
    const { provider } = await start({ htmlPage: '<html>Sign in</html>' });
    const error = await provider.doEmbed({ values: ['a'], signal: signal() }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'unexpected_content_type', retryable: false });
  });

  it('a 200 JSON body that is not valid JSON is malformed_event, not a retryable transport failure', async () => {
    const server = await startMockHttpServer({
      handle({ response }) {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"embeddings": [');
      },
    });
    try {
      const provider = new GoogleEmbeddingModelProvider({ model: 'm', apiKey: TEST_KEY, baseURL: server.origin });
      const error = await provider.doEmbed({ values: ['a'], signal: signal() }).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'ProviderError', code: 'malformed_event', retryable: false });
    } finally {
      await server.close();
    }
  });

  it('no key is an InputError before any request', async () => {
    const { server } = await start();
    vi.stubEnv('GOOGLE_API_KEY', '');
    vi.stubEnv('GEMINI_API_KEY', '');
    const provider = new GoogleEmbeddingModelProvider({ model: 'm', baseURL: server.url });
    expect(InputError.isInstance(await provider.doEmbed({ values: ['a'], signal: signal() }).catch((e: unknown) => e))).toBe(true);
    expect(server.requests).toHaveLength(0);
  });

  it('aborting the signal ends with AbortError and closes the connection', async () => {
    const { server, provider } = await start({ headersDelayMs: 5_000 });
    const controller = new AbortController();
    const pending = provider.doEmbed({ values: ['a'], signal: controller.signal }).catch((e: unknown) => e);
    await eventually(() => server.requests.length === 1, 'the request to arrive');
    controller.abort();
    expect(AbortError.isInstance(await pending)).toBe(true);
    await server.requests[0]?.settled;
    expect(server.requests[0]?.closedEarly).toBe(true);
  });
});

describe('GoogleEmbeddingModel', () => {
  it('embedMany splits 250 texts into calls of at most 100, vectors in input order, usage summed', async () => {
    const server = await startMockGoogleServer({ usage: { promptTokenCount: 1 } });
    open.push(server);
    const embedder = new GoogleEmbeddingModel({ model: 'gemini-embedding-test', apiKey: TEST_KEY, baseURL: server.url, providerOptions: { outputDimensionality: 3 } });
    const texts = Array.from({ length: 250 }, (_, i) => `text ${i}`);
    const { embeddings, usage } = await embedder.embedMany(texts);
    expect(server.requests.map((request) => request.body?.requests?.length)).toEqual([100, 100, 50]);
    expect(embeddings).toHaveLength(250);
    expect(embeddings[137]).toEqual(await embedder.embed('text 137'));
    expect(usage).toEqual({ inputTokens: 3 });
  });
});
