import type { ObserverV1, SubscribableV1 } from '@rivulet/provider';

/** Where the producer of a {@link pushStream} delivers its values. */
export interface PushSink<T> {
  /** Delivers one value to the subscriber at once, in the caller's turn; a no-op once the stream is over. */
  next(value: T): void;
  /** True once the subscriber left or the stream ended: produce nothing more. */
  readonly closed: boolean;
  /** Aborts when the subscriber leaves early, so a pending request or read stops at once. */
  readonly signal: AbortSignal;
}

/**
 * A stream whose producer (an async function) pushes values as soon as it
 * has them. A provider that returns an async generator pays several promise
 * hops per value, twice: its own `yield` and the `await` of the loop reading
 * it. Here `sink.next` hands a value straight to the subscriber, and the
 * producer awaits only what it chooses to (a network read). It starts at
 * `subscribe`, once per subscription; its resolution completes the stream and
 * its rejection fails it. Leaving early aborts `sink.signal`, and nothing is
 * delivered after the stream is over.
 *
 * @example
 * ```ts
 * const countdown = pushStream<number>(async (sink) => {
 *   for (let n = 3; n > 0 && !sink.closed; n--) {
 *     sink.next(n);
 *     await new Promise((resolve) => setTimeout(resolve, 1_000));
 *   }
 * });
 * ```
 */
export function pushStream<T>(produce: (sink: PushSink<T>) => Promise<void>): SubscribableV1<T> {
  return {
    subscribe(observer: ObserverV1<T>) {
      const left = new AbortController();
      let closed = false;
      const end = (notify: () => void): void => {
        if (closed) return;
        closed = true;
        notify();
      };
      const sink: PushSink<T> = {
        next(value) {
          if (!closed) observer.next(value);
        },
        get closed() {
          return closed;
        },
        signal: left.signal,
      };
      produce(sink).then(
        () => end(() => observer.complete()),
        (error: unknown) => end(() => observer.error(error)),
      );
      return { unsubscribe: () => end(() => left.abort()) };
    },
  };
}
