import { concat, mergeMap, of } from 'rxjs';
import { snapshot } from '../aggregation/aggregation.js';
import { runStep } from '../run/run-step.js';
import { inputOf, wholeInput } from '../run/stream-input.js';
import { keyedOf, parallelStep } from '../steps/parallel-step.js';
import { toSteps } from '../steps/to-step.js';
import { Runnable } from '../runnable/runnable.js';
import type { MapChunk, MapOutput, RunnableMap } from '../runnable/runnable-types.js';
import type { MapInput } from './map-input.js';

/**
 * Adds keys to the input object: each entry runs on the whole input (in
 * parallel) and its output lands under its key. Streams the input first,
 * then keyed chunks, which fold per key into the input with the new keys.
 *
 * @example
 * ```ts
 * const chain = assign({ length: (x: { text: string }) => x.text.length });
 * await chain.invoke({ text: 'abc' }); // { text: 'abc', length: 3 }
 * ```
 */
export function assign<M extends RunnableMap<never>>(
  steps: M,
): Runnable<MapInput<M>, MapInput<M> & MapOutput<M>, MapInput<M> | MapChunk<M>> {
  const children = toSteps(steps);
  const parallel = parallelStep<MapInput<M>, MapOutput<M>, MapChunk<M>>(children);
  return Runnable.from<MapInput<M>, MapInput<M> & MapOutput<M>, MapInput<M> | MapChunk<M>>({
    name: 'assign',
    // The entries get the whole input, which aggregates as a snapshot; the input's own keys keep their last value.
    aggregation: keyedOf(Object.entries(children), snapshot()),
    doStream: (input, ctx) =>
      wholeInput(input, 'assign').pipe(mergeMap((value) => concat(of<MapInput<M> | MapChunk<M>>(value), runStep(parallel, inputOf(value), ctx)))),
  });
}
