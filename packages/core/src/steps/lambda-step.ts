import { mergeMap, Observable } from 'rxjs';
import { delta, snapshot, type Aggregator } from '../run/aggregator.js';
import type { RunContext } from '../run/run-context.js';
import type { Step } from '../run/step.js';
import { wholeInput } from '../run/stream-input.js';
import { fromStepResult, type StepResult } from './from-step-result.js';

/** A function usable as a step: it gets the whole input and its run context. */
export type StepFunction<I, O> = (input: I, ctx: RunContext) => StepResult<O>;

/** Options of a function step. */
export interface LambdaOptions {
  /** The step's name in events; defaults to the function's name. */
  readonly name?: string | undefined;
  /**
   * How the chunks of a streaming function (generator, observable) aggregate:
   * `delta` (the default) concatenates them, `snapshot` keeps the last.
   */
  readonly aggregate?: 'delta' | 'snapshot' | undefined;
}

/** A step running `fn` on the aggregated input; its result streams if it is an async iterable or observable. */
export function lambdaStep<I, O>(fn: StepFunction<I, O>, options: LambdaOptions = {}): Step<I, O> {
  const name = options.name ?? (fn.name || 'lambda');
  const aggregator: Aggregator<O> = options.aggregate === 'snapshot' ? snapshot<O>() : delta<O>();
  return {
    name,
    aggregator,
    doStream: (input, ctx) =>
      input.whole
        ? callStepFunction(fn, input.whole.value, ctx)
        : wholeInput(input, name).pipe(mergeMap((value) => callStepFunction(fn, value, ctx))),
  };
}

// `ctx.signal` is the run's: it aborts when the run ends or is cancelled,
// which is when a function step can be cancelled at all.
function callStepFunction<I, O>(fn: StepFunction<I, O>, value: I, ctx: RunContext): Observable<O> {
  return new Observable<O>((subscriber) => fromStepResult(fn(value, ctx)).subscribe(subscriber));
}
