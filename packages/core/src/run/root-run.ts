import { Observable } from 'rxjs';
import { withCallbacks } from './dispatch-callbacks.js';
import { createContext, isRunContext, runScopeKey, type RunContext } from './run-context.js';
import { RunLifetime } from './run-lifetime.js';
import type { RunEvent } from './run-events.js';
import type { RunOptions } from './run-options.js';
import { mergeOptions } from './merge-options.js';
import { runStep } from './run-step.js';
import type { Step } from './step.js';
import type { StreamInput } from './stream-input.js';

/**
 * One run of `step`: the observable behind `stream`, `invoke` and `batch`.
 *
 * With user options it is a root run: `signal` and `timeout` bound it, and a
 * signal of its own, aborted at teardown, is what nested steps see. With a
 * step's `RunContext` as options (a nested call) it runs as that step's child.
 * `sink` receives every event, for `streamEvents`.
 */
export function rootRun<I, O, C>(
  step: Step<I, O, C>,
  input: StreamInput<I>,
  options: RunOptions | undefined,
  sink?: (event: RunEvent) => void,
): Observable<C> {
  return new Observable<C>((subscriber) => {
    const lifetime = new RunLifetime();
    const parent = isRunContext(options) ? nestedParent(options, lifetime, sink) : rootParent(options, lifetime, sink);
    const configured: Step<I, O, C> = { ...stepView(step), config: mergeOptions(step.config, callOptions(options)) };
    const subscription = runStep(configured, input, parent).subscribe(subscriber);
    return () => {
      subscription.unsubscribe();
      // Whatever a step started and still listens to the run's signal for ends with the run.
      lifetime.end();
    };
  });
}

/** The step with its own methods bound, so spreading it keeps them working. */
function stepView<I, O, C>(step: Step<I, O, C>): Step<I, O, C> {
  return { name: step.name, aggregation: step.aggregation, config: step.config, doStream: (input, ctx) => step.doStream(input, ctx) };
}

/**
 * The call's options apply to the root step like `withConfig` would. From a
 * nested call (a step's context) only the signal applies: the rest is
 * inherited through the parent context already.
 */
function callOptions(options: RunOptions | undefined): RunOptions | undefined {
  if (!isRunContext(options)) return options;
  // From the scope, not `options.signal`: a spread copy of a context keeps its
  // scope (an own property) but not its signal (a getter).
  return { signal: options[runScopeKey].lifetime.signal };
}

/** The context a root run's step is a child of: empty, with the run's signal and sink. */
function rootParent(options: RunOptions | undefined, lifetime: RunLifetime, sink: ((event: RunEvent) => void) | undefined): RunContext {
  return createContext({
    runId: '',
    runName: '',
    tags: [],
    metadata: {},
    configurable: {},
    maxConcurrency: options?.maxConcurrency,
    [runScopeKey]: { emit: sink, lifetime },
  });
}

/** A nested call's parent is the calling step's context; `sink`, if any, also hears it. */
function nestedParent(ctx: RunContext, lifetime: RunLifetime, sink: ((event: RunEvent) => void) | undefined): RunContext {
  const emit = ctx[runScopeKey].emit;
  return createContext({
    runId: ctx.runId,
    parentRunId: ctx.parentRunId,
    runName: ctx.runName,
    tags: ctx.tags,
    metadata: ctx.metadata,
    configurable: ctx.configurable,
    maxConcurrency: ctx.maxConcurrency,
    [runScopeKey]: { emit: sink ? withCallbacks(emit, { onEvent: sink }) : emit, lifetime },
  });
}
