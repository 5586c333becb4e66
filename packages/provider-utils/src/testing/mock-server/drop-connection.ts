import type { HttpExchange } from './http-exchange.js';

/**
 * Cuts the connection of an exchange without finishing the response: before
 * headers the client sees a failed request, mid-body a torn chunked stream.
 * Write through {@link writeFlushed} first so what came before the drop is
 * already on the wire.
 */
export function dropConnection(exchange: HttpExchange): void {
  exchange.noteServerDrop();
  exchange.response.socket?.destroy();
  exchange.response.destroy();
}
