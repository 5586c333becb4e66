import type { EventStreamWriter, StreamStartOptions } from './event-stream-writer.js';
import type { HttpExchange } from './http-exchange.js';
import type { WireEvent } from './wire-event.js';
import { writeFlushed } from './write-flushed.js';

/**
 * What every {@link EventStreamWriter} does the same way: headers sent at
 * once, every write waiting for the socket (backpressure), every call a no-op
 * returning false once the client is gone, events counted in the record. A
 * framing says only its content headers and the bytes of one event.
 *
 * @example
 * ```ts
 * class LinesWriter extends FramedStreamWriter {
 *   protected contentHeaders() { return { 'content-type': 'text/plain' }; }
 *   protected frame(event: WireEvent) { return `${event.data}\n`; }
 * }
 * ```
 */
export abstract class FramedStreamWriter implements EventStreamWriter {
  protected readonly exchange: HttpExchange;

  constructor(exchange: HttpExchange) {
    this.exchange = exchange;
  }

  /** The headers that say what the body is (content type, caching). */
  protected abstract contentHeaders(): Readonly<Record<string, string>>;

  /** The bytes of one event on this wire. */
  protected abstract frame(event: WireEvent): string;

  /** True while the client is still there and the stream not ended. */
  get open(): boolean {
    const { response, signal } = this.exchange;
    return !signal.aborted && !response.destroyed && !response.writableEnded;
  }

  /** Sends the headers right away, so the client sees them before the first event. */
  start(options: StreamStartOptions = {}): void {
    const { response } = this.exchange;
    if (!this.open || response.headersSent) return;
    const status = options.status ?? 200;
    response.writeHead(status, { ...options.headers, ...this.contentHeaders() });
    response.flushHeaders();
    this.exchange.noteStatus(status);
  }

  /** Writes one event, counted in the record's `eventsSent`. */
  async write(event: WireEvent): Promise<boolean> {
    const written = await this.writeUncounted(this.frame(event));
    if (written) this.exchange.noteEvent();
    return written;
  }

  /** Ends the stream cleanly (the chunked body is terminated). */
  end(): void {
    if (this.open) this.exchange.response.end();
  }

  /** Writes bytes that are not an event (a keep-alive), not counted. */
  protected writeUncounted(text: string): Promise<boolean> {
    return writeFlushed(this.exchange.response, text, this.exchange.signal);
  }
}
