import { Observable } from 'rxjs';

/**
 * Emits the values of an async iterable. Unlike rxjs `from`, unsubscribing
 * calls the iterator's `return()` at once, so a generator's `finally` runs
 * when the consumer leaves, not when the next value happens to arrive.
 */
export function fromAsyncIterable<T>(iterable: AsyncIterable<T>): Observable<T> {
  return new Observable<T>((subscriber) => {
    const iterator = iterable[Symbol.asyncIterator]();
    let closed = false;
    const pump = async (): Promise<void> => {
      try {
        for (;;) {
          const result = await iterator.next();
          if (closed) return;
          if (result.done) break;
          subscriber.next(result.value);
        }
        subscriber.complete();
      } catch (error) {
        if (!closed) subscriber.error(error);
      }
    };
    void pump();
    return () => {
      closed = true;
      // A generator still suspended at an await finishes that await first; its
      // rejection after cancellation is expected and must not surface.
      iterator.return?.().catch(() => undefined);
    };
  });
}
