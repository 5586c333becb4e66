import type { SseEventName } from '../client/wire-types.js';

/** One server-sent event: its name and its data, already JSON text. */
export interface SseEvent {
  readonly event: SseEventName;
  readonly data: string;
}

/**
 * The event as it goes on the wire. JSON text never holds a raw line break
 * (JSON.stringify escapes them), so one `data:` line always suffices.
 */
export function formatSseEvent({ event, data }: SseEvent): string {
  return `event: ${event}\ndata: ${data}\n\n`;
}

/** A comment line: clients ignore it, proxies and load balancers see traffic. */
export const heartbeatFrame = ': heartbeat\n\n';

/** Headers of an event stream; `no-transform` and `X-Accel-Buffering` keep proxies from buffering it. */
export const sseHeaders: Readonly<Record<string, string>> = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  'x-accel-buffering': 'no',
};
