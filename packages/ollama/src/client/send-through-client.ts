import { Ollama } from 'ollama/browser';
import type { OllamaConnection } from './ollama-connection.js';

/**
 * Ends the client's part of a call once the response is in hand; never leaves
 * this module. One for all calls (each call keeps its own response): an
 * `Error` made per call captured a stack trace each time, about 45 µs.
 */
const responseTaken = new Error('response taken from the ollama client');

/**
 * Sends one request through the official `ollama` client (its URL rules,
 * headers and body encoding) and returns the raw `Response`, as the `openai`
 * SDK's `.asResponse()` does. The client reads bodies in ways that hide what
 * happened: its NDJSON parser skips lines that are not JSON with a
 * `console.warn`, an error line and a stream ending without `done` become
 * plain `Error`s, an HTTP error keeps only its message and status, and a 200
 * HTML page is parsed as NDJSON. So the `fetch` it is given keeps the
 * response and stops the client there; the caller checks status and content
 * type and decodes the body itself. The request uses `signal`, so aborting it
 * closes the connection, before or after the headers.
 *
 * @throws whatever `fetch` throws (network failure, abort).
 */
export async function sendThroughClient(
  connection: OllamaConnection,
  signal: AbortSignal,
  send: (client: Ollama) => Promise<unknown>,
): Promise<Response> {
  let response: Response | undefined;
  // One client per call: the fetch below belongs to this call alone. Construction only formats the host.
  const client = new Ollama({
    host: connection.host,
    headers: { ...connection.headers },
    fetch: async (input, init) => {
      response = await connection.fetch(input, { ...init, signal });
      throw responseTaken;
    },
  });
  try {
    await send(client);
  } catch (error) {
    if (error === responseTaken && response !== undefined) return response;
    throw error;
  }
  throw new Error('the ollama client returned without sending a request');
}
