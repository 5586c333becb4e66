import { afterEach } from 'vitest';
import { responsesBody, startMockOpenAIServer, type MockOpenAIServer, type MockScript, type OpenAIResponsesRequestBody } from '../../testing/index.js';
import { OpenAIResponsesModel, type OpenAIResponsesModelOptions } from '../openai-responses-model.js';

/** The API key the tests configure; no error may ever show it. */
export const testApiKey = 'sk-test-responses-secret';

/**
 * A mock OpenAI server per test (closed after it) and an
 * `OpenAIResponsesModel` on it, retries backing off from 1 ms.
 */
export function useResponsesModel(): {
  model(script: MockScript, options?: Partial<OpenAIResponsesModelOptions>): Promise<OpenAIResponsesModel>;
  server(): MockOpenAIServer;
  /** The body of the `i`-th request, read as a Responses request. */
  body(index?: number): OpenAIResponsesRequestBody;
} {
  let current: MockOpenAIServer | undefined;
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  const server = (): MockOpenAIServer => {
    if (current === undefined) throw new Error('no mock server started in this test');
    return current;
  };
  return {
    async model(script, options = {}) {
      current = await startMockOpenAIServer(script);
      return new OpenAIResponsesModel({ model: 'gpt-test', apiKey: testApiKey, baseURL: current.url, retry: { initialDelayMs: 1 }, ...options });
    },
    server,
    body(index = 0) {
      const request = server().requests[index];
      if (request === undefined) throw new Error(`no request ${index}`);
      return responsesBody(request) ?? {};
    },
  };
}
