import { concatMap, of, type Observable } from 'rxjs';
import { sameAggregation } from '../aggregation/aggregation.js';
import { foldStream } from '../aggregation/fold-stream.js';
import { InputError } from '../errors/input-error.js';
import type { RunContext } from '../run/run-context.js';
import { runStep } from '../run/run-step.js';
import type { AnyStep } from '../run/step.js';
import { inputOf, onWholeInput } from '../run/stream-input.js';
import { toStep } from '../steps/to-step.js';
import { Runnable } from '../runnable/runnable.js';
import type { RunnableFunction } from '../runnable/runnable-types.js';

/** A runnable or a function, as `branch` takes them. */
type Branchable<I, O, C = O> = Runnable<I, O, C> | RunnableFunction<I, O>;

/**
 * Runs the step of the first case whose condition holds for the whole input,
 * else the last argument. Conditions run in order, each as a step of its own.
 * Every branch must aggregate the same way, so a stream of whichever runs
 * folds by one announced rule.
 *
 * @example
 * ```ts
 * const route = branch(
 *   [(q: string) => q.includes('code'), codeChain],
 *   [(q: string) => q.includes('math'), mathChain],
 *   generalChain,
 * );
 * ```
 */
export function branch<I, O, C = O>(
  ...args: [...cases: (readonly [Branchable<I, boolean, unknown>, Branchable<I, O, C>])[], fallback: Branchable<I, O, C>]
): Runnable<I, O, C> {
  const fallback = toStep(args[args.length - 1] as Branchable<I, O, C>);
  const cases = (args.slice(0, -1) as (readonly [Branchable<I, boolean, unknown>, Branchable<I, O, C>])[]).map(
    ([condition, step]) => [toStep(condition), toStep(step)] as const,
  );
  const rule = Runnable.from(fallback).outputAggregation();
  if (!cases.every(([, step]) => sameAggregation(Runnable.from(step).outputAggregation(), rule))) {
    throw new InputError('branch: every branch must aggregate the same way (all deltas, all snapshots, ...), so a stream of whichever runs folds by one rule.');
  }
  return Runnable.from<I, O, C>({
    name: 'branch',
    aggregation: rule,
    doStream: (input, ctx) =>
      onWholeInput(input, 'branch', (value) => choose(cases, fallback, value, ctx).pipe(concatMap((step): Observable<C> => runStep(step, inputOf(value), ctx)))),
  });
}

function choose(cases: readonly (readonly [AnyStep, AnyStep])[], fallback: AnyStep, value: unknown, ctx: RunContext): Observable<AnyStep> {
  const tryCase = (index: number): Observable<AnyStep> => {
    const current = cases[index];
    if (current === undefined) return of(fallback);
    const [condition, step] = current;
    const verdict = foldStream(runStep(condition, inputOf(value), ctx), () => Runnable.from(condition).outputAggregation());
    return verdict.pipe(concatMap((holds) => (holds ? of(step) : tryCase(index + 1))));
  };
  return tryCase(0);
}
