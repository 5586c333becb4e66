import type { Observable, Subscription } from 'rxjs';

type Settle<T> = { resolve: (result: IteratorResult<T>) => void; reject: (error: unknown) => void };

/**
 * Iterates an observable: subscribes on the first `next()`, queues values the
 * consumer has not asked for yet, and unsubscribes on `return()` (what `break`
 * calls), so leaving a `for await` loop early cancels the producer.
 */
export function observableToAsyncIterator<T>(source: Observable<T>): AsyncIterator<T> & AsyncIterable<T> {
  const queue: T[] = [];
  let head = 0;
  let waiting: Settle<T> | undefined;
  let subscription: Subscription | undefined;
  let finished = false;
  let failure: { error: unknown } | undefined;

  const settleWaiting = (): void => {
    const pending = waiting;
    if (!pending) return;
    if (head < queue.length) {
      waiting = undefined;
      pending.resolve({ value: takeNext(), done: false });
    } else if (failure) {
      waiting = undefined;
      pending.reject(failure.error);
      failure = undefined;
    } else if (finished) {
      waiting = undefined;
      pending.resolve({ value: undefined, done: true });
    }
  };

  const takeNext = (): T => {
    const value = queue[head] as T;
    queue[head++] = undefined as T;
    if (head > 1024 && head * 2 > queue.length) {
      queue.splice(0, head);
      head = 0;
    }
    return value;
  };

  const ensureSubscribed = (): void => {
    if (subscription || finished) return;
    subscription = source.subscribe({
      next: (value) => {
        queue.push(value);
        settleWaiting();
      },
      error: (error: unknown) => {
        finished = true;
        failure = { error };
        settleWaiting();
      },
      complete: () => {
        finished = true;
        settleWaiting();
      },
    });
  };

  const iterator: AsyncIterator<T> & AsyncIterable<T> = {
    next() {
      ensureSubscribed();
      if (head < queue.length) return Promise.resolve({ value: takeNext(), done: false });
      if (failure) {
        const { error } = failure;
        failure = undefined;
        return Promise.reject(error);
      }
      if (finished) return Promise.resolve({ value: undefined, done: true });
      return new Promise<IteratorResult<T>>((resolve, reject) => {
        waiting = { resolve, reject };
      });
    },
    return() {
      finished = true;
      queue.length = 0;
      head = 0;
      subscription?.unsubscribe();
      const pending = waiting;
      waiting = undefined;
      pending?.resolve({ value: undefined, done: true });
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
