import type { Step } from '../run/step.js';
import { assignStep } from '../steps/assign-step.js';
import { Runnable } from '../runnable/runnable.js';
import type { MapOutput, RunnableMap } from '../runnable/runnable-types.js';
import type { MapInput } from './map-input.js';
import { toSteps } from './parallel.js';

/**
 * Adds keys to the input object: each entry runs on the input (in parallel)
 * and its output lands under its key. Streams the input first, then keyed
 * chunks.
 *
 * @example
 * ```ts
 * const chain = assign({ length: (x: { text: string }) => x.text.length });
 * await chain.invoke({ text: 'abc' }); // { text: 'abc', length: 3 }
 * ```
 */
export function assign<M extends RunnableMap<never>>(steps: M): Runnable<MapInput<M>, MapInput<M> & MapOutput<M>> {
  return Runnable.from(assignStep(toSteps(steps)) as Step<unknown, unknown>) as Runnable<MapInput<M>, MapInput<M> & MapOutput<M>>;
}
