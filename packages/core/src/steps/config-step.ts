import { mergeOptions } from '../run/merge-options.js';
import type { RunOptions } from '../run/run-options.js';
import type { Step } from '../run/step.js';

/** `step` with `options` applied to it and everything nested in it. */
export function configStep<I, O, C>(step: Step<I, O, C>, options: RunOptions): Step<I, O, C> {
  return {
    name: step.name,
    aggregation: step.aggregation,
    config: mergeOptions(step.config, options),
    doStream: (input, ctx) => step.doStream(input, ctx),
  };
}
