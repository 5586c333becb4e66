import { startMockHttpServer } from '@rivulet/provider-utils/testing';
import type { MockScript } from './mock-script.js';
import type { OpenAIRecordedRequest, OpenAIRequestBody } from './openai-request-body.js';
import { openAIRoutes } from './openai-routes.js';
import type { MockEmbeddingScript } from './embeddings/mock-embedding-reply.js';

/** What the mock OpenAI server answers on routes other than chat completions. */
export interface MockOpenAIServerOptions {
  /** The script of `POST /v1/embeddings`; without it every input gets a vector hashed from its text. */
  readonly embeddings?: MockEmbeddingScript | undefined;
}

/** A running mock OpenAI server. */
export interface MockOpenAIServer {
  /** Base URL for the SDK's `baseURL`: `http://127.0.0.1:<port>/v1`. */
  readonly url: string;
  /** Every request received (any route), in arrival order, each updated live. */
  readonly requests: OpenAIRecordedRequest[];
  /**
   * Stops the server and destroys every open connection, stalled streams
   * included, so a test never hangs on it. Safe to call twice.
   */
  close(): Promise<void>;
}

/**
 * Starts a real HTTP server on a free loopback port that speaks the OpenAI
 * Chat Completions wire format, streaming and not, and injects the faults a
 * script asks for. Point the official `openai` SDK (or any OpenAI-compatible
 * client) at `url`. Without a script every request gets `You said: <last user
 * message>`. `POST /v1/embeddings` answers too (deterministic vectors, see
 * `MockEmbeddingReply`), scripted by `options.embeddings`. `POST /v1/responses`
 * plays the same script in the Responses API's streaming format (named,
 * typed, numbered events: reasoning summary, text, function calls, then
 * `response.completed`, or `response.incomplete` for a `length` or
 * `content_filter` finish), with the same faults.
 *
 * @example
 * ```ts
 * const server = await startMockOpenAIServer({ text: 'Hello!', chunkSize: 2 });
 * const client = new OpenAI({ apiKey: 'test', baseURL: server.url, maxRetries: 0 });
 * const stream = await client.chat.completions.create({
 *   model: 'mock-model',
 *   messages: [{ role: 'user', content: 'Hi' }],
 *   stream: true,
 * });
 * for await (const chunk of stream) console.log(chunk.choices[0]?.delta.content);
 * await server.close();
 * ```
 */
export async function startMockOpenAIServer(script?: MockScript, options: MockOpenAIServerOptions = {}): Promise<MockOpenAIServer> {
  const server = await startMockHttpServer<OpenAIRequestBody>({ handle: openAIRoutes(script, options) });
  return { url: `${server.origin}/v1`, requests: server.requests, close: () => server.close() };
}
