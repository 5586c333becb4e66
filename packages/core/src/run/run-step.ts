import { Observable } from 'rxjs';
import { resolveAggregator, type Aggregator } from './aggregator.js';
import { withCallbacks } from './dispatch-callbacks.js';
import { createContext, newRunId, runScopeKey, type RunContext } from './run-context.js';
import type { RunEvent } from './run-events.js';
import { withRunLimits } from './run-limits.js';
import type { Step } from './step.js';
import type { StreamInput } from './stream-input.js';

/**
 * Runs `step` as a child of the step owning `parent`: gives it its own run id
 * and merged options, applies its limits, and reports its events. Composite
 * steps run their children through this.
 */
export function runStep<I, O>(step: Step<I, O>, input: StreamInput<I>, parent: RunContext): Observable<O> {
  const ctx = childContext(step, parent);
  const emit = ctx[runScopeKey].emit;
  const limits = { signal: step.config?.signal, timeout: step.config?.timeout };
  const run = (observed: StreamInput<I>): Observable<O> => withRunLimits(step.doStream(observed, ctx), limits);
  if (emit === undefined) return run(input);
  return traced(run, resolveAggregator(step.aggregator, input.aggregator), input, ctx, emit);
}

/** The context a step runs in: the parent's, with the step's own config merged in. */
export function childContext(step: Step<unknown, unknown> | Step<never, unknown>, parent: RunContext): RunContext {
  const config = step.config;
  const scope = parent[runScopeKey];
  return createContext({
    runId: newRunId(),
    parentRunId: parent.runId === '' ? undefined : parent.runId,
    runName: config?.runName ?? step.name,
    tags: config?.tags ? [...parent.tags, ...config.tags] : parent.tags,
    metadata: config?.metadata ? { ...parent.metadata, ...config.metadata } : parent.metadata,
    configurable: config?.configurable ? { ...parent.configurable, ...config.configurable } : parent.configurable,
    maxConcurrency: config?.maxConcurrency ?? parent.maxConcurrency,
    [runScopeKey]: config?.callbacks ? { ...scope, emit: withCallbacks(scope.emit, config.callbacks) } : scope,
  });
}

const none: unique symbol = Symbol('none');

function traced<I, O>(
  run: (input: StreamInput<I>) => Observable<O>,
  aggregator: Aggregator<O>,
  input: StreamInput<I>,
  ctx: RunContext,
  emit: (event: RunEvent) => void,
): Observable<O> {
  const base = {
    runId: ctx.runId,
    ...(ctx.parentRunId !== undefined && { parentRunId: ctx.parentRunId }),
    name: ctx.runName,
    tags: ctx.tags,
    metadata: ctx.metadata,
  };
  return new Observable<O>((subscriber) => {
    let started = false;
    let output: O | typeof none = none;
    // A step fed by a stream starts when its first input chunk arrives (or it
    // does anything), so its start follows the start of the steps feeding it.
    const start = (): void => {
      if (started) return;
      started = true;
      emit({ type: 'start', ...base, data: input.whole ? { input: input.whole.value } : {} });
    };
    // With its input whole from the start, a step starts when it is subscribed.
    if (input.whole) start();
    const observedInput: StreamInput<I> = {
      ...input,
      chunks: new Observable<I>((inner) =>
        input.chunks.subscribe({
          next: (chunk) => (start(), inner.next(chunk)),
          error: (error: unknown) => (start(), inner.error(error)),
          complete: () => (start(), inner.complete()),
        }),
      ),
    };
    return run(observedInput).subscribe({
      next(chunk) {
        start();
        output = output === none ? chunk : aggregator.combine(output, chunk);
        emit({ type: 'chunk', ...base, data: { chunk } });
        subscriber.next(chunk);
      },
      error(error: unknown) {
        start();
        emit({ type: 'error', ...base, data: { error: error instanceof Error ? error : new Error(String(error)) } });
        subscriber.error(error);
      },
      complete() {
        start();
        emit({ type: 'end', ...base, data: { output: output === none ? undefined : output } });
        subscriber.complete();
      },
    });
  });
}
