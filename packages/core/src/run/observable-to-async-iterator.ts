import type { Observable, Subscription } from 'rxjs';
import type { AggregationRule } from '../aggregation/aggregation.js';
import { CoalescingQueue, mergeByRule } from '../aggregation/coalescing-queue.js';

type Settle<T> = { resolve: (result: IteratorResult<T>) => void; reject: (error: unknown) => void };

/**
 * Iterates an observable: subscribes on the first `next()`, keeps values the
 * consumer has not asked for yet in a queue that coalesces them by `rule`
 * (see {@link CoalescingQueue}), and unsubscribes on `return()` (what `break`
 * calls), so leaving a `for await` loop early cancels the producer.
 */
export function observableToAsyncIterator<T>(
  source: Observable<T>,
  rule: () => AggregationRule | undefined = () => undefined,
): AsyncIterator<T> & AsyncIterable<T> {
  const queue = new CoalescingQueue<T>(mergeByRule(rule));
  let waiting: Settle<T> | undefined;
  let subscription: Subscription | undefined;
  let finished = false;
  let failure: { error: unknown } | undefined;

  const settleWaiting = (): void => {
    const pending = waiting;
    if (!pending) return;
    if (queue.size > 0) {
      waiting = undefined;
      pending.resolve({ value: queue.shift(), done: false });
    } else if (failure) {
      waiting = undefined;
      pending.reject(failure.error);
      failure = undefined;
    } else if (finished) {
      waiting = undefined;
      pending.resolve({ value: undefined, done: true });
    }
  };

  const ensureSubscribed = (): void => {
    if (subscription || finished) return;
    subscription = source.subscribe({
      next: (value) => {
        // A consumer that keeps pace is handed the value: no queue between them.
        const pending = waiting;
        if (pending !== undefined && queue.size === 0) {
          waiting = undefined;
          pending.resolve({ value, done: false });
          return;
        }
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
      if (queue.size > 0) return Promise.resolve({ value: queue.shift(), done: false });
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
      queue.clear();
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
