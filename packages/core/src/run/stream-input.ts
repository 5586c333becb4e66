import { defer, from, Observable, of, Subscription, type ObservableInput } from 'rxjs';
import { snapshot, type AggregationRule } from '../aggregation/aggregation.js';
import { foldStream } from '../aggregation/fold-stream.js';
import { InputError } from '../errors/input-error.js';

/**
 * The input a step receives: a stream of chunks and how they aggregate.
 *
 * A step subscribes to `chunks` at most once, and synchronously when it is
 * subscribed itself: upstream work starts on that subscription.
 */
export interface StreamInput<I> {
  readonly chunks: Observable<I>;
  /** How `chunks` fold into the whole input; read it once chunks arrived (a remote step learns it from the wire). */
  readonly aggregation: AggregationRule;
  /** Set when the input is known whole up front (the root input of a run). */
  readonly whole?: { readonly value: I };
}

/** A whole value as a step input. */
export function inputOf<I>(value: I): StreamInput<I> {
  return { chunks: of(value), aggregation: snapshot(), whole: { value } };
}

/** A chunk stream as a step input; `aggregation` may be a function, read only when needed. */
export function inputFrom<I>(chunks: Observable<I>, aggregation: AggregationRule | (() => AggregationRule)): StreamInput<I> {
  return typeof aggregation === 'function' ? new LazyInput(chunks, aggregation) : { chunks, aggregation };
}

// A class rather than an object literal with a getter: one is made per step per run.
class LazyInput<I> implements StreamInput<I> {
  readonly whole?: { readonly value: I };

  constructor(
    readonly chunks: Observable<I>,
    private readonly rule: () => AggregationRule,
    whole?: { readonly value: I },
  ) {
    if (whole !== undefined) this.whole = whole;
  }
  get aggregation(): AggregationRule {
    return this.rule();
  }
}

/**
 * The input aggregated into one value, for steps that need it whole. Fails
 * with `InputError` when the upstream produced no chunk at all.
 */
export function wholeInput<I>(input: StreamInput<I>, stepName: string): Observable<I> {
  if (input.whole) return of(input.whole.value);
  return foldStream<I, I>(
    input.chunks,
    () => input.aggregation,
    () => new InputError(`"${stepName}" received no input: the previous step produced no output.`),
  );
}

/**
 * The output of `run` on the whole input: what `wholeInput(input).pipe(concatMap(run))`
 * gives, without an operator between `run`'s values and the subscriber. Steps that
 * need their input whole (a model, a prompt) stream every chunk of their output
 * through here, so a layer saved here is saved per chunk. A failure of `run`
 * (thrown or emitted) fails the stream.
 *
 * @example
 * ```ts
 * doStream(input: StreamInput<string>) {
 *   return onWholeInput(input, this.name, (text) => this.reply(text));
 * }
 * ```
 */
export function onWholeInput<I, O>(input: StreamInput<I>, stepName: string, run: (value: I) => ObservableInput<O>): Observable<O> {
  const whole = input.whole;
  if (whole !== undefined) return defer(() => run(whole.value));
  return new Observable<O>((subscriber) => {
    const subscriptions = new Subscription();
    subscriptions.add(
      wholeInput(input, stepName).subscribe({
        next(value) {
          let output: Observable<O>;
          try {
            output = from(run(value));
          } catch (error) {
            subscriber.error(error);
            return;
          }
          // The fold emits once, right before it completes: `run`'s stream is the rest of this one.
          subscriptions.add(output.subscribe(subscriber));
        },
        error: (error: unknown) => subscriber.error(error),
      }),
    );
    return subscriptions;
  });
}

/** `input` with other chunks (a shared or replayed copy); its aggregation is still read lazily. */
export function withChunks<I>(input: StreamInput<I>, chunks: Observable<I>): StreamInput<I> {
  return new LazyInput(chunks, () => input.aggregation, input.whole);
}
