import type { SseEventName } from '../client/wire-types.js';
import type { SseEvent } from '../sse/sse-event.js';

/** A wire event as a {@link StreamStore} keeps it: its name, a line break, its JSON data (which holds no raw line break). */
export function toStoredEvent(event: SseEvent): string {
  return `${event.event}\n${event.data}`;
}

/** The wire event kept as `stored`, with the id the store gave it. */
export function fromStoredEvent(stored: string, id: number): SseEvent {
  const cut = stored.indexOf('\n');
  return { event: stored.slice(0, cut) as SseEventName, data: stored.slice(cut + 1), id };
}
