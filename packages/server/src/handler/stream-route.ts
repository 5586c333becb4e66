import { apart, mergeChunks, type AggregationRule, type RunOptions, type Runnable } from '@rivulet/core';
import { catchError, concat, map, of, type Observable } from 'rxjs';
import { formatSseEvent, type SseEvent } from '../sse/sse-event.js';
import { sseResponse } from '../sse/sse-response.js';
import { errorToJSON } from '../wire/error-to-json.js';
import { eventToWire } from '../wire/event-to-wire.js';
import { LabelBook } from '../wire/run-labels.js';
import { WireEncoder } from '../wire/wire-encoder.js';
import type { HandlerSettings } from './handler-options.js';
import { readRunRequest } from './read-run-request.js';
import type { Route } from './route.js';

/** What waits to be written: a chunk of the run (coalescing by its aggregation) or a finished event. */
type Item = { readonly chunk: unknown } | { readonly event: SseEvent };

/**
 * `POST {base}/stream`: a `metadata` event (`{ runId, aggregate }`, the rule
 * the chunks fold by), then the chunks (`data`, or `patch` for snapshot
 * values), then `error` if the run failed, then `end`.
 */
export function streamRoute<I, O, C>(runnable: Runnable<I, O, C>, settings: HandlerSettings<I>): Route {
  return sseRoute(settings, () => runnable.outputAggregation(), (input, options) => runnable.stream(input, options));
}

/**
 * `POST {base}/stream_events`: the same framing, one `data` event per run
 * event of every nested step, each step's name, tags and metadata sent on
 * its first event only (see `eventToWire`): the request's metadata is not
 * copied into every event.
 */
export function streamEventsRoute<I, O, C>(runnable: Runnable<I, O, C>, settings: HandlerSettings<I>): Route {
  return sseRoute(
    settings,
    () => ({ kind: 'items' }),
    (input, options) => {
      // Events never coalesce (items), so each one is written in the order it is compacted here.
      const book = new LabelBook();
      return runnable.streamEvents(input, options).pipe(map((event) => eventToWire(event, book, settings.debug)));
    },
  );
}

function sseRoute<I>(settings: HandlerSettings<I>, aggregation: () => AggregationRule, chunks: (input: I, options: RunOptions) => Observable<unknown>): Route {
  return async (request) => {
    const { input, options } = await readRunRequest(request, settings);
    const rule = aggregation();
    const encoder = new WireEncoder(rule);
    const metadata: SseEvent = { event: 'metadata', data: JSON.stringify({ runId: crypto.randomUUID(), aggregate: rule }) };
    const items: Observable<Item> = concat(
      of<Item>({ event: metadata }),
      chunks(input, options).pipe(
        map((chunk): Item => ({ chunk })),
        catchError((error: unknown) => of<Item>({ event: { event: 'error', data: JSON.stringify(errorToJSON(error, settings.debug)) } })),
      ),
      of<Item>({ event: { event: 'end', data: '{}' } }),
    );
    return sseResponse<Item>(
      {
        items,
        merge: (first, second) => {
          if (!('chunk' in first) || !('chunk' in second)) return apart;
          const merged = mergeChunks(rule, first.chunk, second.chunk);
          return merged === apart ? apart : { chunk: merged };
        },
        format: (item) => ('event' in item ? formatSseEvent(item.event) : encoder.encode(item.chunk).map(formatSseEvent).join('')),
        // A chunk that cannot be serialized ends the stream as a failed run would.
        failure: (error) => formatSseEvent({ event: 'error', data: JSON.stringify(errorToJSON(error, settings.debug)) }) + formatSseEvent({ event: 'end', data: '{}' }),
      },
      { heartbeatMs: settings.heartbeatMs, signal: request.signal },
    );
  };
}
