import type { WireEvent } from '@rivulet/provider-utils/testing';
import { FramedStreamWriter } from '@rivulet/provider-utils/testing';

/**
 * Server-sent events framed as Google frames them: `data: <json>` lines
 * ending in CRLF, each event closed by an empty CRLF line, no event names.
 * The kit's fault schedule writes through it; backpressure and the no-op
 * after the client left work as for the kit's `SseWriter`.
 */
export class GeminiEventWriter extends FramedStreamWriter {
  protected contentHeaders(): Readonly<Record<string, string>> {
    return { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' };
  }

  /** The event's data verbatim in `data:` lines (one line: Google's JSON never spans lines), CRLF-terminated. */
  protected frame(event: WireEvent): string {
    return `${event.data.split('\n').map((line) => `data: ${line}\r\n`).join('')}\r\n`;
  }

  /** Writes a keep-alive without data (a comment and `event: ping`), which a client must skip; not counted as an event. */
  keepAlive(): Promise<boolean> {
    return this.writeUncounted(': keep-alive\r\nevent: ping\r\n\r\n');
  }
}
