import { Observable } from 'rxjs';
import { resolveAggregation, type Aggregation } from '../aggregation/aggregation.js';
import { createFolder, type Folder } from '../aggregation/create-folder.js';
import { withCallbacks } from './dispatch-callbacks.js';
import { createContext, newRunId, runScopeKey, type RunContext } from './run-context.js';
import type { RunEvent } from './run-events.js';
import { withRunLimits } from './run-limits.js';
import type { Step } from './step.js';
import { withChunks, type StreamInput } from './stream-input.js';

/**
 * Runs `step` as a child of the step owning `parent`: gives it its own run id
 * and merged options, applies its limits, and reports its events. Composite
 * steps run their children through this.
 */
export function runStep<I, O, C>(step: Step<I, O, C>, input: StreamInput<I>, parent: RunContext): Observable<C> {
  const ctx = childContext(step, parent);
  const emit = ctx[runScopeKey].emit;
  const limits = { signal: step.config?.signal, timeout: step.config?.timeout };
  const run = (observed: StreamInput<I>): Observable<C> => withRunLimits(step.doStream(observed, ctx), limits);
  if (emit === undefined) return run(input);
  return traced<I, O, C>(run, () => resolveAggregation(step.aggregation, input.aggregation), input, ctx, emit);
}

/** The context a step runs in: the parent's, with the step's own config merged in. */
export function childContext(step: Pick<Step<never, unknown>, 'name' | 'config'>, parent: RunContext): RunContext {
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

function traced<I, O, C>(
  run: (input: StreamInput<I>) => Observable<C>,
  aggregation: () => Aggregation<C, O>,
  input: StreamInput<I>,
  ctx: RunContext,
  emit: (event: RunEvent) => void,
): Observable<C> {
  const base = {
    runId: ctx.runId,
    ...(ctx.parentRunId !== undefined && { parentRunId: ctx.parentRunId }),
    name: ctx.runName,
    tags: ctx.tags,
    metadata: ctx.metadata,
  };
  return new Observable<C>((subscriber) => {
    let started = false;
    let output: Folder<C, O> | undefined;
    // A step fed by a stream starts when its first input chunk arrives (or it
    // does anything), so its start follows the start of the steps feeding it,
    // and the aggregation of its input is known by then.
    const start = (): void => {
      if (started) return;
      started = true;
      const aggregate = aggregation();
      emit({ type: 'start', ...base, data: input.whole ? { input: input.whole.value, aggregate } : { aggregate } });
    };
    // With its input whole from the start, a step starts when it is subscribed.
    if (input.whole) start();
    const observedInput = withChunks(
      input,
      new Observable<I>((inner) =>
        input.chunks.subscribe({
          next: (chunk) => (start(), inner.next(chunk)),
          error: (error: unknown) => (start(), inner.error(error)),
          complete: () => (start(), inner.complete()),
        }),
      ),
    );
    return run(observedInput).subscribe({
      next(chunk) {
        start();
        // Resolved again, not taken from the start: a remote step learns its rule from the wire
        // only after it started (its start event says the rule it knew then).
        (output ??= createFolder(aggregation())).add(chunk);
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
        emit({ type: 'end', ...base, data: { output: output?.result() } });
        subscriber.complete();
      },
    });
  });
}
