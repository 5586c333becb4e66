import { from, isObservable, of, type Observable } from 'rxjs';
import { fromAsyncIterable } from './from-async-iterable.js';

/** What a function step may return: a value, a promise, an async iterable, or an observable. */
export type StepResult<O> = O | Promise<O> | AsyncIterable<O> | Observable<O>;

/** The chunks a function step's return value stands for. */
export function fromStepResult<O>(result: StepResult<O>): Observable<O> {
  if (isObservable(result)) return result as Observable<O>;
  if (isPromiseLike(result)) return from(result as PromiseLike<O>);
  if (isAsyncIterable(result)) return fromAsyncIterable(result as AsyncIterable<O>);
  return of(result as O);
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function';
}
