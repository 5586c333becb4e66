import { parallelStep } from '../steps/parallel-step.js';
import { toSteps } from '../steps/to-step.js';
import { Runnable } from '../runnable/runnable.js';
import type { MapChunk, MapOutput, RunnableMap } from '../runnable/runnable-types.js';
import type { MapInput } from './map-input.js';

/**
 * Runs every entry on the same input at once. Streams keyed chunks
 * (`{ key: chunk }`) as they arrive; `invoke` folds them per key, each by its
 * entry's own aggregation, into one object.
 *
 * @example
 * ```ts
 * const both = parallel({ joke: jokeChain, poem: poemChain });
 * const { joke, poem } = await both.invoke({ topic: 'otters' });
 * ```
 */
export function parallel<M extends RunnableMap<never>>(steps: M): Runnable<MapInput<M>, MapOutput<M>, MapChunk<M>> {
  return Runnable.from(parallelStep<MapInput<M>, MapOutput<M>, MapChunk<M>>(toSteps(steps)));
}
