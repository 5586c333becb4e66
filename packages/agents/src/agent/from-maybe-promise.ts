import { from, of, type Observable } from 'rxjs';

/** A value or a promise as an observable of one value; a plain value is emitted synchronously, without a microtask. */
export function fromMaybePromise<T>(value: T | PromiseLike<T>): Observable<T> {
  return isPromiseLike(value) ? from(value) : of(value);
}

function isPromiseLike<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
