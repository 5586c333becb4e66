import { AbortError, CoalescingQueue, type AggregationRule } from '@rivulet/core';
import { Subscription, type Observable } from 'rxjs';
import { endEvent, errorEvent, mergeRunItems, runItemEvents, runItems, type RunItem } from '../handler/run-items.js';
import { WireEncoder } from '../wire/wire-encoder.js';
import { toStoredEvent } from './stored-event.js';
import type { StreamStore } from './stream-store.js';

/** A run kept in a store: its id and its `metadata` event's data. */
export interface StoredRun {
  readonly runId: string;
  readonly metadata: string;
}

/**
 * Starts a run that outlives any connection: its chunks are encoded as wire
 * events (`data`, `patch` by the rule, then `error` and `end`) and appended to
 * `store`, which readers follow. While an append is in flight, new chunks
 * coalesce by the rule, so a slow store costs round trips, not memory. The
 * run ends by itself, or when a stop is requested through the store (from
 * any process): then it is cancelled all the way down and ends with an
 * `AbortError` event. If the store fails, the run is cancelled (nobody could
 * read it).
 */
export async function startResumableRun(
  store: StreamStore,
  rule: AggregationRule,
  chunks: (signal: AbortSignal) => Observable<unknown>,
  debug: boolean,
): Promise<StoredRun> {
  const runId = crypto.randomUUID();
  const metadata = JSON.stringify({ runId, aggregate: rule, resumable: true });
  await store.create(runId, metadata);
  const stop = new AbortController();
  const ended = new AbortController();
  store.waitForStop(runId, ended.signal).then(
    (asked) => asked && stop.abort(new AbortError('The run was stopped by a stop request.')),
    () => undefined, // the store failed: the appends will fail too and end the run
  );
  const encoder = new WireEncoder(rule);
  const queue = new CoalescingQueue<RunItem>(mergeRunItems(rule));
  const subscription = new Subscription();
  let complete = false;
  let writing = false;
  const finish = async (): Promise<void> => {
    subscription.unsubscribe();
    queue.clear();
    ended.abort();
    await store.finish(runId);
  };
  const write = async (): Promise<void> => {
    if (writing) return;
    writing = true;
    try {
      while (queue.size > 0) {
        const events: string[] = [];
        while (queue.size > 0) {
          try {
            for (const event of runItemEvents(queue.shift(), encoder)) events.push(toStoredEvent(event));
          } catch (error) {
            // A chunk that cannot be serialized ends the run as a failure would.
            events.push(toStoredEvent(errorEvent(error, debug)), toStoredEvent(endEvent));
            complete = true;
            subscription.unsubscribe();
            queue.clear();
          }
        }
        await store.append(runId, events);
      }
      if (complete) await finish();
    } catch {
      await finish().catch(() => undefined); // the store failed: readers end without `end` and see a truncated stream
    } finally {
      writing = false;
    }
  };
  subscription.add(
    runItems(chunks(stop.signal), debug).subscribe({
      next(item) {
        queue.push(item);
        void write();
      },
      complete() {
        complete = true;
        void write();
      },
    }),
  );
  return { runId, metadata };
}
