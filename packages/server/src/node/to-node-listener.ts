import type { IncomingMessage, ServerResponse } from 'node:http';
import { AbortError } from '@rivulet/core';
import type { RequestHandler } from '../handler/create-handler.js';
import { defaultSendTimeoutMs, type NodeListenerOptions } from './node-listener-options.js';
import { toWebRequest } from './to-web-request.js';
import { writeWebResponse } from './write-web-response.js';

/** A `node:http` request listener, as `http.createServer` and Express take it. */
export type NodeListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Adapts a Web-standard handler (from {@link createHandler}) to `node:http`.
 * The Request's signal aborts when the client's connection closes before the
 * answer is complete, and the response body is streamed with backpressure.
 * A client that stops reading is disconnected after `sendTimeoutMs`.
 * Works as an Express middleware too; a body already parsed by
 * `express.json()` is used as it is. The server's own timeouts (headers,
 * request) are the server's: `createNodeServer` sets them.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * createServer({ headersTimeout: 10_000, requestTimeout: 30_000 }, toNodeListener(createHandler(chain))).listen(3000);
 * // Express: app.use('/api/trip', toNodeListener(handler));
 * ```
 */
export function toNodeListener(handler: RequestHandler, options: NodeListenerOptions = {}): NodeListener {
  const sendTimeoutMs = options.sendTimeoutMs ?? defaultSendTimeoutMs;
  // Node's timers take at most 2^31 - 1 ms; a longer one would fire at once.
  if (!(sendTimeoutMs > 0 && (sendTimeoutMs < 2 ** 31 || sendTimeoutMs === Infinity))) {
    throw new TypeError(`toNodeListener: sendTimeoutMs must be from 1 to 2147483647 ms, or Infinity for none, not ${String(sendTimeoutMs)}.`);
  }
  return (req, res) => {
    void serve(handler, req, res, sendTimeoutMs);
  };
}

async function serve(handler: RequestHandler, req: IncomingMessage, res: ServerResponse, sendTimeoutMs: number): Promise<void> {
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort(new AbortError('The client disconnected.'));
  });
  try {
    const response = await handler(toWebRequest(req, controller.signal));
    // An unread request body (refused as too large) must not be drained: close the connection instead.
    if (!req.complete && !res.headersSent) res.setHeader('connection', 'close');
    await writeWebResponse(response, res, sendTimeoutMs);
  } catch {
    if (res.headersSent) res.destroy();
    else {
      res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ error: { name: 'RivuletError', message: 'Internal server error.' } }));
    }
  }
}
