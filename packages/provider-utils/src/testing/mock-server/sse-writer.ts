import type { EventStreamWriter, StreamStartOptions } from './event-stream-writer.js';
import type { HttpExchange } from './http-exchange.js';
import type { WireEvent } from './wire-event.js';
import { writeFlushed } from './write-flushed.js';

/** Options for {@link SseWriter.start}. */
export type SseOpenOptions = StreamStartOptions;

/**
 * Writes a server-sent event stream to one exchange. Every write waits for the
 * previous one to reach the socket (backpressure), and once the client is gone
 * every call is a no-op returning false, so a script never writes into a dead
 * connection.
 */
export class SseWriter implements EventStreamWriter {
  readonly #exchange: HttpExchange;

  constructor(exchange: HttpExchange) {
    this.#exchange = exchange;
  }

  /** True while the client is still there and the stream not ended. */
  get open(): boolean {
    const { response, signal } = this.#exchange;
    return !signal.aborted && !response.destroyed && !response.writableEnded;
  }

  /** Sends the event-stream headers right away, so the client sees them before the first event. */
  start(options: SseOpenOptions = {}): void {
    const { response } = this.#exchange;
    if (!this.open || response.headersSent) return;
    const status = options.status ?? 200;
    response.writeHead(status, {
      ...options.headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    response.flushHeaders();
    this.#exchange.noteStatus(status);
  }

  /**
   * Writes one event whose `data:` field is `data` verbatim (it may be
   * invalid JSON on purpose). Multi-line data is split into several `data:`
   * lines as the SSE format requires.
   */
  async event(data: string, eventName?: string): Promise<boolean> {
    const name = eventName === undefined ? '' : `event: ${eventName}\n`;
    const lines = data.split('\n').map((line) => `data: ${line}\n`).join('');
    const written = await writeFlushed(this.#exchange.response, `${name}${lines}\n`, this.#exchange.signal);
    if (written) this.#exchange.noteEvent();
    return written;
  }

  /** Writes a JSON value as one event. */
  json(value: unknown, eventName?: string): Promise<boolean> {
    return this.event(JSON.stringify(value), eventName);
  }

  /** Writes a {@link WireEvent}. */
  write(event: WireEvent): Promise<boolean> {
    return this.event(event.data, event.event);
  }

  /**
   * Writes `event: ping` with no data, the keep-alive some servers send: an
   * SSE client never dispatches it. Not counted in `eventsSent`.
   */
  keepAlive(): Promise<boolean> {
    return writeFlushed(this.#exchange.response, 'event: ping\n\n', this.#exchange.signal);
  }

  /** Ends the stream cleanly (the chunked body is terminated). */
  end(): void {
    if (this.open) this.#exchange.response.end();
  }
}
