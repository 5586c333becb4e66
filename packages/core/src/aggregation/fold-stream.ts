import { Observable } from 'rxjs';
import type { Aggregation } from './aggregation.js';
import { createFolder } from './create-folder.js';

/**
 * One value: the fold of all chunks of `source` by `aggregation`, read when
 * the first chunk arrives (a remote runnable learns its rule from the wire).
 * When `source` emitted nothing, the value is the empty fold (`undefined`,
 * `[]` for items), or the error `onEmpty` makes. This is how `invoke` derives its result from `stream`.
 */
export function foldStream<C, O>(source: Observable<C>, aggregation: () => Aggregation<C, O>, onEmpty?: () => Error): Observable<O> {
  return new Observable<O>((subscriber) => {
    let folder: ReturnType<typeof createFolder<C, O>> | undefined;
    return source.subscribe({
      next(chunk) {
        (folder ??= createFolder(aggregation())).add(chunk);
      },
      error: (error: unknown) => subscriber.error(error),
      complete() {
        if (folder === undefined && onEmpty) {
          subscriber.error(onEmpty());
          return;
        }
        subscriber.next((folder ?? createFolder(aggregation())).result());
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
