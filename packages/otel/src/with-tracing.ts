import { finalize, type Observable } from 'rxjs';
import { Runnable, type AggregationSpec, type RunCallbacks, type RunContext, type RunOptions, type StreamInput } from '@rivulet/core';
import { SpanTracker } from './span-tracker.js';
import type { TracingOptions } from './tracing-options.js';

/**
 * `runnable` traced on every run: the spans of {@link otelCallbacks}, and
 * also when a run is stopped by unsubscribing (breaking out of a `for await`
 * loop, a client that disconnected), which reports no event: every span of
 * the run still open then ends, marked cancelled.
 *
 * @example
 * ```ts
 * const traced = withTracing(prompt.pipe(model).pipe(textParser()));
 * for await (const text of traced.stream({ topic: 'rivers' })) process.stdout.write(text);
 * ```
 */
export function withTracing<I, O, C>(runnable: Runnable<I, O, C>, options?: TracingOptions): Runnable<I, O, C> {
  return new TracedRunnable(runnable, new SpanTracker(options));
}

/** The runnable `withTracing` returns: the same step, with the tracker among its callbacks. */
class TracedRunnable<I, O, C> extends Runnable<I, O, C> {
  readonly name: string;
  readonly aggregation: AggregationSpec<C, O>;
  override readonly config: RunOptions;
  readonly #runnable: Runnable<I, O, C>;
  readonly #tracker: SpanTracker;

  constructor(runnable: Runnable<I, O, C>, tracker: SpanTracker) {
    super();
    this.#runnable = runnable;
    this.#tracker = tracker;
    this.name = runnable.name;
    this.aggregation = runnable.aggregation;
    this.config = { ...runnable.config, callbacks: [...callbacksOf(runnable.config), tracker] };
  }

  doStream(input: StreamInput<I>, ctx: RunContext): Observable<C> {
    // After an end or error event this finds nothing open; after an unsubscription, the whole run.
    return this.#runnable.doStream(input, ctx).pipe(finalize(() => this.#tracker.cancel(ctx.runId)));
  }
}

function callbacksOf(config: RunOptions | undefined): readonly RunCallbacks[] {
  const callbacks = config?.callbacks;
  if (callbacks === undefined) return [];
  return Array.isArray(callbacks) ? (callbacks as readonly RunCallbacks[]) : [callbacks as RunCallbacks];
}
