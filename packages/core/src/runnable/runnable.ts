import type { Observable, OperatorFunction } from 'rxjs';
import { delta, items, resolveAggregation, snapshot, type Aggregation, type AggregationSpec } from '../aggregation/aggregation.js';
import { foldStream, toPromise } from '../aggregation/fold-stream.js';
import { batchResults, type BatchResult } from '../run/batch-results.js';
import { rootRun } from '../run/root-run.js';
import type { RunContext } from '../run/run-context.js';
import type { RunEvent } from '../run/run-events.js';
import type { BatchOptions, RunOptions } from '../run/run-options.js';
import { RunStream } from '../run/run-stream.js';
import type { Step } from '../run/step.js';
import { streamEvents } from '../run/stream-events.js';
import { inputFrom, inputOf, type StreamInput } from '../run/stream-input.js';
import { configStep } from '../steps/config-step.js';
import { fallbacksStep } from '../steps/fallbacks-step.js';
import { retryStep } from '../steps/retry-step.js';
import type { RetryOptions } from '../steps/retry-policy.js';
import { sequenceStep } from '../steps/sequence-step.js';
import { toStep } from '../steps/to-step.js';
import type { MapChunk, MapOutput, RunnableFunction, RunnableMap } from './runnable-types.js';

const runnableMarker = Symbol.for('rivulet.runnable');

/**
 * A step of an LLM pipeline that streams: prompt, model, parser, function, or a
 * composition of those. Every method is built on `doStream`, so `invoke(x)` is
 * always the aggregate of `stream(x)`.
 *
 * `I` is the input, `O` the output `invoke` resolves to, and `C` the type of
 * the chunks `stream` emits: the same as `O` for most steps; a deep-partial
 * of `O` for structured output, whose chunks are snapshots of a growing value.
 * The next step of a pipe receives `O` (the last snapshot is the whole value).
 *
 * To write one, subclass it and declare `name`, `aggregation` (`delta()` when
 * chunks are pieces, `snapshot()` when each chunk is the whole value so far,
 * `items()` when each is one element of the output) and `doStream`; or build
 * one from functions with `lambda` or `transform`.
 *
 * @example
 * ```ts
 * const chain = prompt.pipe(model).pipe(textParser());
 * for await (const text of chain.stream({ topic: 'rivers' })) process.stdout.write(text);
 * const whole = await chain.invoke({ topic: 'rivers' });
 * ```
 */
export abstract class Runnable<I, O, C = O> implements Step<I, O, C> {
  private readonly [runnableMarker] = true;

  /** The name events carry. */
  abstract readonly name: string;
  /** How chunks aggregate into the `invoke` result: data, so it travels with a served stream. */
  abstract readonly aggregation: AggregationSpec<C, O>;
  /** Options applied to every run of this runnable (set by `withConfig`). */
  readonly config?: RunOptions | undefined;

  /**
   * Turns input chunks into output chunks. Subscribe to `input.chunks` at most
   * once and synchronously (or use `wholeInput`), and release everything in
   * the teardown: unsubscription is how runs are cancelled. Called by the
   * runtime; users call `stream` or `invoke`.
   */
  abstract doStream(input: StreamInput<I>, ctx: RunContext): Observable<C>;

  /** True when `value` is a `Runnable` from any copy of `@rivulet/core`. */
  static isRunnable(value: unknown): value is Runnable<unknown, unknown> {
    return typeof value === 'object' && value !== null && runnableMarker in value;
  }

  /** @internal Wraps a step built by a composition function as a `Runnable`. */
  static from<I, O, C = O>(step: Step<I, O, C>): Runnable<I, O, C> {
    return step instanceof Runnable ? (step as Runnable<I, O, C>) : new StepRunnable<I, O, C>(step);
  }

  /** How the chunks of a run on a whole input aggregate: what `invoke` folds by, and what a server announces. */
  outputAggregation(): Aggregation<C, O> {
    return resolveAggregation(this.aggregation, snapshot());
  }

  /** Runs once and resolves to the aggregate of all chunks. */
  invoke(input: I, options?: RunOptions): Promise<O> {
    return toPromise(foldStream(rootRun(this, inputOf(input), options), () => this.outputAggregation()));
  }

