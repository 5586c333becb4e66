import { concat, mergeMap, of } from 'rxjs';
import { keyedAggregator } from '../run/keyed-aggregator.js';
import { resolveAggregator, snapshot } from '../run/aggregator.js';
import { runStep } from '../run/run-step.js';
import type { Step } from '../run/step.js';
import { inputOf, wholeInput } from '../run/stream-input.js';
import { parallelStep } from './parallel-step.js';

/**
 * Emits the input object, then keyed chunks of `steps` run on it in parallel:
 * the aggregate is the input with each step's output added under its key.
 */
export function assignStep(steps: Readonly<Record<string, Step<unknown, unknown>>>): Step<Record<string, unknown>, Record<string, unknown>> {
  const parallel = parallelStep(steps);
  // The assigned steps get the whole input, which aggregates as a snapshot.
  const aggregators = Object.fromEntries(
    Object.entries(steps).map(([key, step]) => [key, resolveAggregator(step.aggregator, snapshot())]),
  );
  return {
    name: 'assign',
    aggregator: keyedAggregator(aggregators),
    doStream: (input, ctx) =>
      wholeInput(input, 'assign').pipe(
        mergeMap((value) => concat(of(value), runStep(parallel, inputOf<unknown>(value), ctx))),
      ),
  };
}
