import { eventually } from '@rivulet/test-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { AbortError, ProviderError } from '@rivulet/core';
import { startMockOllamaServer, type MockOllamaScript, type MockOllamaServer } from '../testing/index.js';
import { OllamaEmbeddingModel, type OllamaEmbeddingModelOptions } from './ollama-embedding-model.js';
import { OllamaEmbeddingProvider, type OllamaEmbeddingProviderSettings } from './ollama-embedding-provider.js';

const apiKey = 'ollama-embed-secret-key';

let server: MockOllamaServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function providerFor(script: MockOllamaScript, settings: Partial<OllamaEmbeddingProviderSettings> = {}): Promise<OllamaEmbeddingProvider> {
  server = await startMockOllamaServer(script);
  return new OllamaEmbeddingProvider({ model: 'nomic-embed-text', host: server.url, apiKey, ...settings });
}

async function modelFor(script: MockOllamaScript, options: Partial<OllamaEmbeddingModelOptions> = {}): Promise<OllamaEmbeddingModel> {
  server = await startMockOllamaServer(script);
  return new OllamaEmbeddingModel({ model: 'nomic-embed-text', host: server.url, retry: { initialDelayMs: 1 }, ...options });
}

const embed = (provider: OllamaEmbeddingProvider, values: string[], signal = new AbortController().signal) => provider.doEmbed({ values, signal });

describe('OllamaEmbeddingProvider', () => {
  it('posts the texts as one input array with truncate, dimensions, keep_alive and provider options', async () => {
    const provider = await providerFor({ usage: { promptEvalCount: 5 } }, { truncate: false, dimensions: 16, keepAlive: '1m' });
    const result = await provider.doEmbed({ values: ['river', 'delta'], signal: new AbortController().signal, providerOptions: { options: { num_ctx: 2048 } } });
    expect(server!.requests[0]).toMatchObject({
      path: '/api/embed',
      headers: { authorization: `Bearer ${apiKey}` },
      body: { model: 'nomic-embed-text', input: ['river', 'delta'], truncate: false, dimensions: 16, keep_alive: '1m', options: { num_ctx: 2048 } },
    });
    expect(result.embeddings).toHaveLength(2);
    expect(result.embeddings[0]).toHaveLength(16);
    expect(result.usage).toEqual({ inputTokens: 5 });
    expect(result.metadata).toMatchObject({ model: 'nomic-embed-text', totalDuration: expect.any(Number) });
    expect([provider.provider, provider.modelId, provider.maxEmbeddingsPerCall]).toEqual(['ollama', 'nomic-embed-text', undefined]);
  });

  it('keeps an HTTP error\'s status and message', async () => {
    const provider = await providerFor({ status: 400, error: { message: '"llama3.2" does not support embeddings' } });
    const error = await embed(provider, ['x']).catch((e: unknown) => e);
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 400, retryable: false, message: 'ollama: HTTP 400: "llama3.2" does not support embeddings' });
  });

  it('a body that is not JSON is unexpected_content_type; JSON of the wrong shape or count malformed_event', async () => {
    const provider = await providerFor([
      { verbatimBody: { contentType: 'text/html', text: '<html>login</html>' } },
      { verbatimBody: { contentType: 'application/json', text: '{"embeddings":[["a"]]}' } },
      { verbatimBody: { contentType: 'application/json', text: 'not json' } },
      { embeddings: [[1, 2]] },
    ]);
    const errors = [];
    for (let i = 0; i < 4; i++) errors.push(await embed(provider, ['a', 'b']).catch((e: unknown) => e));
    expect(errors.map((error) => (error as ProviderError).code)).toEqual(['unexpected_content_type', 'malformed_event', 'malformed_event', 'malformed_event']);
    expect(errors.every((error) => (error as ProviderError).retryable === false)).toBe(true);
    expect((errors[3] as Error).message).toContain('2 texts sent but 1 vectors received');
  });

  it('a dropped connection is retryable, and the key is masked everywhere', async () => {
    const provider = await providerFor([{ dropBeforeHeaders: true }, { status: 401, error: { message: `bad key ${apiKey}` } }]);
    expect(await embed(provider, ['x']).catch((e: unknown) => e)).toMatchObject({ code: 'connection_error', retryable: true });
    const error = await embed(provider, ['x']).catch((e: unknown) => e);
    for (const visible of [String(error), (error as Error).stack, JSON.stringify(error)]) expect(visible).not.toContain(apiKey);
  });

  it('aborting the signal closes the request', async () => {
    const provider = await providerFor({ headersDelayMs: 5_000 });
    const controller = new AbortController();
    const outcome = embed(provider, ['x'], controller.signal);
    await eventually(() => server!.requests.length === 1, 'the request to arrive');
    controller.abort();
    await expect(outcome).rejects.toSatisfy(AbortError.isInstance);
    await server!.requests[0]!.settled;
    expect(server!.requests[0]!.closedEarly).toBe(true);
  });
});

describe('OllamaEmbeddingModel', () => {
  it('embeds one text and many, batched by maxEmbeddingsPerCall, with the usage summed', async () => {
    const model = await modelFor({}, { maxEmbeddingsPerCall: 2, dimensions: 4 });
    const one = await model.embed('river');
    expect(one).toHaveLength(4);
    const { embeddings, usage } = await model.embedMany(['river', 'delta', 'fjord']);
    expect(embeddings).toHaveLength(3);
    expect(embeddings[0]).toEqual(one);
    expect(usage?.inputTokens).toBeGreaterThan(0);
    expect(server!.requests.slice(1).map((request) => request.body?.input)).toEqual([['river', 'delta'], ['fjord']]);
    expect(model.name).toBe('ollama:nomic-embed-text');
  });

  it('retries a retryable status', async () => {
    const model = await modelFor([{ status: 503, error: { message: 'busy' } }, {}]);
    expect(await model.embed('x')).toHaveLength(8);
    expect(server!.requests.map((request) => request.status)).toEqual([503, 200]);
  });
});
