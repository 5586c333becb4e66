import { apart, mergeChunks, type AggregationRule } from '@rivulet/core';
import { catchError, concat, map, of, type Observable } from 'rxjs';
import type { SseEvent } from '../sse/sse-event.js';
import { errorToJSON } from '../wire/error-to-json.js';
import type { WireEncoder } from '../wire/wire-encoder.js';

/** What waits to be written: a chunk of the run (coalescing by its aggregation) or a finished event. */
export type RunItem = { readonly chunk: unknown } | { readonly event: SseEvent };

/** The `metadata` event that opens a stream: a fresh run id and the rule its chunks fold by. */
export function metadataEvent(rule: AggregationRule): SseEvent {
  return { event: 'metadata', data: JSON.stringify({ runId: crypto.randomUUID(), aggregate: rule }) };
}

/** The `end` event that closes every stream. */
export const endEvent: SseEvent = { event: 'end', data: '{}' };

/** The `error` event telling the client why the run failed. */
export function errorEvent(error: unknown, debug: boolean): SseEvent {
  return { event: 'error', data: JSON.stringify(errorToJSON(error, debug)) };
}

/** A run's chunks as items, then `error` if it failed, then `end`. */
export function runItems(chunks: Observable<unknown>, debug: boolean): Observable<RunItem> {
  return concat(
    chunks.pipe(
      map((chunk): RunItem => ({ chunk })),
      catchError((error: unknown) => of<RunItem>({ event: errorEvent(error, debug) })),
    ),
    of<RunItem>({ event: endEvent }),
  );
}

/** Two items waiting for a slow reader as one: chunks merge by the stream's rule; events stay apart. */
export function mergeRunItems(rule: AggregationRule): (first: RunItem, second: RunItem) => RunItem | typeof apart {
  return (first, second) => {
    if (!('chunk' in first) || !('chunk' in second)) return apart;
    const merged = mergeChunks(rule, first.chunk, second.chunk);
    return merged === apart ? apart : { chunk: merged };
  };
}

/** The wire events of an item: a chunk's `data` and `patch` events by `encoder`, or the event itself. */
export function runItemEvents(item: RunItem, encoder: WireEncoder): SseEvent[] {
  return 'event' in item ? [item.event] : encoder.encode(item.chunk);
}
