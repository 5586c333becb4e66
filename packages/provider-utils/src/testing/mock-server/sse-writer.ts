import type { StreamStartOptions } from './event-stream-writer.js';
import { FramedStreamWriter } from './framed-stream-writer.js';
import type { WireEvent } from './wire-event.js';

/** Options for {@link SseWriter.start}. */
export type SseOpenOptions = StreamStartOptions;

/**
 * Writes a server-sent event stream to one exchange. Every write waits for the
 * previous one to reach the socket (backpressure), and once the client is gone
 * every call is a no-op returning false, so a script never writes into a dead
 * connection.
 */
export class SseWriter extends FramedStreamWriter {
  protected contentHeaders(): Readonly<Record<string, string>> {
    return { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' };
  }

  /** `data:` lines for the event's data (multi-line data split as the SSE format requires), after its `event:` name if any. */
  protected frame(event: WireEvent): string {
    const name = event.event === undefined ? '' : `event: ${event.event}\n`;
    return `${name}${event.data.split('\n').map((line) => `data: ${line}\n`).join('')}\n`;
  }

  /**
   * Writes one event whose `data:` field is `data` verbatim (it may be
   * invalid JSON on purpose).
   */
  event(data: string, eventName?: string): Promise<boolean> {
    return this.write(eventName === undefined ? { data } : { data, event: eventName });
  }

  /** Writes a JSON value as one event. */
  json(value: unknown, eventName?: string): Promise<boolean> {
    return this.event(JSON.stringify(value), eventName);
  }

  /**
   * Writes `event: ping` with no data, the keep-alive some servers send: an
   * SSE client never dispatches it. Not counted in `eventsSent`.
   */
  keepAlive(): Promise<boolean> {
    return this.writeUncounted('event: ping\n\n');
  }
}
