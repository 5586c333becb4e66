import { startMockHttpServer } from '@rivulet/provider-utils/testing';
import type { GoogleRecordedRequest, GoogleRequestBody } from './google-request-body.js';
import { googleRoutes } from './google-routes.js';
import type { MockScript } from './mock-script.js';

/** A running mock Gemini server. */
export interface MockGoogleServer {
  /** Base URL for `baseURL` (the SDK's `httpOptions.baseUrl`): `http://127.0.0.1:<port>`; any API version path works. */
  readonly url: string;
  /** Every request received (any route), in arrival order, each updated live. */
  readonly requests: GoogleRecordedRequest[];
  /** Stops the server and destroys every open connection, stalled streams included. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Starts a real HTTP server on a free loopback port that speaks the Gemini
 * API's wire format: `streamGenerateContent?alt=sse` (`data:` events of
 * `GenerateContentResponse` JSON, CRLF-framed), `batchEmbedContents` and
 * `embedContent`, with the faults a script asks for. Point the official
 * `@google/genai` SDK (or `GoogleChatModel`) at `url`. Without a script every
 * request gets `You said: <last user message>`. Each response carries an
 * `x-request-id` (the mock kit's; Google sends none).
 *
 * @example
 * ```ts
 * const server = await startMockGoogleServer({ text: 'Hello!', chunkSize: 2 });
 * const ai = new GoogleGenAI({ apiKey: 'test', httpOptions: { baseUrl: server.url } });
 * const stream = await ai.models.generateContentStream({ model: 'gemini-test', contents: 'Hi' });
 * for await (const chunk of stream) console.log(chunk.text);
 * await server.close();
 * ```
 */
export async function startMockGoogleServer(script?: MockScript): Promise<MockGoogleServer> {
  const server = await startMockHttpServer<GoogleRequestBody>({ handle: googleRoutes(script) });
  return { url: server.origin, requests: server.requests, close: () => server.close() };
}
