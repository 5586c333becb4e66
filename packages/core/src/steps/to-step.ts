import { InputError } from '../errors/input-error.js';
import type { Step } from '../run/step.js';
import { lambdaStep, type StepFunction } from './lambda-step.js';
import { parallelStep } from './parallel-step.js';

/** Anything usable as a step: a step (every `Runnable` is one), a function, or an object map of those (run in parallel). */
export type StepLike<I, O> = Step<I, O> | StepFunction<I, O> | StepMap<I>;

/** An object whose values are step-likes, all given the same input. */
export interface StepMap<I> {
  readonly [key: string]: StepLike<I, unknown>;
}

/** True when `value` is a step: it has `doStream` and an aggregator. */
export function isStep(value: unknown): value is Step<unknown, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<Step<unknown, unknown>>).doStream === 'function' &&
    'aggregator' in value
  );
}

/** Coerces a step-like into a step; fails with `InputError` for anything else. */
export function toStep<I, O>(like: StepLike<I, O>): Step<I, O> {
  if (isStep(like)) return like as Step<I, O>;
  if (typeof like === 'function') return lambdaStep(like);
  if (typeof like === 'object' && like !== null && !Array.isArray(like)) {
    const steps: Record<string, Step<unknown, unknown>> = {};
    for (const [key, value] of Object.entries(like)) {
      Object.defineProperty(steps, key, { value: toStep(value), enumerable: true, configurable: true, writable: true });
    }
    return parallelStep(steps) as unknown as Step<I, O>;
  }
  throw new InputError(`Expected a runnable, a function or an object of those, got ${describe(like)}.`);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}
