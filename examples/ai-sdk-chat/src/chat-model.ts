import { OpenAIChatModel } from '@rivulet/openai';
import { startMockOpenAIServer, type MockOpenAIServer } from '@rivulet/openai/testing';

/** The chat model behind the example, and the offline server when there is no API key. */
export interface ExampleModel {
  readonly model: OpenAIChatModel;
  readonly mock: MockOpenAIServer | undefined;
  close(): Promise<void>;
}

/**
 * OpenAI when `OPENAI_API_KEY` is set (and `OPENAI_BASE_URL` for a compatible
 * endpoint); otherwise the embedded mock, which answers each message with a
 * reply about it, streamed in small pieces (`delayMs` apart) so a UI visibly fills in.
 */
export async function startExampleModel(options: { readonly delayMs?: number } = {}): Promise<ExampleModel> {
  const apiKey = process.env['OPENAI_API_KEY'];
  if (apiKey !== undefined && apiKey !== '') {
    const model = new OpenAIChatModel({ model: process.env['RIVULET_MODEL'] ?? 'gpt-4o-mini', apiKey, baseURL: process.env['OPENAI_BASE_URL'] });
    return { model, mock: undefined, close: async () => undefined };
  }
  const mock = await startMockOpenAIServer((request) => {
    const turns = request.body?.messages?.filter((message) => message.role === 'user').length ?? 0;
    return {
      text: `Turn ${turns}. Rivers carry water from mountains to the sea, shaping valleys on the way; this reply streams in small pieces so you can watch it arrive.`,
      chunkSize: 4,
      delayMs: options.delayMs ?? 15,
    };
  });
  const model = new OpenAIChatModel({ model: 'gpt-4o-mini', apiKey: 'offline-example', baseURL: mock.url });
  return { model, mock, close: () => mock.close() };
}
