import { Observable, Subscription, timer } from 'rxjs';
import { delta, snapshot, type Aggregation, type AggregationRule } from '../aggregation/aggregation.js';
import type { RunContext } from '../run/run-context.js';
import { wholeInput, type StreamInput } from '../run/stream-input.js';
import { Runnable } from '../runnable/runnable.js';

/** Options of {@link fakeRunnable}. */
export interface FakeRunnableOptions {
  /** Wait before each chunk, in ms (an rxjs timer, so `TestScheduler` can drive it). Default 0: synchronous. */
  readonly delayMs?: number | undefined;
  /** Name in events. Default `fake`. */
  readonly name?: string | undefined;
  /** How the chunks aggregate. Default `delta`. */
  readonly aggregate?: 'delta' | 'snapshot' | AggregationRule | undefined;
  /** Fail with this error after the chunks. */
  readonly error?: Error | undefined;
}

/** A runnable that emits scripted chunks and records how it was used. */
export class FakeRunnable<T> extends Runnable<unknown, T> {
  readonly name: string;
  readonly aggregation: Aggregation<T, T>;
  /** The input of every run, in order. */
  readonly inputs: unknown[] = [];
  /** Runs subscribed and not yet finished or cancelled. */
  active = 0;
  /** Runs cancelled before they finished. */
  cancelled = 0;
  readonly #chunks: readonly T[];
  readonly #options: FakeRunnableOptions;

  constructor(chunks: readonly T[], options: FakeRunnableOptions = {}) {
    super();
    this.#chunks = chunks;
    this.#options = options;
    this.name = options.name ?? 'fake';
    this.aggregation = aggregationOf<T>(options.aggregate);
  }

  doStream(input: StreamInput<unknown>, _ctx: RunContext): Observable<T> {
    return new Observable<T>((subscriber) => {
      this.active++;
      let finished = false;
      const finish = (): void => {
        finished = true;
        this.active--;
      };
      const subscription = new Subscription();
      const finishWith = (): void => {
        finish();
        if (this.#options.error) subscriber.error(this.#options.error);
        else subscriber.complete();
      };
      const delayMs = this.#options.delayMs ?? 0;
      // Without a delay, a plain loop: recursion would overflow the stack on long scripts.
      const emitAll = (): void => {
        for (const chunk of this.#chunks) {
          if (subscriber.closed) return;
          subscriber.next(chunk);
        }
        finishWith();
      };
      const emitDelayed = (index: number): void => {
        if (index === this.#chunks.length) return finishWith();
        subscription.add(
          timer(delayMs).subscribe(() => {
            subscriber.next(this.#chunks[index] as T);
            emitDelayed(index + 1);
          }),
        );
      };
      const emit = (): void => (delayMs > 0 ? emitDelayed(0) : emitAll());
      subscription.add(
        wholeInput(input, this.name).subscribe({
          next: (value) => {
            this.inputs.push(value);
            emit();
          },
          error: (error: unknown) => (finish(), subscriber.error(error)),
        }),
      );
      return () => {
        subscription.unsubscribe();
        if (!finished) {
          this.cancelled++;
          finish();
        }
      };
    });
  }
}

/**
 * A runnable that ignores its input's content and emits `chunks`, optionally
 * with a delay before each, for testing chains without a model.
 *
 * @example
 * ```ts
 * const fake = fakeRunnable(['Hel', 'lo'], { delayMs: 10 });
 * expect(await fake.invoke('anything')).toBe('Hello');
 * ```
 */
export function fakeRunnable<T>(chunks: readonly T[], options?: FakeRunnableOptions): FakeRunnable<T> {
  return new FakeRunnable(chunks, options);
}

function aggregationOf<T>(option: FakeRunnableOptions['aggregate']): Aggregation<T, T> {
  if (option === undefined || option === 'delta') return delta<T>();
  return option === 'snapshot' ? snapshot<T>() : option;
}
