import { apart, type RunEvent } from '@rivulet/core';
import { catchError, concat, map, of, type Observable } from 'rxjs';
import { formatSseEvent, type SseEvent } from '../sse/sse-event.js';
import type { SseSource } from '../sse/sse-response.js';
import { EventEncoder } from '../wire/event-encoder.js';
import { RunEventMerger } from '../wire/run-event-merger.js';
import { toJsonText } from '../wire/to-json-text.js';
import { endEvent, errorEvent, metadataEvent } from './run-items.js';
import { WaitingEvent } from './waiting-event.js';

/**
 * How many events of the run a client may be behind (produced, not yet
 * written to its response) before waiting chunk events merge. Below it every
 * event goes out as the run emitted it, so a client that keeps up sees the
 * served runnable's `streamEvents` event by event, even when a run emits a
 * burst of them in one turn of the event loop (the response writes only on
 * the next turn); past it, what waits is bounded by it plus the merged chunks.
 */
export const EVENTS_BEHIND_BEFORE_MERGING = 1024;

/** What waits for the client: a run event, or a finished SSE event (`metadata`, `error`, `end`). */
export type StreamEventsItem = WaitingEvent | { readonly sse: SseEvent };

/**
 * What `stream_events` writes for `events`: `metadata` (rule `items`), one
 * `data` event per run event, `error` if the run failed, `end`. A client more
 * than {@link EVENTS_BEHIND_BEFORE_MERGING} events behind gets a new chunk
 * merged into the last waiting event when both are chunks of one run whose
 * rule allows it ({@link RunEventMerger}): fewer chunk events, folding per
 * run to the same values. An event waits raw while it may still merge and
 * is encoded ({@link EventEncoder}) once it cannot, in the order events are
 * written ({@link WaitingEvent}), so a snapshot chunk that stands for many
 * is one patch from the run's last chunk sent, and what waits is at most the
 * bytes the client will be sent plus one raw event.
 */
export function streamEventsSource(events: Observable<RunEvent>, debug: boolean): SseSource<StreamEventsItem> {
  const merger = new RunEventMerger();
  const encoder = new EventEncoder(debug);
  const encode = (event: RunEvent): string => formatSseEvent({ event: 'data', data: toJsonText(encoder.encode(event)) });
  let emitted = 0; // the number of the last event the run emitted
  let written = 0; // the number of the last event written (merged ones: the latest they hold)
  return {
    items: concat(
      of<StreamEventsItem>({ sse: metadataEvent({ kind: 'items' }) }),
      events.pipe(
        map((event): StreamEventsItem => {
          merger.note(event);
          return new WaitingEvent(event, ++emitted);
        }),
        catchError((error: unknown) => of<StreamEventsItem>({ sse: errorEvent(error, debug) })),
      ),
      of<StreamEventsItem>({ sse: endEvent }),
    ),
    merge(first, second) {
      if (!(first instanceof WaitingEvent)) return apart;
      if (second instanceof WaitingEvent && second.seq - written > EVENTS_BEHIND_BEFORE_MERGING) {
        const [earlier, later] = [first.raw, second.raw];
        const event = earlier === undefined || later === undefined ? apart : merger.merge(earlier, later);
        if (event !== apart) return new WaitingEvent(event, second.seq);
      }
      first.seal(encode); // nothing will merge into it any more
      return apart;
    },
    format(item) {
      if (!(item instanceof WaitingEvent)) return formatSseEvent(item.sse);
      written = item.seq;
      return item.text(encode);
    },
    // An event that cannot be serialized ends the stream as a failed run would.
    failure: (error) => formatSseEvent(errorEvent(error, debug)) + formatSseEvent(endEvent),
  };
}
