import { describe, expect, it } from 'vitest';
import { inspect } from 'node:util';
import { OpenAIChatModel } from './openai-chat-model.js';
import { startMockOpenAIServer } from '../testing/index.js';

describe('OpenAIChatModel keeps its API key to itself', () => {
  it('never shows the key when serialized, inspected or logged', () => {
    const key = 'sk-live-very-secret-0123456789';
    const model = new OpenAIChatModel({ model: 'gpt-test', apiKey: key, baseURL: 'http://127.0.0.1:9/v1', temperature: 0 });
    expect(JSON.stringify(model)).not.toContain(key);
    expect(inspect(model, { depth: 10, showHidden: true })).not.toContain(key);
    expect(JSON.stringify(model.withOptions({ maxTokens: 5 }))).not.toContain(key);
    expect(JSON.stringify(model.options)).not.toContain(key);
  });

  it('masks the key in the message of a JSON error body answered to a streaming request', async () => {
    // Found by the stress suite: this path built its message from the body without masking it.
    const key = 'sk-live-very-secret-0123456789';
    const server = await startMockOpenAIServer({ jsonErrorBody: true, error: { message: `Incorrect API key provided: ${key}`, code: 'invalid_api_key' } });
    try {
      const model = new OpenAIChatModel({ model: 'gpt-test', apiKey: key, baseURL: server.url, maxRetries: 0 });
      const error = await model.invoke('x').catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'ProviderError', code: 'invalid_api_key', message: expect.stringContaining('Incorrect API key provided: ***') });
      expect(String((error as Error).message)).not.toContain(key);
      expect(JSON.stringify(error)).not.toContain(key);
      expect((error as Error).stack).not.toContain(key);
    } finally {
      await server.close();
    }
  });
});