  /**
   * Runs once, streaming chunks as they are produced. Cold: each subscription
   * is a run. A slow `for await` loop sees waiting chunks coalesced by the
   * aggregation (see {@link RunStream}).
   */
  stream(input: I, options?: RunOptions): RunStream<C> {
    return RunStream.from(rootRun(this, inputOf(input), options), () => this.outputAggregation());
  }

  /** Runs once per input, at most `maxConcurrency` at a time, keeping the order of `inputs`. */
  batch(inputs: readonly I[], options?: BatchOptions & { readonly returnExceptions?: false | undefined }): Promise<O[]>;
  batch(inputs: readonly I[], options: BatchOptions & { readonly returnExceptions: true }): Promise<(O | Error)[]>;
  batch(inputs: readonly I[], options?: BatchOptions): Promise<(O | Error)[]>;
  batch(inputs: readonly I[], options: BatchOptions = {}): Promise<(O | Error)[]> {
    return new Promise((resolve, reject) => {
      const outputs = new Array<O | Error>(inputs.length);
      const subscription = batchResults(this, inputs, options).subscribe({
        next(result) {
          if (result.error && !options.returnExceptions) {
            reject(result.error);
            // The batch has failed: stop the runs still in flight.
            queueMicrotask(() => subscription.unsubscribe());
            return;
          }
          outputs[result.index] = result.error ?? (result.output as O);
        },
        error: reject,
        complete: () => resolve(outputs),
      });
    });
  }

  /** Like `batch`, but emits each outcome as soon as its run completes. Failures are outcomes, not errors. */
  batchAsCompleted(inputs: readonly I[], options?: BatchOptions): RunStream<BatchResult<O>> {
    return RunStream.from(batchResults(this, inputs, options), () => items());
  }

  /** Runs once and streams the events of every nested step instead of the output. */
  streamEvents(input: I, options?: RunOptions): RunStream<RunEvent> {
    return RunStream.from(streamEvents(this, inputOf(input), options), () => items());
  }

  /** This runnable, then `next` fed its chunks as they arrive. */
  pipe<N, NC>(next: Runnable<O, N, NC>): Runnable<I, N, NC>;
  pipe<N>(next: RunnableFunction<O, N>): Runnable<I, N>;
  pipe<M extends RunnableMap<O>>(next: M): Runnable<I, MapOutput<M>, MapChunk<M>>;
  pipe(next: Runnable<O, unknown, unknown> | RunnableFunction<O, unknown> | RunnableMap<O>): Runnable<I, unknown, unknown> {
    const self = this instanceof StepRunnable ? this.step : this;
    return Runnable.from(sequenceStep([self, toStep(next)]));
  }

  /**
   * An RxJS operator that runs this runnable once per subscription, with the
   * source's values as its input chunks (they aggregate as deltas for steps
   * that need the whole input). To run once per value, use
   * `switchMap((x) => runnable.stream(x))` instead.
   */
  asOperator(options?: RunOptions): OperatorFunction<I, C> {
    return (source) => rootRun(this, inputFrom(source, delta()), options);
  }

  /** Retries failed runs with backoff, as long as no chunk was emitted yet. */
  withRetry(options?: RetryOptions): Runnable<I, O, C> {
    return Runnable.from(retryStep(this, options));
  }

  /** Tries `fallbacks` in order when this fails before emitting a chunk. */
  withFallbacks(fallbacks: readonly Runnable<I, O, C>[]): Runnable<I, O, C> {
    return Runnable.from(fallbacksStep<I, O, C>([this, ...fallbacks]));
  }

  /** Applies `options` to every run of this runnable and its nested steps. */
  withConfig(options: RunOptions): Runnable<I, O, C> {
    return Runnable.from(configStep(this, options));
  }
}

/** A `Runnable` over a step built by the composition functions. */
class StepRunnable<I, O, C> extends Runnable<I, O, C> {
  readonly name: string;
  readonly aggregation: AggregationSpec<C, O>;
  override readonly config: RunOptions | undefined;
  /** The wrapped step, so `pipe` can flatten sequences. */
  readonly step: Step<I, O, C>;

  constructor(step: Step<I, O, C>) {
    super();
    this.step = step;
    this.name = step.name;
    this.aggregation = step.aggregation;
    this.config = step.config;
  }

  doStream(input: StreamInput<I>, ctx: RunContext): Observable<C> {
    return this.step.doStream(input, ctx);
  }
}
