import type { Observable } from 'rxjs';

/**
 * Subscribes to an observable that completes synchronously and returns its
 * last value and how many it emitted; fails if it did not complete.
 */
export function drainSync<T>(source: Observable<T>): { last: T | undefined; count: number } {
  let last: T | undefined;
  let count = 0;
  let failure: { error: unknown } | undefined;
  let complete = false;
  source.subscribe({
    next(value) {
      last = value;
      count++;
    },
    error: (error: unknown) => (failure = { error }),
    complete: () => (complete = true),
  });
  if (failure) throw failure.error;
  if (!complete) throw new Error('drainSync: the observable did not complete synchronously');
  return { last, count };
}
