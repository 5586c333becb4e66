import { Observable, type Subscriber, type TeardownLogic } from 'rxjs';
import type { AggregationRule } from '../aggregation/aggregation.js';
import { observableToAsyncIterator } from './observable-to-async-iterator.js';

/**
 * The stream of one run: an RxJS `Observable` that is also `AsyncIterable`.
 *
 * It is cold: each subscription or `for await` loop is one run. Unsubscribing or
 * breaking out of the loop cancels the run all the way down.
 *
 * Subscribers see every chunk. A `for await` loop or a `ReadableStream` reader
 * slower than the run sees chunks coalesced by the stream's aggregation (the
 * latest snapshot, text deltas joined), so waiting chunks never pile up.
 *
 * @example
 * ```ts
 * for await (const chunk of chain.stream({ topic: 'rivers' })) process.stdout.write(chunk);
 * chain.stream({ topic: 'rivers' }).pipe(map((c) => c.length)).subscribe(console.log);
 * ```
 */
export class RunStream<T> extends Observable<T> implements AsyncIterable<T> {
  /** How waiting chunks coalesce; read when two chunks wait at once. */
  readonly #rule: () => AggregationRule | undefined;

  constructor(subscribe?: (this: Observable<T>, subscriber: Subscriber<T>) => TeardownLogic, rule?: () => AggregationRule | undefined) {
    super(subscribe);
    this.#rule = rule ?? (() => undefined);
  }

  /**
   * Wraps any observable as a `RunStream` (a new subscription each time);
   * `rule` says how its chunks coalesce for a slow reader (none: they queue).
   */
  static from<T>(source: Observable<T>, rule?: () => AggregationRule | undefined): RunStream<T> {
    if (source instanceof RunStream && rule === undefined) return source as RunStream<T>;
    return new RunStream<T>((subscriber) => source.subscribe(subscriber), rule);
  }

  /** Iterates one run; leaving the loop early (`break`, `return`, a throw) cancels it. */
  [Symbol.asyncIterator](): AsyncIterator<T> {
    return observableToAsyncIterator(this, this.#rule);
  }

  /**
   * A Web `ReadableStream` of the chunks. Cancelling the reader cancels the
   * run. Chunks wait for a slow reader coalesced, as in a `for await` loop.
   */
  toReadableStream(): ReadableStream<T> {
    const iterator = observableToAsyncIterator(this, this.#rule);
    return new ReadableStream<T>(
      {
        async pull(controller) {
          const result = await iterator.next();
          if (result.done) controller.close();
          else controller.enqueue(result.value);
        },
        async cancel() {
          await iterator.return?.();
        },
      },
      { highWaterMark: 0 },
    );
  }
}
