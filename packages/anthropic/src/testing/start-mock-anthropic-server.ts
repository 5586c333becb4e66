import { startMockHttpServer } from '@rivulet/provider-utils/testing';
import type { AnthropicMockRequestBody, AnthropicRecordedRequest } from './anthropic-request-record.js';
import { anthropicRoutes } from './anthropic-routes.js';
import type { MockAnthropicScript } from './mock-anthropic-script.js';

/** A running mock Anthropic server. */
export interface MockAnthropicServer {
  /** The origin to use as `baseURL` (no `/v1`, as for the official SDK): `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** Every request received (any route), in arrival order, each updated live. */
  readonly requests: AnthropicRecordedRequest[];
  /** Stops the server and destroys every open connection, stalled streams included. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Starts a real HTTP server on a free loopback port that speaks Anthropic's
 * Messages API, streaming (named SSE events) and not, answers with a
 * `request-id` header, checks requests as the API does (`x-api-key`,
 * `anthropic-version`, `model`, `max_tokens`, `messages`), and injects the
 * faults a script asks for. Point `AnthropicChatModel` or the official SDK at
 * `url`. Without a script every request gets `You said: <last user message>`.
 *
 * @example
 * ```ts
 * const server = await startMockAnthropicServer({ text: 'Hello!', chunkSize: 2 });
 * const model = new AnthropicChatModel({ model: 'claude-test', apiKey: 'test', baseURL: server.url });
 * console.log((await model.invoke('Hi')).content); // 'Hello!'
 * await server.close();
 * ```
 */
export async function startMockAnthropicServer(script?: MockAnthropicScript): Promise<MockAnthropicServer> {
  const server = await startMockHttpServer<AnthropicMockRequestBody>({ handle: anthropicRoutes(script), requestIdHeader: 'request-id' });
  return { url: server.origin, requests: server.requests, close: () => server.close() };
}
