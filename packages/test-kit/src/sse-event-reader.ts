import { createParser } from 'eventsource-parser';
import type { SseEvent } from './sse-event.js';

/** Reads the next events of a stream, up to and including the first that `until` accepts (or to the end). */
export type SseEventReader = (until: (event: SseEvent) => boolean) => Promise<SseEvent[]>;

/**
 * Reads a streamed SSE response a step at a time, while it is still open:
 * each call returns the events up to the first that `until` accepts, so a
 * test can act between two events (abort, check the server).
 *
 * @example
 * ```ts
 * const read = sseEventReader(await fetch(url, init));
 * const first = await read((e) => e.event === 'data');
 * controller.abort();
 * ```
 */
export function sseEventReader(response: Response): SseEventReader {
  if (response.body === null) throw new Error(`The response (${response.status}) has no body to read events from.`);
  const queue: SseEvent[] = [];
  const parser = createParser({ onEvent: (event) => queue.push(event) });
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  return async (until) => {
    const seen: SseEvent[] = [];
    for (;;) {
      for (let event = queue.shift(); event; event = queue.shift()) {
        seen.push(event);
        if (until(event)) return seen;
      }
      const { done, value } = await reader.read();
      if (done) return seen;
      parser.feed(decoder.decode(value, { stream: true }));
    }
  };
}
