import type { SseEventName } from '../client/wire-types.js';

/** One server-sent event: its name, its data (already JSON text) and, on a resumable stream, its id. */
export interface SseEvent {
  readonly event: SseEventName;
  readonly data: string;
  /** The id a client sends back as `Last-Event-ID` when it reconnects (resumable streams). */
  readonly id?: number | undefined;
}

/**
 * The event as it goes on the wire. JSON text never holds a raw line break
 * (JSON.stringify escapes them), so one `data:` line always suffices.
 */
export function formatSseEvent({ event, data, id }: SseEvent): string {
  return id === undefined ? `event: ${event}\ndata: ${data}\n\n` : `id: ${id}\nevent: ${event}\ndata: ${data}\n\n`;
}

/** A comment line: clients ignore it, proxies and load balancers see traffic. */
export const heartbeatFrame = ': heartbeat\n\n';

/** Headers of an event stream; `no-transform` and `X-Accel-Buffering` keep proxies from buffering it. */
export const sseHeaders: Readonly<Record<string, string>> = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  'x-accel-buffering': 'no',
};
