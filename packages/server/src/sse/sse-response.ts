import type { Observable, Subscription } from 'rxjs';
import { CoalescingQueue, type Merge } from '@rivulet/core';
import { nextTurn } from './next-turn.js';
import { heartbeatFrame, sseHeaders } from './sse-event.js';

/** What {@link sseResponse} sends: items, how two waiting ones merge, and how one is written. */
export interface SseSource<T> {
  readonly items: Observable<T>;
  /** Two items waiting for a slow client as one (chunks by the stream's aggregation), or `apart`. */
  readonly merge: Merge<T>;
  /** The wire text of an item: one or more whole events. */
  format(item: T): string;
  /** The last words when `format` throws: the stream ends after them. */
  failure(error: unknown): string;
}

/** Options of {@link sseResponse}. */
export interface SseResponseOptions {
  /** Longest silence before a heartbeat comment is sent. */
  readonly heartbeatMs: number;
  /** The request's signal: when the client goes away, the run is cancelled. */
  readonly signal: AbortSignal;
  /** Headers sent beside the event-stream ones (a protocol's version header). */
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

/** Bytes the body may hold for the client before items wait, coalescing, in the queue. */
const BODY_HIGH_WATER_BYTES = 16 * 1024;

/**
 * A `text/event-stream` response carrying `source`. Subscribing starts the
 * run; the client disconnecting (the request's signal aborts) or the body
 * being cancelled (a Node or edge runtime noticing the closed socket)
 * unsubscribes, which cancels the run all the way down to the model's HTTP
 * request. A client slower than the run does not make the server buffer
 * without bound: past {@link BODY_HIGH_WATER_BYTES}, items wait in a queue
 * where they coalesce (the latest snapshot, deltas joined) and are written
 * only when the client has read what it had. Items of one turn of the event
 * loop coalesce the same way before they are written, so a model whose
 * events arrive many per network read costs one patch per read.
 */
export function sseResponse<T>(source: SseSource<T>, options: SseResponseOptions): Response {
  const encoder = new TextEncoder();
  const queue = new CoalescingQueue<T>(source.merge);
  let subscription: Subscription | undefined;
  let heartbeat: ReturnType<typeof setTimeout> | undefined;
  let detach: (() => void) | undefined;
  let open = true;
  let ended = false;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const stop = (): void => {
    open = false;
    clearTimeout(heartbeat);
    detach?.();
    queue.clear();
    subscription?.unsubscribe();
  };
  const write = (text: string): void => {
    controller.enqueue(encoder.encode(text));
    clearTimeout(heartbeat);
    heartbeat = setTimeout(beat, options.heartbeatMs);
  };
  // A comment keeps proxies from closing an idle stream; a stalled client gets at most one per period.
  const beat = (): void => {
    if (open && queue.size === 0) write(heartbeatFrame);
  };
  const finish = (): void => {
    stop();
    controller.close();
  };
  // Everything due goes out as one write per round: a stream of many small events costs one enqueue, not one per event.
  // Not re-entrant: an enqueue may call `pull` (this) synchronously when a read is waiting.
  let draining = false;
  const drain = (): void => {
    if (draining) return;
    draining = true;
    try {
      while (open && queue.size > 0 && (controller.desiredSize ?? 0) > 0) {
        let text = '';
        while (open && queue.size > 0 && (controller.desiredSize ?? 0) - text.length > 0) {
          try {
            text += source.format(queue.shift());
          } catch (error) {
            queue.clear();
            write(text + source.failure(error));
            return finish();
          }
        }
        if (text !== '') write(text);
      }
      if (open && ended && queue.size === 0) finish();
    } finally {
      draining = false;
    }
  };
  // Items arriving in one turn of the event loop (a model's events come many per network read)
  // wait for its end together, so they merge by the stream's rule: one patch per read, not per chunk.
  let drainScheduled = false;
  const drainNextTurn = (): void => {
    if (drainScheduled) return;
    drainScheduled = true;
    nextTurn(() => {
      drainScheduled = false;
      drain();
    });
  };
  const body = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        const abort = finish;
        if (options.signal.aborted) return abort();
        options.signal.addEventListener('abort', abort);
        detach = () => options.signal.removeEventListener('abort', abort);
        write(': stream\n\n'); // starts the body, so proxies and clients see the stream is alive before the first chunk
        subscription = source.items.subscribe({
          next(item) {
            if (!open) return;
            queue.push(item);
            drainNextTurn();
          },
          complete() {
            ended = true;
            drain();
          },
        });
        if (!open) subscription.unsubscribe(); // aborted synchronously while subscribing
      },
      pull: drain,
      cancel: stop,
    },
    { highWaterMark: BODY_HIGH_WATER_BYTES, size: (chunk) => chunk.byteLength },
  );
  return new Response(body, { status: 200, headers: options.headers === undefined ? sseHeaders : { ...sseHeaders, ...options.headers } });
}
