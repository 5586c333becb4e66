import type { Observable, Subscription } from 'rxjs';
import { formatSseEvent, heartbeatFrame, sseHeaders, type SseEvent } from './sse-event.js';

/** Options of {@link sseResponse}. */
export interface SseResponseOptions {
  /** Longest silence before a heartbeat comment is sent. */
  readonly heartbeatMs: number;
  /** The request's signal: when the client goes away, the run is cancelled. */
  readonly signal: AbortSignal;
}

/**
 * A `text/event-stream` response carrying `events`. Subscribing starts the
 * run; the client disconnecting (the request's signal aborts) or the body
 * being cancelled (a Node or edge runtime noticing the closed socket)
 * unsubscribes, which cancels the run all the way down to the model's HTTP
 * request. Events are queued when the client reads slower than the run
 * produces: a model's output rate bounds the queue, and pausing a model
 * mid-answer would only trade memory for an idle timeout.
 */
export function sseResponse(events: Observable<SseEvent>, options: SseResponseOptions): Response {
  const encoder = new TextEncoder();
  let subscription: Subscription | undefined;
  let heartbeat: ReturnType<typeof setTimeout> | undefined;
  let detach: (() => void) | undefined;
  let open = true;
  const stop = (): void => {
    open = false;
    clearTimeout(heartbeat);
    detach?.();
    subscription?.unsubscribe();
  };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string): void => {
        if (!open) return;
        controller.enqueue(encoder.encode(text));
        clearTimeout(heartbeat);
        heartbeat = setTimeout(() => write(heartbeatFrame), options.heartbeatMs);
      };
      const abort = (): void => {
        stop();
        controller.close();
      };
      if (options.signal.aborted) return abort();
      options.signal.addEventListener('abort', abort);
      detach = () => options.signal.removeEventListener('abort', abort);
      write(': stream\n\n'); // starts the body, so proxies and clients see the stream is alive before the first chunk
      subscription = events.subscribe({
        next: (event) => write(formatSseEvent(event)),
        complete() {
          if (!open) return;
          stop();
          controller.close();
        },
      });
      if (!open) subscription.unsubscribe(); // aborted synchronously while subscribing
    },
    cancel: stop,
  });
  return new Response(body, { status: 200, headers: sseHeaders });
}
