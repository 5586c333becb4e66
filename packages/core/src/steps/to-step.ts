import { InputError } from '../errors/input-error.js';
import type { AnyStep } from '../run/step.js';
import type { RunnableLike } from '../runnable/runnable-types.js';
import { lambdaStep } from './lambda-step.js';
import { parallelStep } from './parallel-step.js';

/** True when `value` is a step (every `Runnable` is one): it has `doStream` and an aggregation. */
export function isStep(value: unknown): value is AnyStep {
  return typeof value === 'object' && value !== null && typeof (value as Partial<AnyStep>).doStream === 'function' && 'aggregation' in value;
}

/** Coerces a runnable-like (a runnable, a function, an object map of those) into a step; `InputError` for anything else. */
export function toStep(like: RunnableLike<never, unknown>): AnyStep {
  if (isStep(like)) return like;
  if (typeof like === 'function') return lambdaStep(like);
  if (typeof like === 'object' && like !== null && !Array.isArray(like)) return parallelStep(toSteps(like));
  throw new InputError(`Expected a runnable, a function or an object of those, got ${describe(like)}.`);
}

/** Coerces every value of a map of runnable-likes. */
export function toSteps(map: object): Record<string, AnyStep> {
  const steps: Record<string, AnyStep> = {};
  for (const [key, value] of Object.entries(map)) {
    Object.defineProperty(steps, key, { value: toStep(value as RunnableLike<never, unknown>), enumerable: true, configurable: true, writable: true });
  }
  return steps;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}
