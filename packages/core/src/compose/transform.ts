import { Observable } from 'rxjs';
import type { Aggregation } from '../aggregation/aggregation.js';
import type { RunContext } from '../run/run-context.js';
import { observableToAsyncIterator } from '../run/observable-to-async-iterator.js';
import { fromAsyncIterable } from '../steps/from-async-iterable.js';
import { Runnable } from '../runnable/runnable.js';

/** Options of {@link transform} and `fromOperator`. */
export interface StreamStepOptions<C, O> {
  /** The step's name in events. */
  readonly name?: string | undefined;
  /** How the step's chunks aggregate; `delta()` unless told. */
  readonly aggregation?: Aggregation<C, O> | undefined;
}

/**
 * A step whose function receives the input **as it streams** and streams its
 * output, so a step of one's own between a model and a parser keeps chunks
 * flowing. The input iterable yields the upstream's chunks (for a snapshot
 * stream, its growing snapshots); when the function reads slower than they
 * arrive, waiting chunks coalesce by the upstream's aggregation. Leaving the
 * run early returns the input iterator, which cancels the upstream.
 *
 * @example
 * ```ts
 * const upper = transform(async function* (chunks: AsyncIterable<string>) {
 *   for await (const text of chunks) yield text.toUpperCase();
 * });
 * const chain = prompt.pipe(model).pipe(textParser()).pipe(upper);
 * ```
 */
export function transform<I, C>(fn: (input: AsyncIterable<I>, ctx: RunContext) => AsyncIterable<C>, options?: { readonly name?: string | undefined }): Runnable<I, C>;
export function transform<I, O, C>(fn: (input: AsyncIterable<I>, ctx: RunContext) => AsyncIterable<C>, options: StreamStepOptions<C, O> & { readonly aggregation: Aggregation<C, O> }): Runnable<I, O, C>;
export function transform<I, O, C>(fn: (input: AsyncIterable<I>, ctx: RunContext) => AsyncIterable<C>, options: StreamStepOptions<C, O> = {}): Runnable<I, O, C> {
  return Runnable.from<I, O, C>({
    name: options.name ?? (fn.name || 'transform'),
    aggregation: options.aggregation ?? { kind: 'delta' },
    doStream: (input, ctx) =>
      new Observable<C>((subscriber) => {
        const chunks = observableToAsyncIterator(input.chunks, () => input.aggregation);
        const subscription = fromAsyncIterable(fn(chunks, ctx)).subscribe(subscriber);
        return () => {
          subscription.unsubscribe();
          // A function suspended on its next input chunk only sees the end when the input ends: end it here.
          void chunks.return?.();
        };
      }),
  });
}
