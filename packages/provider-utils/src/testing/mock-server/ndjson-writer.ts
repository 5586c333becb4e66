import type { EventStreamWriter, StreamStartOptions } from './event-stream-writer.js';
import type { HttpExchange } from './http-exchange.js';
import type { WireEvent } from './wire-event.js';
import { writeFlushed } from './write-flushed.js';

/**
 * Writes a newline-delimited JSON stream (Ollama's wire) to one exchange: one
 * event's data per line, event names ignored. Backpressure and the no-op
 * after the client left work as for `SseWriter`; NDJSON has no keep-alive.
 */
export class NdjsonWriter implements EventStreamWriter {
  readonly #exchange: HttpExchange;

  constructor(exchange: HttpExchange) {
    this.#exchange = exchange;
  }

  /** True while the client is still there and the stream not ended. */
  get open(): boolean {
    const { response, signal } = this.#exchange;
    return !signal.aborted && !response.destroyed && !response.writableEnded;
  }

  /** Sends `application/x-ndjson` headers right away. */
  start(options: StreamStartOptions = {}): void {
    const { response } = this.#exchange;
    if (!this.open || response.headersSent) return;
    const status = options.status ?? 200;
    response.writeHead(status, { ...options.headers, 'content-type': 'application/x-ndjson' });
    response.flushHeaders();
    this.#exchange.noteStatus(status);
  }

  /** Writes the event's data as one line; data holding a line break is written as is, to test a client's handling. */
  async write(event: WireEvent): Promise<boolean> {
    const written = await writeFlushed(this.#exchange.response, `${event.data}\n`, this.#exchange.signal);
    if (written) this.#exchange.noteEvent();
    return written;
  }

  /** Ends the stream cleanly. */
  end(): void {
    if (this.open) this.#exchange.response.end();
  }
}
