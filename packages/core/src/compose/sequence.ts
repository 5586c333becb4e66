import { sequenceStep } from '../steps/sequence-step.js';
import { toStep } from '../steps/to-step.js';
import { Runnable } from '../runnable/runnable.js';
import type { RunnableFunction, RunnableLike } from '../runnable/runnable-types.js';

/** A step of a sequence: a runnable or a function (whose chunks are its outputs). */
type Link<I, O, C = O> = Runnable<I, O, C> | RunnableFunction<I, O>;

/**
 * Steps run one after another, each fed the previous one's chunks as they
 * arrive. The same as chaining `pipe`, with the same types: the input of the
 * first, the output and chunk type of the last.
 *
 * @example
 * ```ts
 * const chain = sequence(prompt, model, textParser());
 * ```
 */
export function sequence<A, B, BC = B>(s1: Link<A, B, BC>): Runnable<A, B, BC>;
export function sequence<A, B, C, CC = C>(s1: Link<A, B, unknown>, s2: Link<B, C, CC>): Runnable<A, C, CC>;
export function sequence<A, B, C, D, DC = D>(s1: Link<A, B, unknown>, s2: Link<B, C, unknown>, s3: Link<C, D, DC>): Runnable<A, D, DC>;
export function sequence<A, B, C, D, E, EC = E>(
  s1: Link<A, B, unknown>,
  s2: Link<B, C, unknown>,
  s3: Link<C, D, unknown>,
  s4: Link<D, E, EC>,
): Runnable<A, E, EC>;
export function sequence<A, B, C, D, E, F, FC = F>(
  s1: Link<A, B, unknown>,
  s2: Link<B, C, unknown>,
  s3: Link<C, D, unknown>,
  s4: Link<D, E, unknown>,
  s5: Link<E, F, FC>,
): Runnable<A, F, FC>;
export function sequence<A, B, C, D, E, F, G, GC = G>(
  s1: Link<A, B, unknown>,
  s2: Link<B, C, unknown>,
  s3: Link<C, D, unknown>,
  s4: Link<D, E, unknown>,
  s5: Link<E, F, unknown>,
  s6: Link<F, G, GC>,
): Runnable<A, G, GC>;
export function sequence(...steps: RunnableLike<unknown, unknown>[]): Runnable<unknown, unknown>;
export function sequence(...steps: RunnableLike<never, unknown>[]): Runnable<unknown, unknown> {
  return Runnable.from(sequenceStep(steps.map(toStep)));
}
