import { Observable, type Subscriber, type TeardownLogic } from 'rxjs';
import { observableToAsyncIterator } from './observable-to-async-iterator.js';

/**
 * The stream of one run: an RxJS `Observable` that is also `AsyncIterable`.
 *
 * It is cold: each subscription or `for await` loop is one run. Unsubscribing or
 * breaking out of the loop cancels the run all the way down.
 *
 * @example
 * ```ts
 * for await (const chunk of chain.stream({ topic: 'rivers' })) process.stdout.write(chunk);
 * chain.stream({ topic: 'rivers' }).pipe(map((c) => c.length)).subscribe(console.log);
 * ```
 */
export class RunStream<T> extends Observable<T> implements AsyncIterable<T> {
  constructor(subscribe?: (this: Observable<T>, subscriber: Subscriber<T>) => TeardownLogic) {
    super(subscribe);
  }

  /** Wraps any observable as a `RunStream` (a new subscription each time). */
  static from<T>(source: Observable<T>): RunStream<T> {
    if (source instanceof RunStream) return source as RunStream<T>;
    return new RunStream<T>((subscriber) => source.subscribe(subscriber));
  }

  /** Iterates one run; leaving the loop early (`break`, `return`, a throw) cancels it. */
  [Symbol.asyncIterator](): AsyncIterator<T> {
    return observableToAsyncIterator(this);
  }

  /**
   * A Web `ReadableStream` of the chunks. Cancelling the reader cancels the run.
   * Chunks are queued while the reader is slower than the run.
   */
  toReadableStream(): ReadableStream<T> {
    const iterator = observableToAsyncIterator(this);
    return new ReadableStream<T>({
      async pull(controller) {
        const result = await iterator.next();
        if (result.done) controller.close();
        else controller.enqueue(result.value);
      },
      async cancel() {
        await iterator.return?.();
      },
    });
  }
}
