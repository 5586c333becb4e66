import { FramedStreamWriter } from './framed-stream-writer.js';
import type { WireEvent } from './wire-event.js';

/**
 * Writes a newline-delimited JSON stream (Ollama's wire) to one exchange: one
 * event's data per line, event names ignored. Backpressure and the no-op
 * after the client left work as for `SseWriter`.
 */
export class NdjsonWriter extends FramedStreamWriter {
  protected contentHeaders(): Readonly<Record<string, string>> {
    return { 'content-type': 'application/x-ndjson' };
  }

  /** The event's data as one line; data holding a line break is written as is, to test a client's handling. */
  protected frame(event: WireEvent): string {
    return `${event.data}\n`;
  }

  /**
   * Writes an empty line: NDJSON has no keep-alive record, and a blank line
   * is what a proxy or a server keeping the connection warm sends; a reader
   * must skip it. Not counted in `eventsSent`.
   */
  keepAlive(): Promise<boolean> {
    return this.writeUncounted('\n');
  }
}
