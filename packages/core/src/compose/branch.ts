import type { Step } from '../run/step.js';
import { branchStep, type BranchCase } from '../steps/branch-step.js';
import { toStep } from '../steps/to-step.js';
import { Runnable } from '../runnable/runnable.js';
import type { RunnableFunction } from '../runnable/runnable-types.js';

/** A runnable or a function, as `branch` takes them. */
type Branchable<I, O> = Runnable<I, O, unknown> | RunnableFunction<I, O>;

/**
 * Runs the step of the first case whose condition holds for the input, else
 * the last argument. Conditions run in order, each as a step of its own.
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
export function branch<I, O>(...args: [...cases: (readonly [Branchable<I, boolean>, Branchable<I, O>])[], fallback: Branchable<I, O>]): Runnable<I, O> {
  const fallback = args[args.length - 1] as Branchable<I, O>;
  const cases = args.slice(0, -1) as (readonly [Branchable<I, boolean>, Branchable<I, O>])[];
  const steps: BranchCase<I, O>[] = cases.map(([condition, step]) => [asStep<I, boolean>(condition), asStep<I, O>(step)]);
  return Runnable.from(branchStep(steps, asStep<I, O>(fallback)));
}

/** A runnable's chunks are its outputs' pieces; at the step level both are `O`. */
function asStep<I, O>(like: Branchable<I, O>): Step<I, O> {
  return toStep(like as Step<I, O> | RunnableFunction<I, O>);
}
