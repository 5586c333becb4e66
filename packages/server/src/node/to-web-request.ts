import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { nodeBodyStream } from './node-body-stream.js';

/**
 * The Web `Request` for a `node:http` request, aborted through `signal`. When
 * a framework already consumed and parsed the body (Express with
 * `express.json()`), its parsed `req.body` is sent on as JSON.
 */
export function toWebRequest(req: IncomingMessage, signal: AbortSignal): Request {
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string);
  const method = req.method ?? 'GET';
  const init: RequestInit & { duplex?: 'half' } = { method, headers, signal };
  if (method !== 'GET' && method !== 'HEAD') {
    const parsed = (req as IncomingMessage & { body?: unknown }).body;
    if (req.readableEnded && parsed !== undefined) {
      headers.delete('content-length');
      init.body = typeof parsed === 'string' ? parsed : JSON.stringify(parsed);
    } else {
      init.body = nodeBodyStream(req);
      init.duplex = 'half'; // required by fetch for a streamed body
    }
  }
  return new Request(requestUrl(req), init);
}

function requestUrl(req: IncomingMessage): string {
  const scheme = (req.socket as Partial<TLSSocket>).encrypted ? 'https' : 'http';
  const path = req.url ?? '/';
  try {
    return new URL(path, `${scheme}://${req.headers.host ?? 'localhost'}`).href;
  } catch {
    return new URL(path, `${scheme}://localhost`).href; // a malformed Host header must not crash the server
  }
}
