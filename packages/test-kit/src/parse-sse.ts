import { createParser } from 'eventsource-parser';
import type { SseEvent } from './sse-event.js';

/**
 * A whole SSE body's text split into its events, as a browser's
 * `EventSource` reads them (comments dropped, `data` lines joined).
 *
 * @example
 * ```ts
 * const events = parseSse(await response.text());
 * expect(events.map((e) => e.event)).toEqual(['metadata', 'data', 'end']);
 * ```
 */
export function parseSse(text: string): SseEvent[] {
  const events: SseEvent[] = [];
  const parser = createParser({ onEvent: (event) => events.push(event) });
  parser.feed(text);
  return events;
}
