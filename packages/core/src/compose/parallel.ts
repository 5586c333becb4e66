import type { Step } from '../run/step.js';
import { parallelStep } from '../steps/parallel-step.js';
import { toStep } from '../steps/to-step.js';
import { Runnable } from '../runnable/runnable.js';
import type { MapOutput, RunnableMap } from '../runnable/runnable-types.js';
import type { MapInput } from './map-input.js';

/**
 * Runs every entry on the same input at once. Streams keyed chunks
 * (`{ key: chunk }`) as they arrive; `invoke` gives one object with every
 * key's aggregated output.
 *
 * @example
 * ```ts
 * const both = parallel({ joke: jokeChain, poem: poemChain });
 * const { joke, poem } = await both.invoke({ topic: 'otters' });
 * ```
 */
export function parallel<M extends RunnableMap<never>>(steps: M): Runnable<MapInput<M>, MapOutput<M>> {
  return Runnable.from(parallelStep(toSteps(steps)) as Step<unknown, unknown>) as Runnable<MapInput<M>, MapOutput<M>>;
}

/** Coerces every value of a map of runnable-likes. */
export function toSteps(steps: RunnableMap<never>): Record<string, Step<unknown, unknown>> {
  const result: Record<string, Step<unknown, unknown>> = {};
  for (const [key, value] of Object.entries(steps)) {
    Object.defineProperty(result, key, { value: toStep(value as Step<unknown, unknown>), enumerable: true, configurable: true, writable: true });
  }
  return result;
}
