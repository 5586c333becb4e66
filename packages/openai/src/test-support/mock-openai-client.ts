import OpenAI from 'openai';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { afterEach } from 'vitest';
import type { MockScript } from '../testing/mock-script.js';
import { startMockOpenAIServer, type MockOpenAIServer } from '../testing/start-mock-openai-server.js';

/** Options of the official SDK client a test points at the mock server. */
export interface MockClientOptions {
  readonly maxRetries?: number;
  readonly timeout?: number;
}

/**
 * For the mock server's own tests: starts a mock per test (closed after it)
 * and gives the official `openai` SDK pointed at it, retries off and its
 * console logging off (it logs malformed events otherwise).
 */
export function useMockOpenAIClient(): {
  start(script?: MockScript, options?: MockClientOptions): Promise<OpenAI>;
  server(): MockOpenAIServer;
} {
  let current: MockOpenAIServer | undefined;
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return {
    async start(script, options = {}) {
      current = await startMockOpenAIServer(script);
      return new OpenAI({ apiKey: 'test', baseURL: current.url, maxRetries: 0, logLevel: 'off', ...options });
    },
    server() {
      if (!current) throw new Error('no mock server started in this test');
      return current;
    },
  };
}

/** Every chunk of a streamed completion of `messages`, with usage unless told otherwise. */
export async function streamChunks(
  client: OpenAI,
  messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[],
  extra: { n?: number; includeUsage?: boolean } = {},
): Promise<ChatCompletionChunk[]> {
  const stream = await client.chat.completions.create({
    model: 'gpt-test',
    messages,
    stream: true,
    ...(extra.n === undefined ? {} : { n: extra.n }),
    ...(extra.includeUsage === false ? {} : { stream_options: { include_usage: true } }),
  });
  const chunks: ChatCompletionChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}
