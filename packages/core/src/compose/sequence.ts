import type { Step } from '../run/step.js';
import { sequenceStep } from '../steps/sequence-step.js';
import { toStep } from '../steps/to-step.js';
import { Runnable } from '../runnable/runnable.js';
import type { RunnableFunction, RunnableLike } from '../runnable/runnable-types.js';

/** A step of a sequence: a runnable or a function. */
type Link<I, O> = Runnable<I, O, unknown> | RunnableFunction<I, O>;

/**
 * Steps run one after another, each fed the previous one's chunks as they
 * arrive. The same as chaining `pipe`.
 *
 * @example
 * ```ts
 * const chain = sequence(prompt, model, textParser());
 * ```
 */
export function sequence<A, B>(s1: Link<A, B>): Runnable<A, B>;
export function sequence<A, B, C>(s1: Link<A, B>, s2: Link<B, C>): Runnable<A, C>;
export function sequence<A, B, C, D>(s1: Link<A, B>, s2: Link<B, C>, s3: Link<C, D>): Runnable<A, D>;
export function sequence<A, B, C, D, E>(s1: Link<A, B>, s2: Link<B, C>, s3: Link<C, D>, s4: Link<D, E>): Runnable<A, E>;
export function sequence<A, B, C, D, E, F>(
  s1: Link<A, B>,
  s2: Link<B, C>,
  s3: Link<C, D>,
  s4: Link<D, E>,
  s5: Link<E, F>,
): Runnable<A, F>;
export function sequence<A, B, C, D, E, F, G>(
  s1: Link<A, B>,
  s2: Link<B, C>,
  s3: Link<C, D>,
  s4: Link<D, E>,
  s5: Link<E, F>,
  s6: Link<F, G>,
): Runnable<A, G>;
export function sequence(...steps: RunnableLike<unknown, unknown>[]): Runnable<unknown, unknown>;
export function sequence(...steps: RunnableLike<unknown, unknown>[]): Runnable<unknown, unknown> {
  return Runnable.from(sequenceStep(steps.map((step) => toStep(step as Step<unknown, unknown>))));
}
