import type { Observable} from 'rxjs';
import { concatMap, defer, of } from 'rxjs';
import { InputError } from '../errors/input-error.js';
import { aggregate } from '../run/aggregate.js';
import { resolveAggregator, snapshot } from '../run/aggregator.js';
import type { RunContext } from '../run/run-context.js';
import { runStep } from '../run/run-step.js';
import type { Step } from '../run/step.js';
import { inputOf, wholeInput } from '../run/stream-input.js';

/** A condition and the step it selects. */
export type BranchCase<I, O> = readonly [condition: Step<I, unknown>, step: Step<I, O>];

/**
 * Runs the step of the first case whose condition holds for the whole input
 * (conditions are tried in order, each run as a step), else `fallback`.
 */
export function branchStep<I, O>(cases: readonly BranchCase<I, O>[], fallback: Step<I, O>): Step<I, O> {
  const steps = [...cases.map(([, step]) => step), fallback];
  const kinds = new Set(steps.map((step) => resolveAggregator(step.aggregator, snapshot()).kind));
  if (kinds.size > 1) {
    throw new InputError('branch: every branch must aggregate the same way (all deltas or all snapshots), so invoke can combine whichever runs.');
  }
  return {
    name: 'branch',
    aggregator: fallback.aggregator,
    doStream: (input, ctx) =>
      wholeInput(input, 'branch').pipe(
        concatMap((value) => defer(() => choose(cases, fallback, value, ctx)).pipe(concatMap((step) => runStep(step, inputOf(value), ctx)))),
      ),
  };
}

function choose<I, O>(cases: readonly BranchCase<I, O>[], fallback: Step<I, O>, value: I, ctx: RunContext): Observable<Step<I, O>> {
  const tryCase = (index: number): Observable<Step<I, O>> => {
    const current = cases[index];
    if (current === undefined) return of(fallback);
    const [condition, step] = current;
    const verdict = aggregate(runStep(condition, inputOf(value), ctx), resolveAggregator(condition.aggregator, snapshot()));
    return verdict.pipe(concatMap((holds) => (holds ? of(step) : tryCase(index + 1))));
  };
  return tryCase(0);
}
