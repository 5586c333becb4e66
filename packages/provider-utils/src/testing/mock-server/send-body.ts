import type { HttpExchange } from './http-exchange.js';

/**
 * Answers an exchange with a complete body. Does nothing when the client is
 * already gone or headers were sent, so error paths can call it blindly.
 */
export function sendBody(
  exchange: HttpExchange,
  status: number,
  contentType: string,
  text: string,
  headers: Readonly<Record<string, string>> = {},
): void {
  const { response, signal } = exchange;
  if (signal.aborted || response.headersSent || response.destroyed) return;
  response.writeHead(status, {
    ...headers,
    'content-type': contentType,
    'content-length': String(Buffer.byteLength(text)),
  });
  exchange.noteStatus(status);
  response.end(text);
}

/** Answers an exchange with a JSON body; see {@link sendBody}. */
export function sendJson(
  exchange: HttpExchange,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  sendBody(exchange, status, 'application/json', JSON.stringify(body), headers);
}
