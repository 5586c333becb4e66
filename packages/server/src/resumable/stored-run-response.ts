import type { AggregationRule } from '@rivulet/core';
import { formatSseEvent, heartbeatFrame, sseHeaders } from '../sse/sse-event.js';
import { catchUp } from './catch-up.js';
import type { StoredRun } from './start-resumable-run.js';
import { fromStoredEvent } from './stored-event.js';
import type { StreamStore } from './stream-store.js';

/** Options of {@link storedRunResponse}. */
export interface StoredRunResponseOptions {
  /** The last event id the client has (its `Last-Event-ID`); 0 for none. */
  readonly after: number;
  /** How the run's chunks fold, for the catch-up. */
  readonly rule: AggregationRule;
  /** Longest silence before a heartbeat comment is sent. */
  readonly heartbeatMs: number;
  /** The request's signal: when the client goes away, reading stops (the run goes on). */
  readonly signal: AbortSignal;
}

/** Bytes the body may hold for the client before the store is read further. */
const BODY_HIGH_WATER_BYTES = 16 * 1024;

/**
 * A `text/event-stream` response following a run kept in `store`: the
 * `metadata` event, then one compact catch-up of what the client has not
 * seen (see {@link catchUp}), then the run's events live, each with its id.
 * The store is read only as fast as the client reads, so a slow client gets
 * fewer, larger batches and the server holds nothing for it. The client
 * going away stops the reading, not the run.
 */
export function storedRunResponse(store: StreamStore, run: StoredRun, options: StoredRunResponseOptions): Response {
  const encoder = new TextEncoder();
  const reading = new AbortController();
  const batches = store.read(run.runId, { signal: reading.signal })[Symbol.asyncIterator]();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let heartbeat: ReturnType<typeof setTimeout> | undefined;
  let open = true;
  let first = true;
  const stop = (): void => {
    if (!open) return;
    open = false;
    clearTimeout(heartbeat);
    options.signal.removeEventListener('abort', close);
    reading.abort();
    void batches.return?.().catch(() => undefined); // lets go of what the reader holds (a connection)
  };
  const close = (): void => {
    stop();
    controller.close();
  };
  const write = (text: string): void => {
    controller.enqueue(encoder.encode(text));
    clearTimeout(heartbeat);
    heartbeat = setTimeout(beat, options.heartbeatMs);
  };
  // A comment keeps proxies from closing a quiet stream; none while the client is not reading.
  const beat = (): void => {
    if (!open) return;
    if ((controller.desiredSize ?? 0) > 0) write(heartbeatFrame);
    else heartbeat = setTimeout(beat, options.heartbeatMs);
  };
  const body = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        if (options.signal.aborted) return close();
        options.signal.addEventListener('abort', close, { once: true });
        write(`: stream\n\n${formatSseEvent({ event: 'metadata', data: run.metadata })}`);
      },
      async pull() {
        let next: IteratorResult<readonly { id: number; data: string }[]>;
        try {
          next = await batches.next();
        } catch (error) {
          if (open) {
            stop();
            controller.error(error); // the store failed: the client sees a broken stream and may reconnect
          }
          return;
        }
        if (!open) return;
        if (next.done === true) return close();
        const events = first ? catchUp(options.rule, next.value, options.after) : next.value.map((stored) => fromStoredEvent(stored.data, stored.id));
        first = false;
        if (events.length > 0) write(events.map(formatSseEvent).join(''));
      },
      cancel: stop,
    },
    { highWaterMark: BODY_HIGH_WATER_BYTES, size: (chunk) => chunk.byteLength },
  );
  return new Response(body, { status: 200, headers: sseHeaders });
}
