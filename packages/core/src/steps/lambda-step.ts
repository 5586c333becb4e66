import { mergeMap, Observable } from 'rxjs';
import { delta, snapshot, type Aggregation, type AggregationRule } from '../aggregation/aggregation.js';
import type { RunContext } from '../run/run-context.js';
import type { Step } from '../run/step.js';
import { wholeInput } from '../run/stream-input.js';
import type { RunnableFunction } from '../runnable/runnable-types.js';
import { fromStepResult } from './from-step-result.js';

/** Options of a function step. */
export interface LambdaOptions {
  /** The step's name in events; defaults to the function's name. */
  readonly name?: string | undefined;
  /**
   * How the chunks of a streaming function (generator, observable) aggregate:
   * `delta` (the default) concatenates them, `snapshot` keeps the last; or any aggregation rule.
   */
  readonly aggregate?: 'delta' | 'snapshot' | AggregationRule | undefined;
}

/** A step running `fn` on the aggregated input; its result streams if it is an async iterable or observable. */
export function lambdaStep<I, O>(fn: RunnableFunction<I, O>, options: LambdaOptions = {}): Step<I, O> {
  const name = options.name ?? (fn.name || 'lambda');
  return {
    name,
    aggregation: aggregationOf<O>(options.aggregate),
    doStream: (input, ctx) =>
      input.whole
        ? callStepFunction(fn, input.whole.value, ctx)
        : wholeInput(input, name).pipe(mergeMap((value) => callStepFunction(fn, value, ctx))),
  };
}

function aggregationOf<O>(option: LambdaOptions['aggregate']): Aggregation<O, O> {
  if (option === undefined || option === 'delta') return delta<O>();
  return option === 'snapshot' ? snapshot<O>() : option;
}

// `ctx.signal` is the run's: it aborts when the run ends or is cancelled,
// which is when a function step can be cancelled at all.
function callStepFunction<I, O>(fn: RunnableFunction<I, O>, value: I, ctx: RunContext): Observable<O> {
  return new Observable<O>((subscriber) => fromStepResult(fn(value, ctx)).subscribe(subscriber));
}
