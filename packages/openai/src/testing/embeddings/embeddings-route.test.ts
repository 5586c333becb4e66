import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { hashEmbedding } from '@rivulet/models/testing';
import { startMockOpenAIServer, type MockEmbeddingScript, type MockOpenAIServer } from '../index.js';

let server: MockOpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function client(embeddings?: MockEmbeddingScript): Promise<OpenAI> {
  server = await startMockOpenAIServer(undefined, { embeddings });
  return new OpenAI({ apiKey: 'test', baseURL: server.url, maxRetries: 0, logLevel: 'off' });
}

describe('mock OpenAI server: POST /v1/embeddings', () => {
  it('answers every input with its hashed unit vector, in OpenAI shape, with usage', async () => {
    const openai = await client();
    const response = await openai.embeddings.create({ model: 'text-embedding-3-small', input: ['a river', 'a fjord'], encoding_format: 'float', dimensions: 8 });
    expect(response).toEqual({
      object: 'list',
      data: [
        { object: 'embedding', index: 0, embedding: hashEmbedding('a river', 8) },
        { object: 'embedding', index: 1, embedding: hashEmbedding('a fjord', 8) },
      ],
      model: 'text-embedding-3-small',
      usage: { prompt_tokens: 4, total_tokens: 4 },
    });
    expect(Math.hypot(...(response.data[0]?.embedding ?? []))).toBeCloseTo(1, 12);
    expect(server?.requests[0]?.body).toMatchObject({ input: ['a river', 'a fjord'], dimensions: 8 });
  });

  it('defaults to 1536 dimensions and takes a single string', async () => {
    const openai = await client();
    const response = await openai.embeddings.create({ model: 'm', input: 'one text', encoding_format: 'float' });
    expect(response.data).toHaveLength(1);
    expect(response.data[0]?.embedding).toHaveLength(1536);
  });

  it('speaks base64 (the SDK default) as little-endian float32', async () => {
    const openai = await client({ dimensions: 4 });
    const response = await openai.embeddings.create({ model: 'm', input: ['x y'] });
    expect(server?.requests[0]?.body).toMatchObject({ encoding_format: 'base64' });
    expect(Array.from(response.data[0]?.embedding ?? [])).toEqual(Array.from(Float32Array.from(hashEmbedding('x y', 4))));
  });

  it('plays scripted vectors, order, usage and model', async () => {
    const openai = await client({ embeddings: [[1], [2]], reverseOrder: true, promptTokens: false, model: 'other' });
    const response = await openai.embeddings.create({ model: 'm', input: ['a', 'b'], encoding_format: 'float' });
    expect(response.data.map((d) => [d.index, d.embedding])).toEqual([
      [1, [2]],
      [0, [1]],
    ]);
    expect(response.usage).toBeUndefined();
    expect(response.model).toBe('other');
  });

  it('refuses what OpenAI refuses with a 400: no input, an empty string, more than 2048 inputs', async () => {
    const openai = await client();
    const status = (input: string[]) =>
      openai.embeddings.create({ model: 'm', input, encoding_format: 'float', dimensions: 1 }).then(
        () => 200,
        (e: InstanceType<typeof OpenAI.APIError>) => [e.status, e.param],
      );
    expect(await status([])).toEqual([400, 'input']);
    expect(await status(['a', ''])).toEqual([400, 'input']);
    expect(await status(Array.from({ length: 2049 }, () => 'x'))).toEqual([400, 'input']);
    expect(await status(Array.from({ length: 2048 }, () => 'x'))).toBe(200);
  });

  it('plays the fault schedule: status with Retry-After, then a normal answer', async () => {
    const openai = await client([{ status: 429, retryAfter: 2, error: { message: 'Slow down' } }, {}]);
    const error = (await openai.embeddings.create({ model: 'm', input: ['a'], encoding_format: 'float' }).catch((e: unknown) => e)) as InstanceType<
      typeof OpenAI.APIError
    >;
    expect(error.status).toBe(429);
    expect(error.headers?.get('retry-after')).toBe('2');
    expect(error.message).toContain('Slow down');
    const ok = await openai.embeddings.create({ model: 'm', input: ['a'], encoding_format: 'float', dimensions: 2 });
    expect(ok.data[0]?.embedding).toEqual(hashEmbedding('a', 2));
  });

  it('drops the connection, or tears the body, when told', async () => {
    const openai = await client([{ dropBeforeHeaders: true }, { dropAfterChunks: 0 }]);
    await expect(openai.embeddings.create({ model: 'm', input: ['a'], encoding_format: 'float' })).rejects.toBeInstanceOf(OpenAI.APIConnectionError);
    await expect(openai.embeddings.create({ model: 'm', input: ['a'], encoding_format: 'float' })).rejects.toThrow();
    expect(server?.requests.map((r) => r.outcome)).toEqual(['server-dropped', 'server-dropped']);
  });
});
