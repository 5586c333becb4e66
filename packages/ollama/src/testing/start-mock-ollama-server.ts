import { startMockHttpServer } from '@rivulet/provider-utils/testing';
import type { MockOllamaScript } from './mock-script.js';
import type { OllamaRecordedRequest, OllamaRequestBody } from './ollama-request-body.js';
import { ollamaRoutes } from './ollama-routes.js';

/** A running mock Ollama server. */
export interface MockOllamaServer {
  /** The host for the `ollama` client or `OllamaChatModel`: `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** Every request received (any route), in arrival order, each updated live. */
  readonly requests: OllamaRecordedRequest[];
  /** Stops the server and destroys every open connection, stalled streams included. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Starts a real HTTP server on a free loopback port that speaks Ollama's
 * native API: `/api/chat` as an NDJSON stream (or one object for
 * `stream: false`) and `/api/embed`, with the faults a script asks for.
 * Point the official `ollama` client, or `OllamaChatModel`'s `host`, at
 * `url`. Without a script every chat gets `You said: <last user message>`.
 *
 * @example
 * ```ts
 * const server = await startMockOllamaServer({ text: 'Hello!', chunkSize: 2 });
 * const client = new Ollama({ host: server.url });
 * for await (const part of await client.chat({ model: 'llama3.2', messages: [{ role: 'user', content: 'Hi' }], stream: true })) {
 *   process.stdout.write(part.message.content);
 * }
 * await server.close();
 * ```
 */
export async function startMockOllamaServer(script?: MockOllamaScript): Promise<MockOllamaServer> {
  const server = await startMockHttpServer<OllamaRequestBody>({ handle: ollamaRoutes(script) });
  return { url: server.origin, requests: server.requests, close: () => server.close() };
}
