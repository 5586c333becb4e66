import type { WireEvent } from './wire-event.js';

/** Options for {@link EventStreamWriter.start}. */
export interface StreamStartOptions {
  /** HTTP status, 200 unless told. */
  readonly status?: number;
  /** Extra response headers. */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * A framing of stream events on one response: server-sent events
 * (`SseWriter`) or newline-delimited JSON (`NdjsonWriter`). The fault
 * schedule (`playEventStream`) writes through it, so it plays the same on
 * every wire. Every write waits for the socket (backpressure); once the client
 * is gone every call is a no-op returning false.
 */
export interface EventStreamWriter {
  /** True while the client is still there and the stream not ended. */
  readonly open: boolean;
  /** Sends the headers right away, so the client sees them before the first event. */
  start(options?: StreamStartOptions): void;
  /** Writes one event. */
  write(event: WireEvent): Promise<boolean>;
  /**
   * Writes a keep-alive that carries no data (SSE: `event: ping` and a blank
   * line), which a client must skip. Absent on framings that have none.
   */
  keepAlive?(): Promise<boolean>;
  /** Ends the stream cleanly (the chunked body is terminated). */
  end(): void;
}
