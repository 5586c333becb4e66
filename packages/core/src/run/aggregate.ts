import { Observable } from 'rxjs';
import type { Aggregator } from './aggregator.js';

/**
 * One value: the aggregate of all chunks of `source`. When it emitted none, the
 * value is `undefined`, or the error `onEmpty` makes. This is how `invoke`
 * derives its result from `stream`.
 */
export function aggregate<T>(source: Observable<T>, aggregator: Aggregator<T>, onEmpty?: () => Error): Observable<T> {
  return new Observable<T>((subscriber) => {
    let seen = false;
    let result: T;
    return source.subscribe({
      next(chunk) {
        result = seen ? aggregator.combine(result, chunk) : chunk;
        seen = true;
      },
      error: (error: unknown) => subscriber.error(error),
      complete() {
        if (!seen && onEmpty) {
          subscriber.error(onEmpty());
          return;
        }
        subscriber.next(result);
        subscriber.complete();
      },
    });
  });
}

/** The single value of `source` as a promise; rejects with its error. */
export function toPromise<T>(source: Observable<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let value: T;
    source.subscribe({
      next: (v) => (value = v),
      error: reject,
      complete: () => resolve(value),
    });
  });
}
