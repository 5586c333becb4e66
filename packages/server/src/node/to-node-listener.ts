import type { IncomingMessage, ServerResponse } from 'node:http';
import { AbortError } from '@rivulet/core';
import type { RequestHandler } from '../handler/create-handler.js';
import { toWebRequest } from './to-web-request.js';
import { writeWebResponse } from './write-web-response.js';

/** A `node:http` request listener, as `http.createServer` and Express take it. */
export type NodeListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Adapts a Web-standard handler (from {@link createHandler}) to `node:http`.
 * The Request's signal aborts when the client's connection closes before the
 * answer is complete, and the response body is streamed with backpressure.
 * Works as an Express middleware too; a body already parsed by
 * `express.json()` is used as it is.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * createServer(toNodeListener(createHandler(chain))).listen(3000);
 * // Express: app.use('/api/trip', toNodeListener(handler));
 * ```
 */
export function toNodeListener(handler: RequestHandler): NodeListener {
  return (req, res) => {
    void serve(handler, req, res);
  };
}

async function serve(handler: RequestHandler, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort(new AbortError('The client disconnected.'));
  });
  try {
    const response = await handler(toWebRequest(req, controller.signal));
    // An unread request body (refused as too large) must not be drained: close the connection instead.
    if (!req.complete && !res.headersSent) res.setHeader('connection', 'close');
    await writeWebResponse(response, res);
  } catch {
    if (res.headersSent) res.destroy();
    else {
      res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ error: { name: 'RivuletError', message: 'Internal server error.' } }));
    }
  }
}
