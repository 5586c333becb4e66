import { of, type Observable } from 'rxjs';
import { aggregate } from './aggregate.js';
import { InputError } from '../errors/input-error.js';
import { snapshot, type Aggregator } from './aggregator.js';

/**
 * The input a step receives: a stream of chunks and how they aggregate.
 *
 * A step subscribes to `chunks` at most once, and synchronously when it is
 * subscribed itself: upstream work starts on that subscription.
 */
export interface StreamInput<I> {
  readonly chunks: Observable<I>;
  readonly aggregator: Aggregator<I>;
  /** Set when the input is known whole up front (the root input of a run). */
  readonly whole?: { readonly value: I };
}

/** A whole value as a step input. */
export function inputOf<I>(value: I): StreamInput<I> {
  return { chunks: of(value), aggregator: snapshot<I>(), whole: { value } };
}

/** A chunk stream as a step input. */
export function inputFrom<I>(chunks: Observable<I>, aggregator: Aggregator<I>): StreamInput<I> {
  return { chunks, aggregator };
}

/**
 * The input aggregated into one value, for steps that need it whole. Fails
 * with `InputError` when the upstream produced no chunk at all.
 */
export function wholeInput<I>(input: StreamInput<I>, stepName: string): Observable<I> {
  if (input.whole) return of(input.whole.value);
  return aggregate(
    input.chunks,
    input.aggregator,
    () => new InputError(`"${stepName}" received no input: the previous step produced no output.`),
  );
}
