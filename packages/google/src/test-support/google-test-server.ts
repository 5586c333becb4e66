import { afterEach } from 'vitest';
import { GoogleChatModel, type GoogleChatModelOptions } from '../chat/google-chat-model.js';
import { startMockGoogleServer, type MockGoogleServer, type MockScript } from '../testing/index.js';

/** The key the tests configure; long enough to be masked. */
export const TEST_KEY = 'AIza-test-key-0123456789';

const open: MockGoogleServer[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

/** A mock Gemini server for one test (closed after it), and a model on it. */
export async function googleTestServer(
  script?: MockScript,
  options: Partial<GoogleChatModelOptions> = {},
): Promise<{ readonly server: MockGoogleServer; readonly model: GoogleChatModel }> {
  const server = await startMockGoogleServer(script);
  open.push(server);
  const model = new GoogleChatModel({ model: 'gemini-test', apiKey: TEST_KEY, baseURL: server.url, maxRetries: 0, ...options });
  return { server, model };
}
