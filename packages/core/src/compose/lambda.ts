import { lambdaStep, type LambdaOptions } from '../steps/lambda-step.js';
import { Runnable } from '../runnable/runnable.js';
import type { RunnableFunction } from '../runnable/runnable-types.js';

/**
 * A runnable from a function. A plain or async function receives the whole
 * (aggregated) input and emits its result as one chunk; an async generator or
 * an observable-returning function streams its values as chunks. To receive
 * the input as it streams, use `transform`.
 *
 * @example
 * ```ts
 * const shout = lambda((text: string) => text.toUpperCase());
 * const words = lambda(async function* (text: string) { for (const w of text.split(' ')) yield w + ' '; });
 * ```
 */
export function lambda<I, O>(fn: RunnableFunction<I, O>, options?: LambdaOptions): Runnable<I, O> {
  return Runnable.from(lambdaStep(fn, options));
}
