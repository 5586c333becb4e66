import type { EventStreamWriter, HttpExchange, StreamStartOptions, WireEvent } from '@rivulet/provider-utils/testing';
import { writeFlushed } from '@rivulet/provider-utils/testing';

/**
 * Server-sent events framed as Google frames them: `data: <json>` lines
 * ending in CRLF, each event closed by an empty CRLF line, no event names.
 * The kit's fault schedule writes through it; backpressure and the no-op
 * after the client left work as for the kit's `SseWriter`.
 */
export class GeminiEventWriter implements EventStreamWriter {
  readonly #exchange: HttpExchange;

  constructor(exchange: HttpExchange) {
    this.#exchange = exchange;
  }

  /** True while the client is still there and the stream not ended. */
  get open(): boolean {
    const { response, signal } = this.#exchange;
    return !signal.aborted && !response.destroyed && !response.writableEnded;
  }

  /** Sends the event-stream headers right away. */
  start(options: StreamStartOptions = {}): void {
    const { response } = this.#exchange;
    if (!this.open || response.headersSent) return;
    const status = options.status ?? 200;
    response.writeHead(status, { ...options.headers, 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    response.flushHeaders();
    this.#exchange.noteStatus(status);
  }

  /** Writes one event whose data is the event's data verbatim (one line: Google's JSON never spans lines). */
  async write(event: WireEvent): Promise<boolean> {
    const lines = event.data.split('\n').map((line) => `data: ${line}\r\n`).join('');
    const written = await writeFlushed(this.#exchange.response, `${lines}\r\n`, this.#exchange.signal);
    if (written) this.#exchange.noteEvent();
    return written;
  }

  /** Writes a keep-alive without data (a comment and `event: ping`), which a client must skip; not counted as an event. */
  keepAlive(): Promise<boolean> {
    return writeFlushed(this.#exchange.response, ': keep-alive\r\nevent: ping\r\n\r\n', this.#exchange.signal);
  }

  /** Ends the stream cleanly. */
  end(): void {
    if (this.open) this.#exchange.response.end();
  }
}
